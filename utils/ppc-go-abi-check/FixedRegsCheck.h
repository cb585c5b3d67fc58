//===- FixedRegsCheck.h - Go's fixed registers on decoded code --*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The "fixed-regs" rule on one decoded function (ppc-go-abi-check
/// --fixed-regs): r30 (g) and r13 (the thread pointer) are never written,
/// and r0 is zero at every call, tail branch and return. The object checker
/// decodes the function and builds its control flow; this file only reads
/// them, so that the rule stays apart from the TOC rules.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_FIXEDREGSCHECK_H
#define PPCGOABI_CHECKER_FIXEDREGSCHECK_H

#include "PPCDecoder.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ppcgoabi {
namespace checker {

/// How one instruction transfers control, as far as r0 is concerned.
struct FixedRegsStep {
  enum KindTy {
    /// Falls through or branches inside the function.
    Other,
    /// A call (bl to a symbol, bctrl, blrl, bclrl): r0 must be zero here,
    /// and the callee returns with r0 zero.
    Call,
    /// Leaves the function without returning to it: a tail branch to
    /// another function, or blr. r0 must be zero here.
    Exit,
    /// bctr: a jump table or an indirect tail call (they look the same), so
    /// r0 must be zero here; its targets are unknown.
    IndirectJump,
  };
  KindTy Kind = Other;
  /// Conditional exits, calls and jumps fall through as well; the
  /// successors inside the function (fall-through included).
  llvm::SmallVector<size_t, 2> Succs;
  /// For messages: "call to runtime.foo", "return", ...
  std::string What;
};

struct FixedRegsFinding {
  /// The instruction the finding is about.
  size_t At = 0;
  std::string Message;
  /// Other instructions worth quoting (the write that left r0 non-zero).
  std::vector<size_t> Quote;
};

/// Checks the fixed-regs rule on \p Insns (one function, entry at index 0),
/// with \p Steps (one per instruction) giving its control flow.
std::vector<FixedRegsFinding>
checkFixedRegisters(const PPCDecoder &D, llvm::ArrayRef<Insn> Insns,
                    llvm::ArrayRef<FixedRegsStep> Steps);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_FIXEDREGSCHECK_H
