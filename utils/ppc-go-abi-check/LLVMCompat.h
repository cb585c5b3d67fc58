//===- LLVMCompat.h - LLVM version differences for the checker --*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every source difference between the supported LLVM majors (19 and 22)
/// that ppc-go-abi-check sees lives here. (The plugin's are in
/// lib/Target/PPCGoABI/LLVMCompat.h, which also pulls in the pass plugin
/// API the checker does not use.)
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_LLVMCOMPAT_H
#define PPCGOABI_CHECKER_LLVMCOMPAT_H

#include "llvm/Config/llvm-config.h"
#include "llvm/TargetParser/Triple.h"

#include <string>

namespace ppcgoabi {
namespace checker {

/// The triple as the TargetRegistry's lookupTarget and create* functions
/// take it: LLVM 21 added Triple overloads and deprecated the string ones;
/// LLVM 19 has only some of them.
#if LLVM_VERSION_MAJOR >= 21
inline const llvm::Triple &tripleArg(const llvm::Triple &TT) { return TT; }
#else
inline std::string tripleArg(const llvm::Triple &TT) { return TT.str(); }
#endif

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_LLVMCOMPAT_H
