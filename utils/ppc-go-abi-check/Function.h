//===- Function.h - One function, decoded, with its control flow -*- C++
//-*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The function layer of ppc-go-abi-check: one function of the Image
/// decoded into instructions, each classified by how it transfers control
/// (Flow, with the callee of a direct branch resolved by the Image), and its
/// control-flow graph, built once (successors and predecessors of every
/// instruction) for every rule to read.
///
/// Checks nothing itself.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_FUNCTION_H
#define PPCGOABI_CHECKER_FUNCTION_H

#include "Image.h"
#include "PPCDecoder.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <vector>

namespace ppcgoabi {
namespace checker {

/// How an instruction transfers control.
enum class Flow {
  Normal,
  /// bl to another function (or to the branching function's entry).
  Call,
  /// bctrl, bcctrl, blrl, bclrl.
  IndirectCall,
  /// bl/bcl to a label inside the function (reads the PC).
  LocalCall,
  /// b/bc to another function.
  TailBranch,
  /// b/bc inside the function.
  Branch,
  /// blr (and conditional returns).
  Return,
  /// bctr: a jump table or an indirect tail call; targets unknown.
  IndirectJump,
  /// Not an instruction (data, padding, Go's UNDEF).
  Invalid,
};

struct Step {
  Flow Kind = Flow::Normal;
  bool Conditional = false;
  BranchInfo Branch;
  /// For Branch and LocalCall: the index of the target instruction.
  std::optional<size_t> Target;
  /// For Call and TailBranch.
  Callee Dest;
};

/// The function being checked, decoded.
struct DecodedFunction {
  const Function *F = nullptr;
  std::vector<Insn> Insns;
  /// One per instruction.
  std::vector<Step> Steps;
  llvm::DenseMap<uint64_t, size_t> IndexOf;
  std::vector<bool> IsBranchTarget;

  /// The control-flow graph, by instruction index: the successors inside
  /// the function (fall-through included), whether an instruction may also
  /// go somewhere unknown (an indirect jump, a branch to no instruction),
  /// and the predecessors (in increasing order).
  std::vector<llvm::SmallVector<size_t, 2>> Succs;
  std::vector<bool> UnknownSucc;
  std::vector<llvm::SmallVector<size_t, 2>> Preds;

  size_t size() const { return Insns.size(); }
  /// The word after instruction \p I, or 0 at the end.
  uint32_t wordAfter(size_t I) const {
    return I + 1 < Insns.size() ? Insns[I + 1].Word : 0;
  }
  /// Whether instruction \p I starts a straight run of code: a label or the
  /// instruction after a branch.
  bool startsBlock(size_t I) const {
    return IsBranchTarget[I] || (I > 0 && Steps[I - 1].Kind != Flow::Normal);
  }
  /// Builds Succs, UnknownSucc and Preds from Steps.
  void buildCFG();
};

/// Decodes \p F of \p Img, classifies its instructions (direct branches
/// resolved under \p Mode) and builds its control-flow graph.
DecodedFunction decodeFunction(const Image &Img, const PPCDecoder &D,
                               const Function &F, BuildMode Mode);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_FUNCTION_H
