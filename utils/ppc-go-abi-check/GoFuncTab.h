//===- GoFuncTab.h - The function table of a Go binary ----------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go binaries built with cgo or linked externally (-buildmode=plugin,
/// c-shared, c-archive, -linkmode=external) also contain C code: runtime/cgo's
/// gcc_*.c, the crt files, libgcc. That code follows the C ABI, not Go's TOC
/// conventions (a C function saves r2 through the linker's stub, not in its
/// prologue), so the checker must know which functions are Go's.
///
/// Go records every function it compiled or assembled in its pclntab
/// (runtime/symtab.go, pcHeader and functab; cmd/link/internal/ld/pcln.go):
/// the entry offset from runtime.text, the name, and since Go 1.19 a flag for
/// functions written in assembly. This reader understands the layout of Go
/// 1.18 and later (magic 0xfffffff0 and 0xfffffff1); for older binaries it
/// reports that it cannot tell, and every function is checked.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_GOFUNCTAB_H
#define PPCGOABI_CHECKER_GOFUNCTAB_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/Object/ELFObjectFile.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ppcgoabi {
namespace checker {

struct GoFunc {
  std::string Name;
  /// funcFlag_ASM (Go 1.19+): written in Go assembly.
  bool IsAssembly = false;
  /// Up to the next function's entry (0 if the table does not say).
  uint64_t Size = 0;
};

struct GoFuncTab {
  /// Go functions by entry address.
  llvm::DenseMap<uint64_t, GoFunc> Functions;
  /// "Go 1.18-1.19 pclntab" and the like, for notes.
  std::string Format;
  /// The section of runtime.text: in a relocatable file (Go's go.o) entry
  /// addresses are offsets into it.
  uint64_t TextSection = 0;
};

/// The Go function table of \p Obj: nothing if \p Obj is not a Go binary;
/// an empty table with \p Note set if it is one whose table cannot be read.
std::optional<GoFuncTab>
readGoFuncTab(const llvm::object::ELF64LEObjectFile &Obj, std::string &Note);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_GOFUNCTAB_H
