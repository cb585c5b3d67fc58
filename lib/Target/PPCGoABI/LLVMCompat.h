//===- LLVMCompat.h - Differences between the LLVM majors ----*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every source difference between the supported LLVM majors (19 and 22)
/// lives here or in the hook file(s) CMake chooses for the major
/// (lib/Target/PPCGoABI/CMakeLists.txt). Everything else (the policy, the IR
/// preparation, the rule passes, the statistics) is the same code on both.
///
/// A hook gets the plugin's work into llc's code-generation pipeline. Each
/// must, explicitly:
///
///   1. prepare the IR once per module, before any function is selected
///      (prepareModuleForGoABI);
///   2. reserve r2 before register allocation in every function rule 6
///      applies to;
///   3. reserve r30 around register allocation (beginPinningG, endPinningG);
///   4. run ppc-go-abi-validate on every function after instruction
///      selection, and ppc-go-abi-rules on every function after the last pass
///      that moves instructions and before branches are sized for emission;
///   5. report the statistics once per module, after the rules
///      (reportGoABIStatistics).
///
///   step  LLVM 22: GoABIPassConfigHook.cpp   LLVM 19: GoABIAsmPrinterHook.cpp
///         (inserts passes into every          and GoABIPreRAHook.cpp (wrap the
///         TargetPassConfig)                   AsmPrinter and three passes'
///                                             registered constructors)
///   1     ppc-go-prepare-ir after             the AsmPrinter wrapper's
///         finalize-isel                       doInitialization
///   2     ppc-go-reserve-toc after            the same pass, run by a wrapper
///         finalize-isel                       of finalize-isel
///   3     ppc-go-pin-g / ppc-go-unpin-g       wrappers of the same two passes
///         after phi-node-elimination and
///         fixup-statepoint-caller-saved
///   4     validate after finalize-isel;       both from the AsmPrinter
///         rules after ppc-atomic-expand,      wrapper, then ppc-branch-select
///         right before ppc-branch-select      again where it may matter
///   5     ppc-go-abi-statistics after the     the AsmPrinter wrapper's
///         rules                               doFinalization
///
/// docs/Design.md ("Porting to another LLVM") says how to add a major.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_LIB_LLVMCOMPAT_H
#define PPCGOABI_LIB_LLVMCOMPAT_H

#include "llvm/Config/llvm-config.h"

// PassPlugin.h moved from llvm/Passes to llvm/Plugins in LLVM 22.
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#endif // PPCGOABI_LIB_LLVMCOMPAT_H
