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
/// that the reload follows. A call without the reload gets one. A call whose
/// target is not provably in r12 gets `mfctr 12` right before it: r12 is
/// never an argument register and every call clobbers it, so the copy
/// cannot destroy a live value, and it costs one instruction only where the
/// proof fails. (The fuzzer found a call to a constant address failing the
/// proof, LLVM loading the constant into two registers; the proof now
/// follows constants materialised by `li`/`lis`, and the copy remains for
/// what it cannot follow.)
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckIndirectCall.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"
#include "PPCInstrs.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineInstrBuilder.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-indirect-call"

GOABI_STATISTIC(NumChecked, "Indirect calls checked");
GOABI_STATISTIC(NumReloads, "TOC reloads inserted after indirect calls");
GOABI_STATISTIC(NumTargetCopies,
                "Indirect call targets copied to r12 (mfctr 12)");

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

namespace {
/// What is known about r12 and CTR at a point of the function: whether they
/// hold the same value, which register each was last copied from (while
/// that register is unchanged), and which constant each holds, if it was
/// materialised by an instruction that reads no register (LLVM loads a
/// constant call target twice: `li 3, 4096; li 12, 4096; mtctr 3`). The
/// facts must hold on every path, so blocks meet by intersection.
struct CallTargetState {
  bool R12EqualsCTR = false;
  Register CTRSource;
  Register R12Source;
  const MachineInstr *CTRConstant = nullptr;
  const MachineInstr *R12Constant = nullptr;

  bool operator==(const CallTargetState &O) const {
    return R12EqualsCTR == O.R12EqualsCTR && CTRSource == O.CTRSource &&
           R12Source == O.R12Source && CTRConstant == O.CTRConstant &&
           R12Constant == O.R12Constant;
  }
  bool operator!=(const CallTargetState &O) const { return !(*this == O); }

  static CallTargetState meet(const CallTargetState &A,
                              const CallTargetState &B) {
    CallTargetState S;
    S.R12EqualsCTR = A.R12EqualsCTR && B.R12EqualsCTR;
    S.CTRSource = A.CTRSource == B.CTRSource ? A.CTRSource : Register();
    S.R12Source = A.R12Source == B.R12Source ? A.R12Source : Register();
    S.CTRConstant = A.CTRConstant == B.CTRConstant ? A.CTRConstant : nullptr;
    S.R12Constant = A.R12Constant == B.R12Constant ? A.R12Constant : nullptr;
    return S;
  }
};
} // namespace

/// Whether \p MI puts a constant in its one register: it reads no register
/// and no memory (`li`, `lis`).
static bool materialisesConstant(const MachineInstr &MI) {
  if (MI.getNumExplicitDefs() != 1 || MI.mayLoadOrStore() ||
      MI.hasUnmodeledSideEffects() || MI.isCall())
    return false;
  for (const MachineOperand &MO : MI.explicit_uses())
    if (!MO.isImm())
      return false;
  return MI.getOperand(0).isReg();
}

/// Whether \p A and \p B materialise the same constant.
static bool sameConstant(const MachineInstr *A, const MachineInstr *B) {
  if (!A || !B || A->getOpcode() != B->getOpcode() ||
      A->getNumExplicitOperands() != B->getNumExplicitOperands())
    return false;
  for (unsigned I = A->getNumExplicitDefs(), E = A->getNumExplicitOperands();
       I != E; ++I)
    if (!A->getOperand(I).isIdenticalTo(B->getOperand(I)))
      return false;
  return true;
}

/// The constant \p Reg holds just before \p MI, if the last write to it in
/// the block materialised one.
static const MachineInstr *findConstantIn(Register Reg, const MachineInstr &MI,
                                          const TargetRegisterInfo &TRI) {
  for (auto It = MachineBasicBlock::const_reverse_iterator(MI.getIterator()),
            End = MI.getParent()->rend();
       It != End; ++It) {
    if (It->isCall())
      return nullptr;
    if (It->modifiesRegister(Reg, &TRI))
      return materialisesConstant(*It) ? &*It : nullptr;
  }
  return nullptr;
}

/// The state after \p MI, given \p S before it.
static CallTargetState step(CallTargetState S, const MachineInstr &MI,
                            const PPCInstrs &PPC,
                            const TargetRegisterInfo &TRI) {
  if (MI.isCall())
    return CallTargetState(); // Calls clobber r12 and CTR.
  if (MI.getOpcode() == PPC.MTCTR8) {
    Register Source = MI.getOperand(0).getReg();
    S.CTRSource = Source;
    S.CTRConstant =
        Source == PPC.X12 ? S.R12Constant : findConstantIn(Source, MI, TRI);
    S.R12EqualsCTR = Source == PPC.X12 ||
                     (S.R12Source.isValid() && S.R12Source == Source) ||
                     sameConstant(S.R12Constant, S.CTRConstant);
    return S;
  }
  if (MI.modifiesRegister(PPC.CTR8, &TRI)) {
    S.CTRSource = Register();
    S.CTRConstant = nullptr;
    S.R12EqualsCTR = false;
  }
  if (MI.modifiesRegister(PPC.X12, &TRI)) {
    std::optional<Register> Source = PPC.getCopySource(MI);
    S.R12Source = Source ? *Source : Register();
    S.R12Constant = materialisesConstant(MI) ? &MI : nullptr;
    S.R12EqualsCTR =
        (Source && S.CTRSource.isValid() && *Source == S.CTRSource) ||
        sameConstant(S.R12Constant, S.CTRConstant);
    if (S.CTRSource == PPC.X12)
      S.CTRSource = Register();
    return S;
  }
  // Writing a register breaks the links that go through it.
  if (S.CTRSource.isValid() && MI.modifiesRegister(S.CTRSource, &TRI))
    S.CTRSource = Register();
  if (S.R12Source.isValid() && MI.modifiesRegister(S.R12Source, &TRI))
    S.R12Source = Register();
  return S;
}

/// The state at the start of every block: a forward must-analysis to a fixed
/// point, so that a target moved to CTR and r12 in one block and called in
/// another (LLVM does that after tail merging) is followed.
static DenseMap<const MachineBasicBlock *, CallTargetState>
computeBlockEntryStates(const MachineFunction &MF, const PPCInstrs &PPC) {
  const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
  DenseMap<const MachineBasicBlock *, CallTargetState> In, Out;
  ReversePostOrderTraversal<const MachineFunction *> RPOT(&MF);
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const MachineBasicBlock *MBB : RPOT) {
      std::optional<CallTargetState> Entry;
      if (MBB != &MF.front())
        for (const MachineBasicBlock *Pred : MBB->predecessors()) {
          auto It = Out.find(Pred);
          if (It == Out.end())
            continue; // Not reached yet: no constraint so far.
          Entry =
              Entry ? CallTargetState::meet(*Entry, It->second) : It->second;
        }
      CallTargetState S = Entry.value_or(CallTargetState());
      In[MBB] = S;
      for (const MachineInstr &MI : *MBB)
        S = step(S, MI, PPC, TRI);
      auto [It, Inserted] = Out.try_emplace(MBB, S);
      if (Inserted || It->second != S) {
        It->second = S;
        Changed = true;
      }
    }
  }
  return In;
}

/// For each indirect call of \p MBB, in order, whether r12 provably holds
/// the target when it executes, given \p Entry at the start of the block.
static void proveTargetsInR12(const MachineBasicBlock &MBB,
                              CallTargetState Entry, const PPCInstrs &PPC,
                              const TargetRegisterInfo &TRI,
                              SmallVectorImpl<bool> &Proven) {
  Proven.clear();
  CallTargetState S = Entry;
  for (const MachineInstr &MI : MBB) {
    if (PPC.isIndirectCall(MI))
      Proven.push_back(S.R12EqualsCTR);
    S = step(S, MI, PPC, TRI);
  }
}

bool GoABIIndirectCall::runOnMachineFunction(MachineFunction &MF) {
  const Config *C = getFunctionConfig(MF);
  if (!C || !maintainsTOC(C->Mode))
    return false;
  if (isRuleDisabledForTesting(Rule::IndirectCall))
    return false;
  const PPCInstrs &PPC = PPCInstrs::get(MF);
  SmallVector<MachineBasicBlock *, 8> CallBlocks;
  for (MachineBasicBlock &MBB : MF)
    if (any_of(MBB,
               [&](const MachineInstr &MI) { return PPC.isIndirectCall(MI); }))
      CallBlocks.push_back(&MBB);
  if (CallBlocks.empty())
    return false;
  const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
  const TargetInstrInfo &TII = *MF.getSubtarget().getInstrInfo();

  // First prove each call from its own block alone, as if nothing were known
  // on entry: LLVM almost always moves the target to CTR and r12 right before
  // the call, and a proof that holds from no facts holds from any (every
  // fact the analysis derives is positive, so more facts on entry can only
  // prove more). Only blocks with a call left unproven need the
  // function-wide analysis, which is then computed once.
  SmallVector<std::pair<MachineBasicBlock *, SmallVector<bool, 4>>, 8> Proofs;
  std::optional<DenseMap<const MachineBasicBlock *, CallTargetState>>
      EntryStates;
  for (MachineBasicBlock *MBB : CallBlocks) {
    SmallVector<bool, 4> Proven;
    proveTargetsInR12(*MBB, CallTargetState(), PPC, TRI, Proven);
    if (!all_of(Proven, [](bool P) { return P; })) {
      if (!EntryStates)
        EntryStates = computeBlockEntryStates(MF, PPC);
      proveTargetsInR12(*MBB, EntryStates->lookup(MBB), PPC, TRI, Proven);
    }
    Proofs.emplace_back(MBB, std::move(Proven));
  }

  bool Changed = false;
  for (auto &[MBB, Proven] : Proofs) {
    SmallVector<MachineInstr *, 4> Calls;
    for (MachineInstr &MI : *MBB)
      if (PPC.isIndirectCall(MI))
        Calls.push_back(&MI);
    assert(Calls.size() == Proven.size() && "one proof per call");
    for (auto [MI, TargetInR12] : zip_equal(Calls, Proven)) {
      ++NumChecked;
      if (!TargetInR12) {
        BuildMI(*MBB, MI->getIterator(), MI->getDebugLoc(), TII.get(PPC.MFCTR8),
                PPC.X12);
        ++NumTargetCopies;
        Changed = true;
      }
      if (PPC.includesTOCReload(*MI))
        continue;
      MachineInstr *Next = MI->getNextNode();
      if (Next && PPC.isTOCReload(*Next))
        continue;
      PPC.buildTOCReload(*MBB, std::next(MI->getIterator()), MI->getDebugLoc());
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
