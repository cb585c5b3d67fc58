//===- GoABIVerifyRegisters.cpp - Rule 6: nothing else writes r2 ----------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 6 (cmd/compile/internal/ppc64/reg.go, excludedregs): r2 is the TOC
/// pointer and nothing else. The hook keeps the register allocator away from
/// it (GoABIReserveTOC, on both LLVM versions); this pass proves the
/// result, after every rule pass that adds instructions:
///
/// - inline asm that writes or clobbers r2 is an error: the function would
///   run with a wrong TOC after it, and Go code reading r2 (or a caller
///   expecting it preserved) would fail far away;
/// - any other instruction that writes r2 is an error naming the
///   instruction and what it does to r2. Allowed are calls and tail
///   branches (which clobber it), the reload `ld 2,24(1)`, and the restore
///   `ld 2,24(rB)` of LLVM's __builtin_longjmp expansion, which puts back the
///   TOC __builtin_setjmp saved in the jump buffer: the jump lands in a
///   function of this module, with the TOC it had (PPCInstrs::
///   isLongjmpTOCRestore).
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckReservedRegisters.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-verify-registers"

namespace ppcgoabi {
namespace {

class GoABIVerifyRegisters : public MachineFunctionPass {
public:
  static char ID;
  GoABIVerifyRegisters() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override { return "PowerPC Go ABI: verify r2"; }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// What \p MI, which writes r2, was found doing, for the error: the
/// instruction itself follows in the message.
static std::string describeTOCWrite(const MachineInstr &MI,
                                    const PPCInstrs &PPC) {
  if (MI.isInlineAsm())
    return "inline asm writes or clobbers r2, the TOC pointer";
  if (MI.getOpcode() == PPC.LD)
    return "r2, the TOC pointer, is loaded from memory that is neither the "
           "TOC save slot 24(r1) nor a __builtin_longjmp jump buffer";
  if (PPC.getCopySource(MI))
    return "r2, the TOC pointer, is overwritten by a copy of another register";
  bool Explicit = any_of(MI.defs(), [&](const MachineOperand &MO) {
    return MO.isReg() && (MO.getReg() == PPC.X2 || MO.getReg() == PPC.R2);
  });
  return Explicit ? "r2, the TOC pointer, is the result of an ordinary "
                    "instruction"
                  : "r2, the TOC pointer, is clobbered by an instruction "
                    "that is not a call";
}

bool GoABIVerifyRegisters::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C)
    return false;
  if (!reservesTOCRegister(C->Version, C->Mode) ||
      isRuleDisabledForTesting(Rule::ReservedRegisters))
    return false;

  // The writers of r2, from its def lists; calls (which clobber it), the TOC
  // reload and __builtin_longjmp's restore are the only ones allowed.
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  const MachineRegisterInfo &MRI = MF.getRegInfo();
  SmallPtrSet<const MachineInstr *, 4> Reported;
  for (MCRegister Reg : {PPC.X2, PPC.R2}) {
    for (const MachineInstr &MI : MRI.def_instructions(Reg)) {
      if (PPC.isCall(MI) || PPC.isTailBranch(MI) || PPC.isTOCReload(MI) ||
          PPC.isLongjmpTOCRestore(MI) || !Reported.insert(&MI).second)
        continue;
      reportRuleError(MF.getFunction(), Rule::ReservedRegisters,
                      describeTOCWrite(MI, PPC) + ": " + describeInstr(MI));
    }
  }
  return false;
}

char GoABIVerifyRegisters::ID = 0;
static RegisterPass<GoABIVerifyRegisters> X(DEBUG_TYPE,
                                            "PowerPC Go ABI: verify r2");

FunctionPass *createGoABIVerifyRegistersPass() {
  return new GoABIVerifyRegisters();
}

} // namespace ppcgoabi
