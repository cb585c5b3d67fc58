//===- ObjectChecker.h - Checks one ELF file against the rules --*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The checker proper: given a powerpc64le ELF file (relocatable object,
/// executable or shared object), the Go version and the build mode, it finds
/// the functions, decodes them and checks every rule of Conventions.h on
/// each (docs/Checker.md describes how each rule is checked).
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_OBJECTCHECKER_H
#define PPCGOABI_CHECKER_OBJECTCHECKER_H

#include "Report.h"

#include "PPCGoABI/Conventions.h"

#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <vector>

namespace ppcgoabi {
namespace checker {

class PPCDecoder;

struct CheckOptions {
  /// Mode, Go version, deferreturn symbol, functions without a prologue.
  Config Conf;
  /// Functions whose name matches one of these are not checked.
  std::vector<std::shared_ptr<llvm::Regex>> Ignore;
  /// Also check the C runtime's startup code in linked files (_start,
  /// _init, frame_dummy, ...: isStartupCode); by default it is listed, not
  /// checked.
  bool CheckStartupCode = false;
  /// Also check Go's fixed registers (--fixed-regs, CheckFixedRegs.cpp).
  bool FixedRegs = false;
};

/// Whether \p Name is a function the C runtime's startup files (crt1.o,
/// crti.o, crtbegin*.o, crtend*.o, crtn.o) or the linker put in every
/// linked C executable or shared object. It is compiled by the system's
/// compiler for the C ABI, not by the user, so Go's conventions are not
/// expected of it.
bool isStartupCode(llvm::StringRef Name);

/// Checks \p Obj; \p Report.File is set by the caller. An input that cannot
/// be read sets Report.Error (exit status 2).
void checkObject(const llvm::object::ELF64LEObjectFile &Obj,
                 const CheckOptions &Opts, const PPCDecoder &Decoder,
                 FileReport &Report);

/// Checks that \p Bin is an ELF file the rules can be checked on
/// (ppc64le, ELF64, not ELFv1); the reason if not.
std::optional<std::string>
findUnsupportedInput(const llvm::object::Binary &Bin);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_OBJECTCHECKER_H
