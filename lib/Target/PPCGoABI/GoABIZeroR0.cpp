//===- GoABIZeroR0.cpp - Rule 7: r0 is zero at every call and return ------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 7, r0 half (cmd/internal/obj/ppc64/a.out.go, REGZERO = R0): Go
/// code assumes r0 == 0 at every instruction. Its assembler builds constants
/// as `oris rD, r0, hi` (asm9.go, r0iszero) and compiled code stores zero
/// with `MOVD R0, x`; the runtime re-zeroes r0 after every return from C.
/// An enabled function can only be entered from Go (or from another enabled
/// function), so r0 is zero at its entry; this pass guarantees that it is
/// zero again wherever control can reach Go code: at every call (to a symbol,
/// through CTR, or a tail branch, and the `bl __tls_get_addr` of the general-
/// and local-dynamic TLS pseudos) and at every return.
///
/// LLVM uses r0 freely as a scratch register (`mflr 0`/`mtlr 0` around the
/// link register save, address arithmetic, spills), and every call clobbers
/// it (it is volatile in the ELFv2 ABI), except a call to a function known
/// to follow the rule (compiled here with it, or declared with
/// "ppc-go-fixed-regs"="true": Go code returns with r0 == 0).
///
/// A forward may-analysis computes, at each instruction, whether r0 may be
/// non-zero on some path from the entry: entry zero, a landing pad unknown,
/// `li 0,0` zero, any other write (explicit, implicit or a call's register
/// mask) unknown. `li 0,0` is inserted right before each call or return at
/// which r0 may be non-zero, and nowhere else; a function that never writes
/// r0 gets no instruction. The pass runs after frame lowering and every
/// PowerPC peephole (in the rule pipeline), so no later pass writes r0, and
/// before the deferreturn pad (which must stay right before its call).
///
/// A conditional return (`beqlr`) at which r0 may be non-zero and is live on
/// the fall-through path cannot be repaired in place: that is an error.
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckFixedRegs.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/CodeGen/MachineBasicBlock.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineInstr.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/PassRegistry.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-zero-r0"

GOABI_STATISTIC(NumZeroings, "li 0,0 inserted before a call or return");

namespace ppcgoabi {

/// Whether \p MI is a direct call to a function that returns with r0 == 0.
static bool callReturnsZeroR0(const MachineInstr &MI, const TargetMachine &TM) {
  for (const MachineOperand &MO : MI.operands())
    if (MO.isGlobal())
      if (const auto *F = dyn_cast<Function>(MO.getGlobal()))
        return returnsWithZeroR0(*F, TM);
  return false;
}

/// Whether \p MI calls: a call instruction, or a general- or local-dynamic
/// TLS pseudo that the AsmPrinter turns into `bl __tls_get_addr` (not
/// flagged as a call; PPCInstrs::isTLSCall).
static bool isCallOrTLSCall(const MachineInstr &MI, const PPCInstrs &PPC) {
  return MI.isCall() || PPC.isTLSCall(MI);
}

static bool needsZeroR0(const MachineInstr &MI, const PPCInstrs &PPC) {
  return isCallOrTLSCall(MI, PPC) || MI.isReturn();
}

namespace {
/// The transfer function of the analysis: r0 may be non-zero after \p MI
/// given \p NonZero before it (a hazard at \p MI counts as repaired).
struct R0Transfer {
  const PPCInstrs &PPC;
  const TargetRegisterInfo &TRI;
  const TargetMachine &TM;

  bool step(const MachineInstr &MI, bool NonZero) const {
    if (needsZeroR0(MI, PPC))
      NonZero = false;
    if (isCallOrTLSCall(MI, PPC))
      return !callReturnsZeroR0(MI, TM);
    if (MI.modifiesRegister(PPC.X0, &TRI))
      return !PPC.isZeroR0(MI);
    return NonZero;
  }
};
} // namespace

void forEachNonZeroR0Hazard(const MachineFunction &MF,
                            function_ref<void(const MachineInstr &)> Hazard) {
  R0Transfer T{PPCInstrs::get(MF), *MF.getSubtarget().getRegisterInfo(),
               MF.getTarget()};
  // Whether r0 may be non-zero at the entry of each block; the entry block
  // is entered from Go (zero), a landing pad from the unwinder (unknown).
  SmallVector<bool, 32> AtEntry(MF.getNumBlockIDs(), false);
  for (const MachineBasicBlock &MBB : MF)
    if (MBB.isEHPad())
      AtEntry[MBB.getNumber()] = true;
  ReversePostOrderTraversal<const MachineFunction *> RPOT(&MF);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const MachineBasicBlock *MBB : RPOT) {
      bool NonZero = AtEntry[MBB->getNumber()];
      for (const MachineInstr &MI : *MBB)
        NonZero = T.step(MI, NonZero);
      if (!NonZero)
        continue;
      for (const MachineBasicBlock *Succ : MBB->successors())
        if (!AtEntry[Succ->getNumber()]) {
          AtEntry[Succ->getNumber()] = true;
          Changed = true;
        }
    }
  }
  for (const MachineBasicBlock &MBB : MF) {
    bool NonZero = AtEntry[MBB.getNumber()];
    for (const MachineInstr &MI : MBB) {
      if (NonZero && needsZeroR0(MI, T.PPC))
        Hazard(MI);
      NonZero = T.step(MI, NonZero);
    }
  }
}

namespace {

class GoABIZeroR0 : public MachineFunctionPass {
public:
  static char ID;
  GoABIZeroR0() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: zero r0 before calls and returns";
  }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// Whether r0 is live right after \p MI (read before it is written, in the
/// rest of the block or, failing that, by a successor).
static bool isR0LiveAfter(const MachineInstr &MI, const PPCInstrs &PPC,
                          const TargetRegisterInfo &TRI) {
  const MachineBasicBlock &MBB = *MI.getParent();
  for (auto It = std::next(MI.getIterator()); It != MBB.end(); ++It) {
    if (It->readsRegister(PPC.X0, &TRI))
      return true;
    if (It->modifiesRegister(PPC.X0, &TRI))
      return false;
  }
  for (const MachineBasicBlock *Succ : MBB.successors())
    if (Succ->isLiveIn(PPC.X0) || Succ->isLiveIn(PPC.R0))
      return true;
  return false;
}

bool GoABIZeroR0::runOnMachineFunction(MachineFunction &MF) {
  if (!appliesFixedRegs(MF) ||
      isFixedRegsHalfDisabledForTesting(FixedRegsHalf::Zero))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
  SmallVector<MachineInstr *, 8> Hazards;
  forEachNonZeroR0Hazard(MF, [&](const MachineInstr &MI) {
    Hazards.push_back(const_cast<MachineInstr *>(&MI));
  });
  for (MachineInstr *MI : Hazards) {
    if (!MI->isBarrier() && !isCallOrTLSCall(*MI, PPC) &&
        isR0LiveAfter(*MI, PPC, TRI)) {
      reportRuleError(MF.getFunction(), Rule::FixedRegs,
                      "r0 may be non-zero at a conditional return and is "
                      "live after it, so it cannot be zeroed there: " +
                          describeInstr(*MI));
      continue;
    }
    PPC.buildZeroR0(*MI->getParent(), MI->getIterator(), MI->getDebugLoc());
    ++NumZeroings;
  }
  return !Hazards.empty();
}

char GoABIZeroR0::ID = 0;
static RegisterPass<GoABIZeroR0>
    X(DEBUG_TYPE, "PowerPC Go ABI: zero r0 before calls and returns");

FunctionPass *createGoABIZeroR0Pass() { return new GoABIZeroR0(); }

} // namespace ppcgoabi
