//===- GoABIDynlinkCall.cpp - Rule 4: bl; nop for calls that may leave ----===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 4 (cmd/internal/obj/ppc64/asm9.go, C_LBRAPIC; the seed): under
/// Go's -dynlink (buildmode=shared, plugin, -linkshared) any call to a symbol
/// may be resolved in another module, so every `bl sym` is followed by a
/// nop:
///
///     bl f
///     nop                     # the linker may make this ld 2,24(1)
///
/// When the linker routes the call through a PLT or long-branch stub (which
/// saves r2 at 24(r1) first), it rewrites the nop into the reload; with no
/// nop to rewrite, GNU ld and lld reject the object ("call lacks nop, can't
/// restore toc"). Stock LLVM adds the nop only for callees outside the
/// module, trusting that a callee defined in the module shares its TOC; Go
/// does not make that bet, and neither does this pass.
///
/// A tail branch (`b sym`, `bctr`) must not leave the module either: the
/// callee would return to our caller with another TOC in r2 and nothing to
/// restore it. A tail branch is kept only to a callee that is not preemptible
/// (mayTailBranchTo; none with -ppc-go-dynlink-tail-calls=none).
/// GoABIPrepareIR keeps the others from forming; one that forms anyway is an
/// error.
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckDynlinkCall.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-dynlink-call"

GOABI_STATISTIC(NumNopsAdded, "Calls given a trailing nop");
GOABI_STATISTIC(NumNopsPresent, "Calls that already had a trailing nop");

namespace ppcgoabi {
namespace {

class GoABIDynlinkCall : public MachineFunctionPass {
public:
  static char ID;
  GoABIDynlinkCall() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: dynlink calls";
  }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

bool GoABIDynlinkCall::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C || !callsMayLeaveModule(C->Mode))
    return false;
  if (isRuleDisabledForTesting(Rule::DynlinkCall))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  const TargetInstrInfo &TII = *MF.getSubtarget().getInstrInfo();
  bool Changed = false;
  for (MachineBasicBlock &MBB : MF) {
    for (MachineInstr &MI : MBB) {
      if (PPC.isTailBranch(MI)) {
        const MachineOperand &Target = MI.getOperand(0);
        if (!mayTailBranchTo(Target.isGlobal() ? Target.getGlobal() : nullptr,
                             *C))
          reportRuleError(MF.getFunction(), Rule::DynlinkCall,
                          "a tail branch may leave the module, which dynlink "
                          "forbids: " +
                              describeInstr(MI));
        continue;
      }
      if (!PPC.isCall(MI))
        continue;
      // Includes the TLS calls to __tls_get_addr: emitted with their nop.
      if (PPC.includesCallNop(MI)) {
        ++NumNopsPresent;
        continue;
      }
      if (!PPC.getCallee(MI))
        continue; // Indirect: rule 3 reloads r2 after it.
      std::optional<unsigned> WithNop = PPC.getCallNopOpcode(MI);
      if (!WithNop) {
        reportRuleError(MF.getFunction(), Rule::DynlinkCall,
                        "no form of this call can be followed by a nop: " +
                            describeInstr(MI));
        continue;
      }
      MI.setDesc(TII.get(*WithNop));
      ++NumNopsAdded;
      Changed = true;
    }
  }
  return Changed;
}

char GoABIDynlinkCall::ID = 0;
static RegisterPass<GoABIDynlinkCall> X(DEBUG_TYPE,
                                        "PowerPC Go ABI: dynlink calls");

FunctionPass *createGoABIDynlinkCallPass() { return new GoABIDynlinkCall(); }

} // namespace ppcgoabi
