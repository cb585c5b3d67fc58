//===- Rules.h - The rule checks, one file each -----------------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The checker's half of each rule of Conventions.h, one file per rule,
/// named like the plugin pass that is the rule's other half:
///
///   rule 1  CheckGlobalEntry.cpp        GoABIGlobalEntry.cpp
///   rule 2  CheckTOCSave.cpp            GoABITOCSave.cpp
///   rule 3  CheckIndirectCall.cpp       GoABIIndirectCall.cpp
///   rule 4  CheckDynlinkCall.cpp        GoABIDynlinkCall.cpp
///   rule 5  CheckDeferreturnPad.cpp     GoABIDeferreturnPad.cpp
///   rule 6  CheckReservedRegisters.cpp  GoABIVerifyRegisters.cpp
///   fixed-regs  CheckFixedRegs.cpp      GoABIVerifyFixedRegs.cpp
///
/// plus CheckUnappliedRelocations.cpp (rules 1 and 4 in a linked file whose
/// linker left relocations unapplied). Each check reads one decoded function
/// (RuleInput) and adds its findings; ObjectChecker.cpp runs them in this
/// order, each only in the modes its rule applies to.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_RULES_H
#define PPCGOABI_CHECKER_RULES_H

#include "FrameAnalysis.h"
#include "Function.h"
#include "Image.h"
#include "PPCDecoder.h"
#include "Report.h"

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/ArrayRef.h"

namespace ppcgoabi {
namespace checker {

/// What every rule check reads about the function it checks.
struct RuleInput {
  const Image &Img;
  const PPCDecoder &D;
  const Config &Conf;
  const DecodedFunction &C;
  const FrameAnalysis &Frame;
};

void checkGlobalEntry(const RuleInput &In, FunctionFindings &Out);
void checkTOCSave(const RuleInput &In, FunctionFindings &Out);
void checkIndirectCall(const RuleInput &In, FunctionFindings &Out);
void checkDynlinkCall(const RuleInput &In, FunctionFindings &Out);
void checkDeferreturnPad(const RuleInput &In, FunctionFindings &Out);
void checkReservedRegisters(const RuleInput &In, FunctionFindings &Out);
void checkFixedRegs(const RuleInput &In, FunctionFindings &Out);

/// Linked files: `bl .+0` and `addis 2,12,0; addi 2,2,0` anywhere in the
/// functions \p Scanned (every checked or --ignore'd one), each reported
/// once in the innermost function that contains it.
void checkUnappliedRelocations(const Image &Img, const PPCDecoder &D,
                               llvm::ArrayRef<const Function *> Scanned,
                               FileReport &Report);

/// Whether instruction \p I of \p C is the TOC restore `ld 2,24(rB)` of
/// LLVM's __builtin_longjmp (CheckReservedRegisters.cpp; rules 2 and 6).
bool isLongjmpTOCRestore(const PPCDecoder &D, const DecodedFunction &C,
                         size_t I);

/// Whether \p First, \p Second are the global entry prologue's form
/// `addis 2,12,*; addi 2,2,*` (rules 1 and 6).
bool isGlobalEntry(uint32_t First, uint32_t Second);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_RULES_H
