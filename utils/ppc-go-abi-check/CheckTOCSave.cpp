//===- CheckTOCSave.cpp - Rule 2 on decoded code: the TOC save ------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks rule 2 (toc-save): a function that calls has a frame of its own
// and stores r2 in its TOC save slot right after allocating it. Reported:
// - a call before the frame (FrameAnalysis::BeforeFrame), other than Go's
//   stack-growth call: it has no TOC save slot of its own at 24(1);
// - an instruction that moves r1 with a call reachable after it (or an
//   indirect jump, whose targets are unknown) and no `std 2,24(1)` right
//   after it.
// A leaf (no call) saves nothing.
//
// The other half of this rule is lib/Target/PPCGoABI/GoABITOCSave.cpp.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

/// Whether instruction \p I is the `ld 1,16(rB)` of the __builtin_longjmp
/// run whose TOC restore isLongjmpTOCRestore accepts: r1 becomes the
/// __builtin_setjmp frame's again, whose TOC save its function made, and the
/// run leaves this frame by the bctr after the TOC restore.
static bool isLongjmpStackRestore(const PPCDecoder &D, const DecodedFunction &C,
                                  size_t I) {
  using namespace encoding;
  std::optional<LoadDoubleword> Load = decodeLoadDoubleword(C.Insns[I].Word);
  if (!Load || Load->RT != 1 || Load->Offset != LongjmpStackOffset)
    return false;
  for (size_t J = I + 1; J < C.size() && !C.startsBlock(J); ++J) {
    std::optional<LoadDoubleword> TOC = decodeLoadDoubleword(C.Insns[J].Word);
    if (TOC && TOC->RA == Load->RA && isLongjmpTOCRestore(D, C, J))
      return true;
  }
  return false;
}

void checkTOCSave(const RuleInput &In, FunctionFindings &Out) {
  const DecodedFunction &C = In.C;
  const FrameAnalysis &Frame = In.Frame;
  size_t N = C.size();
  for (size_t I = 0; I != N; ++I)
    if (Frame.IsCall[I] && Frame.BeforeFrame[I] && !Frame.WritesSP[I])
      Out.add(Rule::TOCSave, I,
              "call before the function allocates a frame: there is no "
              "TOC save slot of its own at 24(1) (the caller's would be "
              "overwritten)",
              {});
  if (!Frame.AnyCall)
    return; // A leaf saves nothing, frame or not.

  // ReachesCall: a call can execute after this instruction starts.
  std::vector<bool> ReachesCall(N);
  SmallVector<size_t, 16> Work;
  for (size_t I = 0; I != N; ++I) {
    // An indirect jump may go anywhere in the function.
    if (Frame.IsCall[I] || C.UnknownSucc[I]) {
      ReachesCall[I] = true;
      Work.push_back(I);
    }
  }
  while (!Work.empty()) {
    size_t I = Work.pop_back_val();
    for (size_t P : C.Preds[I])
      if (!ReachesCall[P]) {
        ReachesCall[P] = true;
        Work.push_back(P);
      }
  }

  for (size_t I = 0; I != N; ++I) {
    if (!Frame.WritesSP[I] || Frame.IsCall[I])
      continue;
    bool CallFollows = false;
    for (size_t S : C.Succs[I])
      CallFollows |= ReachesCall[S];
    if (!CallFollows && !C.UnknownSucc[I])
      continue;
    if (C.wordAfter(I) == encoding::SaveTOC)
      continue;
    if (isLongjmpStackRestore(In.D, C, I))
      continue;
    Out.add(Rule::TOCSave, I,
            "r1 changes here and a call can follow, but the next "
            "instruction is not std 2,24(1): the new frame's TOC save "
            "slot would not hold the module's TOC",
            {I + 1});
  }
}

} // namespace checker
} // namespace ppcgoabi
