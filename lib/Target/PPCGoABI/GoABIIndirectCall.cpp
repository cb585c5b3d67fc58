//===- GoABIIndirectCall.cpp - Rule 3: indirect calls via r12, then ld r2 -===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 3 (the seed's cmd/compile/internal/ppc64/gsubr.go; Go 1.10+
/// ssa.go): an indirect call has the target's address in r12, because the
/// callee's global entry derives its TOC from r12, and reloads r2 from the
/// TOC save slot right after the call, because the callee may live in
/// another module and leave that module's TOC in r2:
///
///     mtctr 12                # Go 1.14+: mtlr 12
///     bctrl                   #           blrl
///     ld 2, 24(1)
///
/// LLVM's ELFv2 lowering already does both (BCTRL8_LDinto_toc, with the
/// target copied to r12), so this pass is mostly a guarantee: it proves, per
/// call, that r12 holds the same value as CTR when the call executes, and
/// that the reload follows. A call without the reload gets one; a call whose
/// target is not provably in r12 is an error naming the call, never code
/// that would run with a wrong TOC.
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-indirect-call"

GOABI_STATISTIC(NumChecked, "Indirect calls checked");
GOABI_STATISTIC(NumReloads, "TOC reloads inserted after indirect calls");

namespace ppcgoabi {
namespace {

class GoABIIndirectCall : public MachineFunctionPass {
public:
  static char ID;
  GoABIIndirectCall() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: indirect calls";
  }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// The register that \p MI copies into its destination, if it is a copy
/// (`mr Rd, Rs`, i.e. `or Rd, Rs, Rs`, or a COPY).
static std::optional<Register> getCopySource(const MachineInstr &MI,
                                             const PPCInstrs &PPC) {
  if (MI.isCopy())
    return MI.getOperand(1).getReg();
  if (MI.getOpcode() == PPC.OR8 && MI.getOperand(1).isReg() &&
      MI.getOperand(2).isReg() &&
      MI.getOperand(1).getReg() == MI.getOperand(2).getReg())
    return MI.getOperand(1).getReg();
  return std::nullopt;
}

/// Whether r12 provably holds the call target when \p Call executes: the
/// value moved to CTR came from r12, or from a register r12 was copied from
/// with neither redefined in between.
static bool isTargetInR12(const MachineInstr &Call, const PPCInstrs &PPC) {
  const MachineBasicBlock &MBB = *Call.getParent();
  auto Begin = MBB.instr_rend();
  auto It = std::next(Call.getReverseIterator());
  // Find the instruction that set CTR, noting whether r12 changed since.
  const MachineInstr *R12Def = nullptr;
  for (; It != Begin; ++It) {
    if (It->modifiesRegister(PPC.CTR8, nullptr))
      break;
    if (!R12Def && It->modifiesRegister(PPC.X12, nullptr))
      R12Def = &*It;
  }
  if (It == Begin || It->getOpcode() != PPC.MTCTR8)
    return false;
  const MachineInstr &MoveToCTR = *It;
  Register Source = MoveToCTR.getOperand(0).getReg();

  if (!R12Def) {
    if (Source == PPC.X12)
      return true; // mtctr 12, and r12 unchanged since.
    // r12 was set before mtctr: it must be a copy of Source with Source
    // unchanged until the mtctr.
    for (++It; It != Begin; ++It) {
      if (It->modifiesRegister(PPC.X12, nullptr)) {
        R12Def = &*It;
        break;
      }
      if (It->modifiesRegister(Source, nullptr))
        return false;
    }
    return R12Def && getCopySource(*R12Def, PPC) == Source;
  }

  // r12 was set between the mtctr and the call: `mr 12, Source`, with
  // Source unchanged in between.
  if (getCopySource(*R12Def, PPC) != Source)
    return false;
  for (auto I = std::next(MoveToCTR.getIterator()); &*I != R12Def; ++I)
    if (I->modifiesRegister(Source, nullptr))
      return false;
  return true;
}

bool GoABIIndirectCall::runOnMachineFunction(MachineFunction &MF) {
  std::optional<Config> C = getFunctionConfig(MF);
  if (!C || !maintainsTOC(C->Mode))
    return false;
  if (isRuleDisabledForTesting(Rule::IndirectCall))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  bool Changed = false;
  for (MachineBasicBlock &MBB : MF) {
    for (MachineInstr &MI : MBB) {
      if (!PPC.isIndirectCall(MI))
        continue;
      ++NumChecked;
      if (!isTargetInR12(MI, PPC))
        reportRuleError(MF.getFunction(), Rule::IndirectCall,
                        "the target of an indirect call is not provably in "
                        "r12: " +
                            describeInstr(MI));
      if (PPC.includesTOCReload(MI))
        continue;
      MachineInstr *Next = MI.getNextNode();
      if (Next && PPC.isTOCReload(*Next))
        continue;
      PPC.buildTOCReload(MBB, std::next(MI.getIterator()), MI.getDebugLoc());
      ++NumReloads;
      Changed = true;
    }
  }
  return Changed;
}

char GoABIIndirectCall::ID = 0;
static RegisterPass<GoABIIndirectCall> X(DEBUG_TYPE,
                                         "PowerPC Go ABI: indirect calls");

FunctionPass *createGoABIIndirectCallPass() { return new GoABIIndirectCall(); }

} // namespace ppcgoabi
