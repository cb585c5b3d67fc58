//===- CheckDynlinkCall.cpp - Rule 4: calls that may leave ----------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks rule 4 (dynlink-call): a call that may leave the module (under
// dynlink every call; otherwise one to an undefined symbol or through a PLT
// stub, Image::resolveBranch) is followed by a nop in a relocatable object,
// which the linker turns into `ld 2,24(1)` (accepted in a linked file); a
// tail branch that may leave the module is a violation (the callee would
// return to our caller with another module's r2). A call through
// R_PPC64_REL24_NOTOC (pc-relative code) is a target violation. With
// --dynlink-tail-calls=none (the plugin's -ppc-go-dynlink-tail-calls=none;
// the policy is allowsTailBranch in Conventions.h, shared by both halves)
// every tail branch under dynlink is one.
//
// The other half of this rule is lib/Target/PPCGoABI/GoABIDynlinkCall.cpp.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

void checkDynlinkCall(const RuleInput &In, FunctionFindings &Out) {
  const DecodedFunction &C = In.C;
  bool Relocatable = In.Img.Relocatable;
  bool Dynlink = callsMayLeaveModule(In.Conf.Mode);
  for (size_t I = 0, N = C.size(); I != N; ++I) {
    const Step &S = C.Steps[I];
    if (S.Kind != Flow::Call && S.Kind != Flow::TailBranch)
      continue;
    if (S.Dest.NoTOC) {
      Out.add(Rule::Target, I,
              "call through R_PPC64_REL24_NOTOC (pc-relative code, "
              "-mcpu=pwr10): the Go TOC conventions cannot hold",
              {});
      continue;
    }
    std::string Callee = S.Dest.Name;
    if (S.Dest.Kind == Callee::Stub) {
      std::string For = S.Dest.StubFor.empty() ? "" : " for " + S.Dest.StubFor;
      Callee = S.Dest.F ? S.Dest.Name + " (a linker stub" + For + ")"
                        : "a linker stub at " + S.Dest.Name + For;
    }
    if (S.Kind == Flow::TailBranch) {
      if (S.Dest.MayLeave)
        Out.add(Rule::DynlinkCall, I,
                "tail branch to " + Callee +
                    ", which may leave the module: the callee would "
                    "return to our caller with another module's TOC in "
                    "r2",
                {});
      else if (!allowsTailBranch(In.Conf, BranchDestination::NotPreemptible))
        Out.add(Rule::DynlinkCall, I,
                "tail branch to " + Callee +
                    " under --dynlink-tail-calls=none: Go's compiler "
                    "makes no tail branch under dynlink",
                {});
      continue;
    }
    bool NeedsNop = Dynlink || S.Dest.MayLeave;
    if (!NeedsNop)
      continue;
    uint32_t Next = C.wordAfter(I);
    bool OK =
        Next == encoding::Nop || (!Relocatable && Next == encoding::LoadTOC);
    if (OK)
      continue;
    Out.add(Rule::DynlinkCall, I,
            "call to " + Callee +
                (Dynlink ? " (dynlink: any call may leave the module)"
                         : " (may leave the module)") +
                " is not followed by a nop" +
                (Relocatable ? "" : " or ld 2,24(1)") +
                ": the linker has nowhere to restore r2",
            {I + 1});
  }
}

} // namespace checker
} // namespace ppcgoabi
