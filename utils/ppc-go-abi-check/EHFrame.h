//===- EHFrame.h - Function ranges from .eh_frame ---------------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A stripped executable or shared object has no .symtab, and .dynsym
/// names only what the file exports; but the unwind tables survive
/// stripping: every function compiled with unwind information (the default
/// for C and C++ on powerpc64le Linux) has a Frame Description Entry in
/// .eh_frame whose initial location and address range are the function's
/// extent. The checker uses them to find the functions of a stripped file,
/// so that stripping does not turn "nothing found" into a pass.
///
/// Only what is needed to find those two values is decoded (the CIE's
/// augmentation for the FDE pointer encoding); call frame instructions are
/// skipped. The format is the Linux Standard Base's (Core, "Exception Frames")
/// and DWARF 4's section 6.4.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_EHFRAME_H
#define PPCGOABI_CHECKER_EHFRAME_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ppcgoabi {
namespace checker {

struct FDERange {
  uint64_t Begin = 0;
  uint64_t Size = 0;
};

/// The ranges of the FDEs in \p Data, the contents of a linked file's
/// .eh_frame at address \p Addr. Every read is bounds-checked: on damaged
/// data, the ranges read before the damage are returned and \p Error says
/// what is wrong.
std::vector<FDERange> readEHFrame(llvm::StringRef Data, uint64_t Addr,
                                  std::string &Error);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_EHFRAME_H
