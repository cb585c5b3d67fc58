//===- KnownExceptions.h - Go runtime assembly beyond the rules -*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go's own hand-written assembly (runtime/asm_ppc64x.s,
/// runtime/sys_linux_ppc64x.s, runtime/cgo/asm_ppc64x.s, ...) implements the
/// conventions instead of following them: it switches stacks, builds frames
/// by hand, enters code with r2 not yet set. The checker names these
/// functions and their reason in a separate "known exceptions" list of its
/// report, for the rules listed here only; anything else they break is a
/// violation like any other.
///
/// The table applies to Go binaries only (files with a Go function table):
/// a function of the same name in an object of one's own is checked in full.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_KNOWNEXCEPTIONS_H
#define PPCGOABI_CHECKER_KNOWNEXCEPTIONS_H

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace ppcgoabi {
namespace checker {

struct KnownExceptionEntry {
  /// The Go name, as in the pclntab (no ".abi0" suffix).
  const char *Name;
  /// The rules this function may break.
  llvm::ArrayRef<Rule> Rules;
  /// Where it is written.
  const char *Source;
  /// Why it may break them.
  const char *Reason;
};

llvm::ArrayRef<KnownExceptionEntry> knownExceptions();

/// The entry for Go function \p GoName that covers rule \p R, if any.
const KnownExceptionEntry *findKnownException(llvm::StringRef GoName, Rule R);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_KNOWNEXCEPTIONS_H
