//===- GoABIGlobalEntry.cpp - Rule 1: every function has a global entry ---===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 1 (cmd/internal/obj/ppc64/obj9.go, preprocess; the seed): in PIC
/// every function starts with the global entry prologue and has its local
/// entry two instructions in, leaf and frameless functions included:
///
///     f:  addis 2, 12, .TOC.-f@ha     # R_PPC64_REL16_HA .TOC.
///         addi  2, 2, .TOC.-f@l       # R_PPC64_REL16_LO .TOC.+4
///         .localentry f, 8            # st_other 3<<5
///
/// Go's runtime and other modules may enter any function through its global
/// entry with r12 = its address and expect r2 set up from it; Go's linker
/// marks every function 3<<5. Stock LLVM emits the prologue only when the
/// function uses r2, so a TOC-free leaf like
///
///     leaf: addi 3, 3, 1
///           blr
///
/// has st_other 0 and, reached from Go code in another module, runs with that
/// module's TOC in r2 and returns it to a caller that expects its own.
///
/// PPCLinuxAsmPrinter emits the prologue when any operand of the function
/// uses X2 or R2. This pass guarantees one such use in every enabled function
/// that is not excluded, by adding an implicit use of X2 to the first real
/// instruction (r2 is reserved, rule 6, so the use is always defined). The
/// AsmPrinter then does the rest, identically on LLVM 19 and 22.
///
/// Functions on the exclusion list (-ppc-go-no-toc-prologue, by default
/// runtime.duffzero and runtime.duffcopy, whose callers branch to fixed
/// offsets inside them) must not get the prologue; one that uses r2 would get
/// it from the AsmPrinter anyway, so that is an error.
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckGlobalEntry.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineInstrBuilder.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-global-entry"

GOABI_STATISTIC(NumForced,
                "Global entry prologues added to TOC-free functions");
GOABI_STATISTIC(NumPresent,
                "Functions that already had a global entry prologue");

namespace ppcgoabi {
namespace {

class GoABIGlobalEntry : public MachineFunctionPass {
public:
  static char ID;
  GoABIGlobalEntry() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: global entry prologue";
  }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// The first instruction of \p MF that is emitted.
static MachineInstr *findFirstRealInstr(MachineFunction &MF) {
  for (MachineBasicBlock &MBB : MF)
    for (MachineInstr &MI : MBB)
      if (!MI.isMetaInstruction())
        return &MI;
  return nullptr;
}

/// An instruction that reads r2, found through the register's use lists.
static const MachineInstr *findTOCUse(const MachineFunction &MF,
                                      const PPCInstrs &PPC) {
  const MachineRegisterInfo &MRI = MF.getRegInfo();
  for (MCRegister Reg : {PPC.X2, PPC.R2}) {
    auto It = MRI.use_instr_nodbg_begin(Reg);
    if (It != MRI.use_instr_nodbg_end())
      return &*It;
  }
  return nullptr;
}

bool GoABIGlobalEntry::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C || !maintainsTOC(C->Mode))
    return false;
  if (isRuleDisabledForTesting(Rule::GlobalEntry))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  const MachineInstr *TOCUse = findTOCUse(MF, PPC);

  if (!C->needsGlobalEntry(MF.getName())) {
    if (TOCUse)
      reportRuleError(MF.getFunction(), Rule::GlobalEntry,
                      "function is excluded from the global entry prologue "
                      "(-ppc-go-no-toc-prologue) but needs the TOC pointer "
                      "r2: " +
                          describeInstr(*TOCUse));
    return false;
  }

  if (TOCUse) {
    ++NumPresent;
    return false;
  }

  // An implicit use of the (reserved) TOC register makes PPCLinuxAsmPrinter
  // emit the global entry and .localentry f, 8.
  MachineInstr *First = findFirstRealInstr(MF);
  if (First) {
    First->addOperand(MF, MachineOperand::CreateReg(PPC.X2, /*isDef=*/false,
                                                    /*isImp=*/true));
  } else {
    // A function without a single instruction (its body is unreachable):
    // a KILL emits no bytes but carries the use.
    MachineBasicBlock &Entry = MF.front();
    BuildMI(Entry, Entry.begin(), DebugLoc(),
            MF.getSubtarget().getInstrInfo()->get(TargetOpcode::KILL))
        .addReg(PPC.X2, RegState::Implicit);
  }
  ++NumForced;
  return true;
}

char GoABIGlobalEntry::ID = 0;
static RegisterPass<GoABIGlobalEntry>
    X(DEBUG_TYPE, "PowerPC Go ABI: global entry prologue");

FunctionPass *createGoABIGlobalEntryPass() { return new GoABIGlobalEntry(); }

} // namespace ppcgoabi
