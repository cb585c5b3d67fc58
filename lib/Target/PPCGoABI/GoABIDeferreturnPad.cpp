//===- GoABIDeferreturnPad.cpp - Rule 5: the seed's deferreturn pad -------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 5 (the seed's cmd/compile/internal/gc/cgen.go Ginscall and
/// runtime/asm_ppc64x.s jmpdefer; Go 1.6-1.17): every call to
/// runtime.deferreturn is laid out as exactly
///
///     nop                     # PC-keyed data before the call is unambiguous
///     ld 2, 24(1)             # shared/dynlink; a second nop otherwise
///     bl runtime.deferreturn
///     (nop)                   # with dynlink, or when LLVM adds one
///
/// runtime.jmpdefer runs each deferred function with LR set to the return
/// address minus 8, so that it "returns" onto the `ld 2,24(1)`: r2 is
/// restored (the deferred function may live in another module) and
/// deferreturn is called again, until no defers remain. Any other
/// instruction in those 8 bytes would be re-executed or skipped.
///
/// This pass inserts the pad for the configured Go version and mode
/// (Conventions.h, getDeferreturnPad; none for Go 1.18+, which removed
/// jmpdefer). It runs as the last rule pass before branch selection and the
/// AsmPrinter, so no later pass can place anything between the pad and the
/// call. A tail branch to deferreturn (GoABIPrepareIR marks the calls
/// notail; only musttail survives) is an error.
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckDeferreturnPad.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/IR/Module.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-deferreturn-pad"

GOABI_STATISTIC(NumPads, "Deferreturn calls padded");
GOABI_STATISTIC(NumPadInstrs, "Instructions added by deferreturn pads");

namespace ppcgoabi {
namespace {

class GoABIDeferreturnPad : public MachineFunctionPass {
public:
  static char ID;
  GoABIDeferreturnPad() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: deferreturn pad";
  }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

bool GoABIDeferreturnPad::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C)
    return false;
  if (isRuleDisabledForTesting(Rule::DeferreturnPad))
    return false;
  // A call to the symbol names its declaration (or an alias of it), so a
  // module without one has nothing to pad: most modules, and then no
  // instruction needs to be looked at.
  if (!MF.getFunction().getParent()->getNamedValue(C->DeferreturnSymbol))
    return false;
  SmallVector<PadInstr, 2> Pad = getDeferreturnPad(C->Version, C->Mode);
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  bool Changed = false;
  for (MachineBasicBlock &MBB : MF) {
    for (MachineInstr &MI : MBB) {
      if (PPC.getCallee(MI) != StringRef(C->DeferreturnSymbol))
        continue;
      if (PPC.isTailBranch(MI)) {
        reportRuleError(
            MF.getFunction(), Rule::DeferreturnPad,
            "a tail branch to " + C->DeferreturnSymbol +
                " cannot be padded; it must be a call: " + describeInstr(MI));
        continue;
      }
      for (PadInstr I : Pad) {
        if (I == PadInstr::Nop)
          PPC.buildNop(MBB, MI.getIterator(), MI.getDebugLoc());
        else
          PPC.buildTOCReload(MBB, MI.getIterator(), MI.getDebugLoc());
        ++NumPadInstrs;
      }
      if (!Pad.empty()) {
        ++NumPads;
        Changed = true;
      }
    }
  }
  return Changed;
}

char GoABIDeferreturnPad::ID = 0;
static RegisterPass<GoABIDeferreturnPad> X(DEBUG_TYPE,
                                           "PowerPC Go ABI: deferreturn pad");

FunctionPass *createGoABIDeferreturnPadPass() {
  return new GoABIDeferreturnPad();
}

} // namespace ppcgoabi
