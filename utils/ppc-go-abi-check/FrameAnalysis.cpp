//===- FrameAnalysis.cpp - Where a function has its own frame -------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Guarantees: BeforeFrame holds exactly for the instructions reachable from
// the entry along the control-flow graph without passing one that changes
// r1 (an indirect jump's unknown targets are not followed: what it reaches
// is after the frame or not code of the function).
//
//===----------------------------------------------------------------------===//

#include "FrameAnalysis.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

bool isMorestackCall(const DecodedFunction &C, size_t I) {
  const Step &S = C.Steps[I];
  if (S.Kind != Flow::Call && S.Kind != Flow::IndirectCall)
    return false;
  if (I + 1 < C.size() && C.Insns[I + 1].Word == encoding::MorestackReloadTOC)
    return true;
  return S.Kind == Flow::Call &&
         isCalleePrefixed(S.Dest, encoding::MorestackPrefix);
}

bool isStackGrowthTOCReload(const DecodedFunction &C,
                            const FrameAnalysis &Frame, size_t I) {
  return C.Insns[I].Word == encoding::MorestackReloadTOC && I > 0 &&
         isMorestackCall(C, I - 1) && Frame.BeforeFrame[I - 1];
}

FrameAnalysis analyzeFrame(const DecodedFunction &C, const PPCDecoder &D) {
  size_t N = C.size();
  FrameAnalysis Frame;
  Frame.IsCall.assign(N, false);
  Frame.WritesSP.assign(N, false);
  Frame.BeforeFrame.assign(N, false);
  for (size_t I = 0; I != N; ++I) {
    Flow K = C.Steps[I].Kind;
    Frame.IsCall[I] =
        (K == Flow::Call || K == Flow::IndirectCall) && !isMorestackCall(C, I);
    Frame.AnyCall |= Frame.IsCall[I];
    Frame.WritesSP[I] = D.changesGPR(C.Insns[I], 1);
  }

  SmallVector<size_t, 16> Work;
  if (N) {
    Frame.BeforeFrame[0] = true;
    Work.push_back(0);
  }
  while (!Work.empty()) {
    size_t I = Work.pop_back_val();
    if (Frame.WritesSP[I])
      continue;
    for (size_t S : C.Succs[I])
      if (!Frame.BeforeFrame[S]) {
        Frame.BeforeFrame[S] = true;
        Work.push_back(S);
      }
  }
  return Frame;
}

} // namespace checker
} // namespace ppcgoabi
