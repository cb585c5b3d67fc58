//===- GoABITOCSave.cpp - Rule 2: calling functions save r2 at 24(r1) -----===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 2 (cmd/internal/obj/ppc64/obj9.go, preprocess; the seed): a
/// function that calls stores its TOC pointer in the TOC save slot of its own
/// frame right after allocating it:
///
///     mflr 0
///     stdu 1, -32(1)
///     std 2, 24(1)            # <- this pass
///     std 0, 48(1)
///
/// The slot must hold the module's TOC for the whole life of the frame:
/// Go's runtime (gogo, goexit, mcall, systemstack, asmcgocall, sigtramp) and
/// the `ld 2,24(1)` that follows indirect calls, deferreturn pads and linker
/// stubs reload r2 from it. Stock LLVM saves r2 only before indirect calls
/// (sometimes hoisted into the entry block), and direct calls rely on the
/// linker's stub to do it.
///
/// Guarantee: in an enabled PIC function that calls, every instruction that
/// sets r1 and after which a call can still happen (the prologue's stdu or
/// stdux, a dynamic alloca, a stack restore) is immediately followed by
/// `std 2,24(1)`. Because r2 never changes in an enabled function (rule 6)
/// the slot of the current frame then always holds the TOC, so every other
/// TOC save is redundant and is removed: the function ends up with exactly
/// one save per frame allocation, where Go puts it. A save LLVM already
/// placed right after the allocation is kept as is. When a removed save
/// stored a copy of r2 (-O0: `mr 5, 2; std 5, 24(1)`), the copy goes too if
/// nothing reads it before it is overwritten.
///
/// Runs after prologue/epilogue insertion and scheduling, before branch
/// selection (ppc-go-abi-rules; the hook places it, LLVMCompat.h).
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckTOCSave.cpp
/// (both read include/PPCGoABI/Conventions.h).
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

#define DEBUG_TYPE "ppc-go-toc-save"

GOABI_STATISTIC(NumInserted, "TOC saves inserted after a stack allocation");
GOABI_STATISTIC(NumPresent, "TOC saves already right after a stack allocation");
GOABI_STATISTIC(NumRemoved, "Redundant TOC saves removed");
GOABI_STATISTIC(NumCopiesRemoved,
                "Copies of r2 removed with the save they fed");

namespace ppcgoabi {
namespace {

class GoABITOCSave : public MachineFunctionPass {
public:
  static char ID;
  GoABITOCSave() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override { return "PowerPC Go ABI: TOC save"; }

  bool runOnMachineFunction(MachineFunction &MF) override;

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

/// The blocks from which a call can be reached (a call in the block itself
/// included).
static SmallPtrSet<const MachineBasicBlock *, 16>
findBlocksReachingCalls(const MachineFunction &MF, const PPCInstrs &PPC) {
  SmallPtrSet<const MachineBasicBlock *, 16> Reaching;
  SmallVector<const MachineBasicBlock *, 16> Worklist;
  for (const MachineBasicBlock &MBB : MF)
    if (any_of(MBB, [&](const MachineInstr &MI) { return PPC.isCall(MI); }))
      if (Reaching.insert(&MBB).second)
        Worklist.push_back(&MBB);
  while (!Worklist.empty())
    for (const MachineBasicBlock *Pred :
         Worklist.pop_back_val()->predecessors())
      if (Reaching.insert(Pred).second)
        Worklist.push_back(Pred);
  return Reaching;
}

/// The next instruction after \p MI that will be emitted, if in the block.
/// Whether the value \p Copy defines is overwritten, in its block, before
/// anything reads it.
static bool isOverwrittenUnread(MachineInstr &Copy) {
  Register Reg = Copy.getOperand(0).getReg();
  for (auto It = std::next(Copy.getIterator()),
            End = Copy.getParent()->instr_end();
       It != End; ++It) {
    if (It->readsRegister(Reg, nullptr))
      return false;
    if (It->modifiesRegister(Reg, nullptr))
      return true;
  }
  return false; // It may be live out.
}

static MachineInstr *nextRealInstr(MachineInstr &MI) {
  for (MachineBasicBlock::iterator It = std::next(MI.getIterator()),
                                   E = MI.getParent()->end();
       It != E; ++It)
    if (!It->isMetaInstruction())
      return &*It;
  return nullptr;
}

/// Whether a call can execute after \p MI.
static bool
canCallAfter(const MachineInstr &MI, const PPCInstrs &PPC,
             const SmallPtrSetImpl<const MachineBasicBlock *> &ReachingCalls) {
  const MachineBasicBlock &MBB = *MI.getParent();
  if (!ReachingCalls.contains(&MBB))
    return false;
  for (auto It = std::next(MI.getIterator()), E = MBB.instr_end(); It != E;
       ++It)
    if (PPC.isCall(*It))
      return true;
  return any_of(MBB.successors(), [&](const MachineBasicBlock *Succ) {
    return ReachingCalls.contains(Succ);
  });
}

/// Every TOC save in \p MF: the instructions that read r2 are few, so they
/// are found through r2's use list rather than by a walk over the function.
static SmallVector<MachineInstr *, 4> findTOCSaves(MachineFunction &MF,
                                                   const PPCInstrs &PPC) {
  SmallVector<MachineInstr *, 4> Saves;
  for (MachineInstr &Use : MF.getRegInfo().use_instructions(PPC.X2)) {
    if (PPC.isTOCSave(Use)) {
      Saves.push_back(&Use);
      continue;
    }
    // -O0 saves through a copy: `mr 5, 2; std 5, 24(1)`.
    if (!PPC.getCopySource(Use))
      continue;
    Register Copy = Use.getOperand(0).getReg();
    for (auto It = std::next(Use.getIterator()),
              E = Use.getParent()->instr_end();
         It != E; ++It) {
      if (PPC.isTOCSave(*It)) {
        Saves.push_back(&*It);
        break;
      }
      if (It->readsRegister(Copy, nullptr) ||
          It->modifiesRegister(Copy, nullptr))
        break;
    }
  }
  // An instruction appears once per use operand.
  llvm::sort(Saves);
  Saves.erase(std::unique(Saves.begin(), Saves.end()), Saves.end());
  return Saves;
}

bool GoABITOCSave::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C || !maintainsTOC(C->Mode))
    return false;
  if (isRuleDisabledForTesting(Rule::TOCSave))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  SmallPtrSet<const MachineBasicBlock *, 16> ReachingCalls =
      findBlocksReachingCalls(MF, PPC);
  if (ReachingCalls.empty())
    return false; // A leaf: Go saves nothing either.

  // The instructions that set r1, from r1's def list (calls only clobber it).
  SmallPtrSet<MachineInstr *, 8> StackPointerWrites;
  for (MachineInstr &MI : MF.getRegInfo().def_instructions(PPC.X1))
    if (!MI.isCall())
      StackPointerWrites.insert(&MI);

  SmallPtrSet<const MachineInstr *, 8> Kept;
  bool Changed = false;
  for (MachineInstr *MI : StackPointerWrites) {
    if (!canCallAfter(*MI, PPC, ReachingCalls))
      continue;
    MachineInstr *Next = nextRealInstr(*MI);
    if (Next && PPC.isTOCSave(*Next)) {
      Kept.insert(Next);
      ++NumPresent;
      continue;
    }
    Kept.insert(PPC.buildTOCSave(*MI->getParent(), std::next(MI->getIterator()),
                                 MI->getDebugLoc()));
    ++NumInserted;
    Changed = true;
  }

  for (MachineInstr *Save : findTOCSaves(MF, PPC)) {
    if (Kept.contains(Save))
      continue;
    // The pass owns the function: the copy may be erased.
    auto *Copy = const_cast<MachineInstr *>(PPC.getSavedTOCCopy(*Save));
    Save->eraseFromParent();
    ++NumRemoved;
    Changed = true;
    if (Copy && !Kept.contains(Copy) && isOverwrittenUnread(*Copy)) {
      Copy->eraseFromParent();
      ++NumCopiesRemoved;
    }
  }

  // Calls only in blocks no path reaches (LLVM keeps them at -O0) need no
  // frame; a reachable call without one is an inconsistency.
  if (Kept.empty() && ReachingCalls.contains(&MF.front()))
    reportRuleError(MF.getFunction(), Rule::TOCSave,
                    "the function calls but no instruction allocates its "
                    "frame, so there is no TOC save slot to fill");
  return Changed;
}

char GoABITOCSave::ID = 0;
static RegisterPass<GoABITOCSave> X(DEBUG_TYPE, "PowerPC Go ABI: TOC save");

FunctionPass *createGoABITOCSavePass() { return new GoABITOCSave(); }

} // namespace ppcgoabi
