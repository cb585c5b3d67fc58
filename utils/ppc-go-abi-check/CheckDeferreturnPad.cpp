//===- CheckDeferreturnPad.cpp - Rule 5: the deferreturn pad --------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks rule 5 (deferreturn-pad), for the Go versions and modes that have
// it (getDeferreturnPad): every call to the deferreturn symbol, directly or
// through a linker stub, is preceded by the pad (`nop; ld 2,24(1)` in PIC,
// `nop; nop` otherwise), since runtime.jmpdefer re-enters the call 8 bytes
// early; a tail branch to it is a violation.
//
// The other half of this rule is lib/Target/PPCGoABI/GoABIDeferreturnPad.cpp.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

void checkDeferreturnPad(const RuleInput &In, FunctionFindings &Out) {
  const DecodedFunction &C = In.C;
  const Config &Conf = In.Conf;
  SmallVector<PadInstr, 2> Pad = getDeferreturnPad(Conf.Version, Conf.Mode);
  if (Pad.empty())
    return;
  for (size_t I = 0, N = C.size(); I != N; ++I) {
    const Step &S = C.Steps[I];
    if ((S.Kind != Flow::Call && S.Kind != Flow::TailBranch) ||
        !isCalleeNamed(S.Dest, Conf.DeferreturnSymbol))
      continue;
    if (S.Kind == Flow::TailBranch) {
      Out.add(Rule::DeferreturnPad, I,
              "tail branch to " + Conf.DeferreturnSymbol +
                  ": jmpdefer returns to the call's address minus 8, "
                  "which needs a padded call",
              {});
      continue;
    }
    bool OK = I >= Pad.size();
    std::vector<size_t> Quote;
    for (size_t K = 0; K != Pad.size(); ++K) {
      if (I < Pad.size() - K)
        continue;
      size_t At = I - Pad.size() + K;
      Quote.push_back(At);
      OK &= C.Insns[At].Word == encoding::padWord(Pad[K]);
    }
    if (OK)
      continue;
    std::string Expected =
        maintainsTOC(Conf.Mode) ? "nop; ld 2,24(1)" : "nop; nop";
    Out.add(Rule::DeferreturnPad, I,
            "call to " + Conf.DeferreturnSymbol + " is not preceded by " +
                Expected + " (Go " + Conf.Version.str() + ", " +
                getBuildModeName(Conf.Mode) +
                "): runtime.jmpdefer re-enters the call 8 bytes early",
            Quote);
  }
}

} // namespace checker
} // namespace ppcgoabi
