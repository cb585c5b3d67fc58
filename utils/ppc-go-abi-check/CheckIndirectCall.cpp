//===- CheckIndirectCall.cpp - Rule 3 on decoded code: indirect calls -----===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks rule 3 (indirect-call): at every indirect call (bctrl, bcctrl,
// blrl, bclrl) the target is provably in r12, since the callee's global
// entry derives r2 from r12, and the call is followed by `ld 2,24(1)`,
// since the callee may belong to another module. "Provably in r12": every
// path to the call reaches `mtctr 12` (`mtlr 12`) with r12 unchanged since,
// or, in the call's block, r12 is a copy of the mt*'s source (`mr`, the
// same `li`/`lis` constant) or `mfctr 12` (the plugin's repair). The
// stack-growth exception (FrameAnalysis.h) replaces the reload with
// `ld 2,8(1)` before the frame.
//
// The other half of this rule is lib/Target/PPCGoABI/GoABIIndirectCall.cpp
// (a forward analysis on MachineInstrs; this one walks decoded words).
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

/// Whether instruction \p I of \p C writes CTR (\p ViaCTR) or LR. MC lists
/// CTR among the implicit defs of every conditional branch and LR among
/// those of some branches without LK; the branch fields say what happens.
static bool writesCallRegister(const PPCDecoder &D, const DecodedFunction &C,
                               size_t I, bool ViaCTR) {
  const BranchInfo &B = C.Steps[I].Branch;
  if (B.Kind != BranchInfo::None) {
    if (!ViaCTR)
      return B.Link;
    // `b`/`bl` (primary opcode 18, I-form) have no BO field: those bits
    // are part of the displacement, and the branch never touches CTR.
    if ((C.Insns[I].Word >> 26) == 18)
      return false;
    // BO bit 2 (0b00100) clear: the branch decrements CTR.
    unsigned BO = (C.Insns[I].Word >> 21) & 31;
    return B.Kind != BranchInfo::ToCTR && !(BO & 4);
  }
  return ViaCTR ? D.writesCTR(C.Insns[I]) : D.writesLR(C.Insns[I]);
}

/// Whether `mr 12, Source` precedes instruction \p Move in its block with
/// neither r12 nor \p Source written in between.
static bool isCopiedToR12Before(const PPCDecoder &D, const DecodedFunction &C,
                                size_t Move, unsigned Source) {
  for (size_t I = Move; I-- > 0;) {
    auto Copy = D.getRegisterCopy(C.Insns[I]);
    if (Copy && Copy->first == 12 && Copy->second == Source)
      return true;
    if (D.changesGPR(C.Insns[I], 12) || D.changesGPR(C.Insns[I], Source) ||
        C.startsBlock(I))
      return false;
  }
  return false;
}

static bool isMovedFromR12OnAllPaths(const PPCDecoder &D,
                                     const DecodedFunction &C, size_t Call) {
  // Walk backwards from the call along every path: each must reach
  // `mtctr 12` / `mtlr 12` (for the call's register) without passing an
  // instruction that writes r12 or, first, another write of that register.
  bool ViaCTR = C.Steps[Call].Branch.Kind == BranchInfo::ToCTR;
  const auto &Preds = C.Preds;
  std::vector<bool> Seen(C.size());
  SmallVector<size_t, 16> Work(Preds[Call].begin(), Preds[Call].end());
  if (Work.empty())
    return false;
  while (!Work.empty()) {
    size_t I = Work.pop_back_val();
    if (Seen[I])
      continue;
    Seen[I] = true;
    const Insn &In = C.Insns[I];
    if (writesCallRegister(D, C, I, ViaCTR)) {
      std::optional<unsigned> Source =
          ViaCTR ? D.getMoveToCTRSource(In) : D.getMoveToLRSource(In);
      // `mtctr 12`, or `mr 12, rS; ...; mtctr rS` in the same block with
      // neither register written in between (LLVM's copy of a target held
      // in rS): r12 holds the target on this path.
      if (Source != 12u && !(Source && isCopiedToR12Before(D, C, I, *Source)))
        return false;
      continue; // This path is fine.
    }
    if (D.changesGPR(In, 12) || Preds[I].empty())
      return false;
    Work.append(Preds[I].begin(), Preds[I].end());
  }
  return true;
}

/// Whether the target of the indirect call \p Call is provably in r12; if
/// not, why (\p Why) and the instructions to quote.
static bool isTargetInR12(const PPCDecoder &D, const DecodedFunction &C,
                          size_t Call, std::string &Why,
                          std::vector<size_t> &Quote) {
  bool ViaCTR = C.Steps[Call].Branch.Kind == BranchInfo::ToCTR;
  const char *Reg = ViaCTR ? "CTR" : "LR";
  auto Writes = [&](size_t I) { return writesCallRegister(D, C, I, ViaCTR); };
  // Straight-line code before the call: stop at a label or a branch.
  auto BlockStart = [&](size_t I) { return C.startsBlock(I); };

  if (isMovedFromR12OnAllPaths(D, C, Call))
    return true;

  std::optional<size_t> Setter, R12Def;
  for (size_t I = Call; I-- > 0;) {
    if (Writes(I)) {
      Setter = I;
      break;
    }
    if (!R12Def && D.changesGPR(C.Insns[I], 12))
      R12Def = I;
    if (BlockStart(I))
      break;
  }
  if (!Setter) {
    Why = formatv("no instruction before the call in its block sets {0}", Reg);
    return false;
  }
  Quote.push_back(*Setter);
  std::optional<unsigned> Source = ViaCTR
                                       ? D.getMoveToCTRSource(C.Insns[*Setter])
                                       : D.getMoveToLRSource(C.Insns[*Setter]);
  if (!Source) {
    Why = formatv("{0} is not set by mt{1} from a register", Reg,
                  StringRef(Reg).lower());
    return false;
  }
  auto IsCopyFromSource = [&](size_t I) {
    auto Copy = D.getRegisterCopy(C.Insns[I]);
    return Copy && Copy->first == 12 && Copy->second == *Source;
  };
  // The last write of GPR \p R before instruction \p Before, in the block.
  auto LastWriteBefore = [&](unsigned R,
                             size_t Before) -> std::optional<size_t> {
    for (size_t I = Before; I-- > 0;) {
      if (D.changesGPR(C.Insns[I], R))
        return I;
      if (BlockStart(I))
        break;
    }
    return std::nullopt;
  };
  // LLVM loads a constant target into both registers: `li 3, 4096;
  // li 12, 4096; mtctr 3`. True if \p R12Write loads (li/lis) the value the
  // source's last write before the mt* loaded.
  auto LoadsSameImmediateAsSource = [&](size_t R12Write) {
    std::optional<size_t> SourceWrite = LastWriteBefore(*Source, *Setter);
    if (!SourceWrite)
      return false;
    auto A = D.getLoadedImmediate(C.Insns[R12Write]);
    auto B = D.getLoadedImmediate(C.Insns[*SourceWrite]);
    if (!A || !B || A->second != B->second)
      return false;
    Quote.push_back(*SourceWrite);
    return true;
  };

  if (!R12Def) {
    if (*Source == 12)
      return true;
    // r12 set before the mt*: a copy of the source, which is unchanged
    // from the copy to the mt*.
    if (!BlockStart(*Setter))
      for (size_t I = *Setter; I-- > 0;) {
        if (D.changesGPR(C.Insns[I], 12)) {
          Quote.push_back(I);
          if (IsCopyFromSource(I) || LoadsSameImmediateAsSource(I))
            return true;
          break;
        }
        if (D.changesGPR(C.Insns[I], *Source)) {
          std::optional<size_t> R12Write = LastWriteBefore(12, I);
          if (R12Write && LoadsSameImmediateAsSource(*R12Write)) {
            Quote.push_back(*R12Write);
            return true;
          }
          break;
        }
        if (BlockStart(I))
          break;
      }
    Why = formatv("the target comes from r{0} and r12 is not a copy of it",
                  *Source);
    return false;
  }

  // r12 set between the mt* and the call: `mfctr 12` (`mflr 12`), the
  // plugin's repair, reads the target itself.
  Quote.push_back(*R12Def);
  if (C.Insns[*R12Def].Word ==
      (ViaCTR ? encoding::MoveFromCTRToR12 : encoding::MoveFromLRToR12))
    return true;
  // Or the constant the source held, or `mr 12, source` with the source
  // unchanged in between.
  if (LoadsSameImmediateAsSource(*R12Def))
    return true;
  if (IsCopyFromSource(*R12Def)) {
    bool Clobbered = false;
    for (size_t I = *Setter + 1; I != *R12Def; ++I)
      Clobbered |= D.changesGPR(C.Insns[I], *Source);
    if (!Clobbered)
      return true;
  }
  Why = formatv("r12 is changed after {0} is set and does not hold the "
                "target",
                Reg);
  return false;
}

void checkIndirectCall(const RuleInput &In, FunctionFindings &Out) {
  const DecodedFunction &C = In.C;
  for (size_t I = 0, N = C.size(); I != N; ++I) {
    if (C.Steps[I].Kind != Flow::IndirectCall)
      continue;
    std::string Why;
    std::vector<size_t> Quote;
    if (!isTargetInR12(In.D, C, I, Why, Quote))
      Out.add(Rule::IndirectCall, I,
              "the target of the indirect call is not provably in r12 (" + Why +
                  "); the callee's global entry derives r2 from r12",
              Quote);
    uint32_t Next = C.wordAfter(I);
    if (Next == encoding::LoadTOC)
      continue;
    // The stack-growth exception: the dynlink morestack call, before the
    // frame, reloads r2 from 8(1).
    if (I + 1 < N && isStackGrowthTOCReload(C, In.Frame, I + 1))
      continue;
    Out.add(Rule::IndirectCall, I,
            "indirect call is not followed by ld 2,24(1): the callee may "
            "belong to another module and return with its TOC in r2",
            {I + 1});
  }
}

} // namespace checker
} // namespace ppcgoabi
