//===- GoSignature.h - A C function's signature as Go ABI0 sees it -*- C++ -*-//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Maps an LLVM IR function's parameters and result to Go types, to their
// places in Go's ABI0 argument frame (the x+off(FP) offsets) and to the
// ELFv2 registers the C callee expects them in. Only what both sides pass in
// one register is accepted: integers of 1 to 64 bits, pointers, float and
// double, at most 8 parameters. Everything else is refused with the reason.
//
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_STUBS_GOSIGNATURE_H
#define PPCGOABI_STUBS_GOSIGNATURE_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Function;
} // namespace llvm

namespace ppcgoabi {
namespace stubs {

/// One parameter or the result, on both sides of the call.
struct GoValue {
  std::string Name;    ///< Go name (the result is "ret", as go vet wants).
  std::string GoType;  ///< int64, unsafe.Pointer, float32, ...
  unsigned Size = 0;   ///< Bytes in Go's argument frame.
  unsigned Offset = 0; ///< Offset in Go's argument frame: Name+Offset(FP).
  bool IsFloat = false;
  bool IsPointer = false;
  std::string LoadOp;  ///< Go assembler load from the frame (extends).
  std::string StoreOp; ///< Go assembler store to the frame.
  std::string Reg;     ///< ELFv2 register: R3-R10 or F1-F8.
};

struct GoSignature {
  std::string CName;
  std::string GoName;
  std::vector<GoValue> Params;
  std::optional<GoValue> Result;
  unsigned ArgSize = 0; ///< The $frame-ARGSIZE of the TEXT directive.
  /// Every pointer parameter is nocapture in the IR: the C function keeps
  /// none of them after it returns, so //go:noescape is true.
  bool PointersNoCapture = true;
  bool hasPointers() const;
  /// The C prototype in IR terms, for comments: "i64 add(i64, i64)".
  std::string IRPrototype;
};

/// The largest number of parameters a stub passes: ELFv2 assigns one
/// doubleword of r3-r10 to each parameter by position (a float parameter
/// goes to the next of f1-f13 and still uses up its GPR's position), so the
/// ninth would be passed in memory, in a parameter save area.
constexpr unsigned MaxParams = 8;

/// Lowers F, to be exported to Go as GoName. On failure returns nothing and
/// sets Error to a message that names the function, the parameter (1-based,
/// with its IR name) and why.
std::optional<GoSignature> lowerSignature(const llvm::Function &F,
                                          llvm::StringRef GoName,
                                          std::string &Error);

/// Whether S is a Go identifier that a stub may use as a name.
bool isGoIdentifier(llvm::StringRef S);

} // namespace stubs
} // namespace ppcgoabi

#endif
