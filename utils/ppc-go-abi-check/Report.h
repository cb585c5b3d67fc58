//===- Report.h - What ppc-go-abi-check found, and its printers -*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The checker's findings for one input file, independent of the output
/// format, and the two printers (text for people, JSON for scripts); and
/// FunctionFindings, through which every rule check reports: it quotes the
/// instructions, and files each finding as a violation or, in Go's runtime
/// assembly, as a known exception (KnownExceptions.h). Every
/// violation carries the file, the function, the address, the rule (by its
/// Conventions.h name) and the instructions that break it, so that a report
/// can be acted on without another disassembler.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_REPORT_H
#define PPCGOABI_CHECKER_REPORT_H

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace ppcgoabi {
namespace checker {

/// One instruction quoted in a finding.
struct QuotedInsn {
  uint64_t Addr = 0;
  uint32_t Word = 0;
  std::string Text;
  /// The instruction the finding is about (others are context).
  bool Offending = false;
};

/// One broken rule at one place.
struct Finding {
  std::string Function;
  uint64_t FunctionAddr = 0;
  uint64_t Addr = 0;
  Rule R = Rule::Target;
  std::string Message;
  std::vector<QuotedInsn> Instrs;
};

/// Findings in a function of Go's hand-written runtime assembly that the
/// known-exceptions table accepts, with the table's reason.
struct KnownException {
  Finding First;
  unsigned Count = 0;
  std::string Reason;
};

/// What became of one input file (or archive member).
struct FileReport {
  std::string File;
  /// "relocatable object", "executable", "shared object".
  std::string Kind;
  /// Set when the input could not be read: the file is not reported on
  /// otherwise and the checker exits with 2.
  std::string Error;

  unsigned NumFunctions = 0;
  unsigned NumChecked = 0;
  /// --ignore matches.
  std::vector<std::string> Ignored;
  /// Functions outside the Go function table (pclntab) of a Go binary: C
  /// code linked in by cgo or the system linker; Go's conventions do not
  /// apply to them.
  std::vector<std::string> NotGo;
  /// Linker-generated stubs (PLT call stubs, long-branch thunks): they
  /// follow the ELFv2 ABI and are not the program's functions.
  std::vector<std::string> Stubs;
  /// The C runtime's startup code in a linked file (isStartupCode), not
  /// checked unless --check-startup-code.
  std::vector<std::string> Startup;
  std::vector<Finding> Violations;
  std::vector<KnownException> Exceptions;
  /// Facts worth knowing (where the TOC value came from, ...).
  std::vector<std::string> Notes;

  bool conforms() const { return Error.empty() && Violations.empty(); }
};

class Image;
class PPCDecoder;
struct DecodedFunction;

/// The findings of one decoded function, as the rule checks add them.
class FunctionFindings {
public:
  FunctionFindings(const Image &Img, const PPCDecoder &D,
                   const DecodedFunction &C)
      : Img(Img), D(D), C(C) {}

  /// A finding of rule \p R about instruction \p At (an index of the
  /// function's instructions; past the end: the function), quoting it and
  /// the instructions \p Quote.
  void add(Rule R, size_t At, const llvm::Twine &Message,
           llvm::ArrayRef<size_t> Quote);

  /// Moves the findings into \p Report: violations, or known exceptions
  /// for Go's runtime assembly in a Go binary (one per function and rule,
  /// counted).
  void fileInto(FileReport &Report);

private:
  const Image &Img;
  const PPCDecoder &D;
  const DecodedFunction &C;
  std::vector<Finding> Findings;
};

struct RunInfo {
  GoVersion Version;
  BuildMode Mode;
  bool Verbose = false;
  /// --fixed-regs: the fixed-regs rule was checked too.
  bool FixedRegs = false;
};

void printText(llvm::raw_ostream &OS, const RunInfo &Run,
               const std::vector<FileReport> &Reports);
void printJSON(llvm::raw_ostream &OS, const RunInfo &Run,
               const std::vector<FileReport> &Reports);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_REPORT_H
