//===- GoABIHostCheck.cpp - Refuse to load into another LLVM --------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Guarantees that the plugin either runs inside the LLVM it was built
/// against or stops the program with a message naming both LLVMs.
///
/// Why: the plugin is linked to one shared libLLVM (libLLVM.so.19.1 or
/// libLLVM.so.22.1), whose symbols are versioned. Loaded into a program of the
/// other major (llc 22 -load=PPCGoABI.so built for 19, clang 19
/// -fpass-plugin=PPCGoABI.so built for 22, ld.lld -mllvm -load=...), the
/// dynamic loader brings in the plugin's own libLLVM beside the program's:
/// the plugin's options, passes and hook then register in a second copy of
/// LLVM that the program never consults. Nothing crashes and nothing
/// happens; a module that asks for the conventions only through the
/// "ppc-go-abi" attribute is compiled unconverted, with exit status 0.
///
/// How: at load time, before any other initialiser of the plugin (a
/// constructor of the highest priority: the cl::opt and pass registrations,
/// which run later, go to the plugin's own libLLVM and must not be relied on
/// in a foreign one), compare the program's LLVM with the plugin's. The
/// program's is the definition of the C API function LLVMGetVersion that the
/// global symbol scope (the program and the libraries it started with) finds
/// first; the plugin's is the one its own reference is bound to (a versioned
/// symbol, so always its own libLLVM). Two different definitions mean two
/// LLVMs in one process: the plugin prints both versions and libraries and
/// exits with status 1. Only libc is used on the way: nothing of either LLVM
/// but the two LLVMGetVersion functions, which only read constants.
///
/// A program that exports no LLVMGetVersion (LLVM linked statically and not
/// exported) cannot be told apart from the plugin's own; the plugin then
/// loads as before.
///
//===----------------------------------------------------------------------===//

#include "llvm-c/Core.h"
#include "llvm/Config/llvm-config.h"

#include <cstdio>
#include <dlfcn.h>
#include <unistd.h>

namespace ppcgoabi {
namespace {

using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);

/// The file that defines \p Fn, or "an unknown library".
const char *getDefiningLibrary(GetVersionFn Fn) {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(Fn), &Info) && Info.dli_fname)
    return Info.dli_fname;
  return "an unknown library";
}

// Priority 101 is the first one available to programs: this runs before
// every other static initialiser of the plugin.
__attribute__((constructor(101))) void refuseForeignLLVM() {
  auto *Program =
      reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  GetVersionFn Own = &LLVMGetVersion;
  if (!Program || Program == Own)
    return;
  unsigned ProgramMajor = 0, ProgramMinor = 0, ProgramPatch = 0;
  Program(&ProgramMajor, &ProgramMinor, &ProgramPatch);
  std::fprintf(stderr,
               "ppc-go-abi: error: this PPCGoABI plugin was built for LLVM "
               "%s (%s), but the program loading it runs LLVM %u.%u.%u "
               "(%s); load the plugin built against LLVM %u "
               "(installed as PPCGoABI-%u.so)\n",
               LLVM_VERSION_STRING, getDefiningLibrary(Own), ProgramMajor,
               ProgramMinor, ProgramPatch, getDefiningLibrary(Program),
               ProgramMajor, ProgramMajor);
  std::fflush(stderr);
  // Not exit(): the program is in the middle of dlopen, and its atexit
  // handlers and destructors belong to an LLVM this plugin does not know.
  _exit(1);
}

} // namespace
} // namespace ppcgoabi
