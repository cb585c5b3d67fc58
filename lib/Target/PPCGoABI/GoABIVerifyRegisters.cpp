//===- GoABIVerifyRegisters.cpp - Rule 6: nothing else writes r2 ----------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 6 (cmd/compile/internal/ppc64/reg.go, excludedregs): r2 is the TOC
/// pointer and nothing else. GoABIReserveTOC (LLVM 22) or the IR marker
/// (LLVM 19) keeps the register allocator away from it; this pass proves the
/// result, as the last of the plugin's passes, on both:
///
/// - inline asm that writes or clobbers r2 is an error: the function would
///   run with a wrong TOC after it, and Go code reading r2 (or a caller
///   expecting it preserved) would fail far away;
/// - any other instruction that writes r2, except a call or tail branch
///   (which clobber it) and the reload `ld 2,24(1)`, is an error naming the
///   instruction: r2 was used as an ordinary register;
/// - the LLVM 19 reservation marker has done its work and is erased (it
///   emits zero bytes, so branch displacements are unaffected).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-verify-registers"

GOABI_STATISTIC(NumMarkersErased, "LLVM 19 r2 reservation markers erased");

namespace ppcgoabi {
namespace {

class GoABIVerifyRegisters : public MachineFunctionPass {
public:
  static char ID;
  GoABIVerifyRegisters() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override { return "PowerPC Go ABI: verify r2"; }

  bool runOnMachineFunction(MachineFunction &MF) override;

  /// The last of the plugin's passes reports what they all did (LLVM 22; on
  /// LLVM 19 the AsmPrinter hook does).
  bool doFinalization(Module &) override {
    reportGoABIStatistics();
    return false;
  }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// Erases the LLVM 19 reservation marker, which sits at the top of the
/// function (GoABIPrepareIR.cpp).
static bool eraseReservedTOCMarker(MachineFunction &MF) {
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : MBB)
      if (isReservedTOCMarker(MI)) {
        MI.eraseFromParent();
        return true;
      }
  return false;
}

bool GoABIVerifyRegisters::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C)
    return false;
  bool Changed = false;
  if (usesReservedTOCMarkers() && eraseReservedTOCMarker(MF)) {
    ++NumMarkersErased;
    Changed = true;
  }
  if (!reservesTOCRegister(C->Version, C->Mode) ||
      isRuleDisabledForTesting(Rule::ReservedRegisters))
    return Changed;

  // The writers of r2, from its def lists; calls (which clobber it) and the
  // TOC reload are the only ones allowed.
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  const MachineRegisterInfo &MRI = MF.getRegInfo();
  SmallPtrSet<const MachineInstr *, 4> Reported;
  for (MCRegister Reg : {PPC.X2, PPC.R2}) {
    for (const MachineInstr &MI : MRI.def_instructions(Reg)) {
      if (MI.isCall() || PPC.isTOCReload(MI) || !Reported.insert(&MI).second)
        continue;
      if (MI.isInlineAsm())
        reportRuleError(MF.getFunction(), Rule::ReservedRegisters,
                        "inline asm writes or clobbers r2, the TOC pointer: " +
                            describeInstr(MI));
      else
        reportRuleError(MF.getFunction(), Rule::ReservedRegisters,
                        "r2, the TOC pointer, is written by an ordinary "
                        "instruction (was it allocated as a register?): " +
                            describeInstr(MI));
    }
  }
  return Changed;
}

char GoABIVerifyRegisters::ID = 0;
static RegisterPass<GoABIVerifyRegisters> X(DEBUG_TYPE,
                                            "PowerPC Go ABI: verify r2");

FunctionPass *createGoABIVerifyRegistersPass() {
  return new GoABIVerifyRegisters();
}

} // namespace ppcgoabi
