//===- PPCGoABIPlugin.cpp - Entry point of the PPCGoABI plugin ------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// How the plugin gets into a compiler. Everything is registered by static
/// constructors when the library is loaded: the options and passes
/// (GoABIPolicy.cpp and one file per pass) and the hook of this LLVM major
/// (LLVMCompat.h). Loading is therefore enough, however it happens:
///
///   llc -load=PPCGoABI.so                 (LLVM 19 and 22)
///   llc --load-pass-plugin=PPCGoABI.so    (LLVM 22)
///   clang -fpass-plugin=PPCGoABI.so, clang -Xclang -load -Xclang PPCGoABI.so
///
/// llvmGetPassPluginInfo is what --load-pass-plugin and -fpass-plugin look
/// for. The plugin adds nothing to the new pass manager's IR pipeline: its
/// work is in code generation, which the hook reaches.
///
//===----------------------------------------------------------------------===//

#include "LLVMCompat.h"

#include "llvm/Passes/PassBuilder.h"

using namespace llvm;

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "PPCGoABI", "0.1.0", [](PassBuilder &) {}};
}
