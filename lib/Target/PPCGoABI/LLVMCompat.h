//===- LLVMCompat.h - Differences between the LLVM majors ----*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every source difference between the supported LLVM majors (19 and 22)
/// lives here or in the choice of hook file CMake makes:
///
///   LLVM 22  GoABIPassConfigHook.cpp  passes inserted into TargetPassConfig
///   LLVM 19  GoABIAsmPrinterHook.cpp  passes run from a wrapper AsmPrinter
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
