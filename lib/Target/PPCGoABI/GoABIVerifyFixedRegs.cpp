//===- GoABIVerifyFixedRegs.cpp - Rule 7: proof on the final code ---------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 7 (cmd/internal/obj/ppc64/a.out.go: REGZERO = R0, REGTLS = R13,
/// REGG = R30). ppc-go-pin-g keeps the register allocator away from r30 and
/// ppc-go-zero-r0 zeroes r0 where needed; this pass proves the result, as the
/// last of the plugin's passes, so that nothing after them (or the input
/// itself) can silently break the rule. In an enabled function:
///
/// - nothing writes r30 (g): an instruction that does is an error naming it,
///   with the likely cause (inline asm that clobbers r30, a frame that uses
///   r30 as its base pointer, an allocation);
/// - nothing writes r13 (the thread pointer, which Go's runtime owns): the
///   PowerPC backend reserves it, but inline asm or llvm.write_register can
///   still write it;
/// - r0 is zero at every call, tail branch and return, by the same
///   may-analysis ppc-go-zero-r0 uses, run again on the final code.
///
/// Calls are not writes here: r30 and r13 are preserved across a call by
/// the ELFv2 ABI (r30 is callee-saved; r13 is reserved everywhere).
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckFixedRegs.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineInstr.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-verify-fixed-regs"

namespace ppcgoabi {
namespace {

class GoABIVerifyFixedRegs : public MachineFunctionPass {
public:
  static char ID;
  GoABIVerifyFixedRegs() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: verify r30, r13 and r0";
  }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// Reports every instruction of \p MF that writes \p Regs (explicit or
/// implicit defs), calls excepted; \p What names the register.
static void reportWriters(MachineFunction &MF, ArrayRef<MCRegister> Regs,
                          StringRef What) {
  const MachineRegisterInfo &MRI = MF.getRegInfo();
  SmallPtrSet<const MachineInstr *, 4> Reported;
  for (MCRegister Reg : Regs)
    for (const MachineInstr &MI : MRI.def_instructions(Reg)) {
      if (MI.isCall() || !Reported.insert(&MI).second)
        continue;
      std::string Cause;
      if (MI.isInlineAsm())
        Cause = "inline asm writes or clobbers " + What.str();
      else if (MI.getFlag(MachineInstr::FrameSetup) ||
               MI.getFlag(MachineInstr::FrameDestroy))
        Cause = "the frame code writes " + What.str() +
                " (a base pointer or a callee-saved register save)";
      else
        Cause = What.str() + " is written (allocated, saved and restored, or "
                             "used as a base pointer)";
      reportRuleError(MF.getFunction(), Rule::FixedRegs,
                      Cause + ": " + describeInstr(MI));
    }
}

bool GoABIVerifyFixedRegs::runOnMachineFunction(MachineFunction &MF) {
  if (!appliesFixedRegs(MF))
    return false;
  // Refused before register allocation (GoABIPinG: a realigned frame keeps
  // its base pointer in r30): its writes of r30 follow from that error.
  if (hasReportedRuleError(MF.getFunction(), Rule::FixedRegs))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  if (!isFixedRegsHalfDisabledForTesting(FixedRegsHalf::G))
    reportWriters(MF, {PPC.X30, PPC.R30}, "r30, Go's g");
  reportWriters(MF, {PPC.X13, PPC.R13}, "r13, the thread pointer");
  if (!isFixedRegsHalfDisabledForTesting(FixedRegsHalf::Zero))
    forEachNonZeroR0Hazard(MF, [&](const MachineInstr &MI) {
      reportRuleError(MF.getFunction(), Rule::FixedRegs,
                      "r0 may be non-zero at a call or return: " +
                          describeInstr(MI));
    });
  return false;
}

char GoABIVerifyFixedRegs::ID = 0;
static RegisterPass<GoABIVerifyFixedRegs>
    X(DEBUG_TYPE, "PowerPC Go ABI: verify r30, r13 and r0");

FunctionPass *createGoABIVerifyFixedRegsPass() {
  return new GoABIVerifyFixedRegs();
}

} // namespace ppcgoabi
