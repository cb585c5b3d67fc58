//===- GoABIPinG.cpp - Rule 7: r30 (g) is never allocated -----------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 7, r30 half (cmd/internal/obj/ppc64/a.out.go, REGG = R30): r30
/// holds the current goroutine at every instruction; the signal handler of a
/// binary without cgo reads g from it (runtime/sys_linux_ppc64x.s, sigtramp).
/// In an enabled function nothing may write r30: no allocation, no spill, no
/// callee-saved save/restore, no scratch use.
///
/// The register allocators take the set of allocatable registers from
/// MachineRegisterInfo::freezeReservedRegs, which each of them (greedy,
/// basic, fast) calls again at its start; it recomputes the set from
/// PPCRegisterInfo::getReservedRegs, whose only input that reserves r30 is
/// PPCRegisterInfo::hasBasePointer: the hidden PowerPC option
/// -ppc-always-use-base-pointer, or stack realignment. A reservation made with
/// MachineRegisterInfo::reserveReg before the allocator is therefore lost.
///
/// This file turns -ppc-always-use-base-pointer on right before the
/// allocator runs on an enabled function and off right after (the first pass
/// after it), so that:
///
///  - the allocator's frozen reserved set contains r30, and it stays frozen
///    (nothing after the allocator re-freezes it; the scavengers of frame
///    lowering ask MachineRegisterInfo), so r30 is never assigned, spilled
///    around or used as a scratch register;
///  - frame lowering (prologue/epilogue insertion, after the allocator) sees
///    the option off: no base pointer is set up, and r30, never written, is
///    not a callee-saved register to save;
///  - nothing else observes the option: code generation runs one function
///    at a time through all machine passes, and the option is only on between
///    these two points of one enabled function.
///
/// A function that really needs a base pointer (stack realignment: locals
/// aligned beyond 16 bytes with a dynamic alloca, or "stackrealign") would
/// have the PowerPC backend keep it in r30; that is reported as an error
/// before allocation, naming the function and the rule.
///
/// ppc-go-verify-fixed-regs proves the outcome on the final code. LLVM 22
/// runs the two passes below (inserted after phi-node-elimination and after
/// fixup-statepoint-caller-saved, GoABIPassConfigHook.cpp); LLVM 19 calls
/// the functions from wrapped constructors of those passes
/// (GoABIPreRAHook.cpp).
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckFixedRegs.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/CodeGen/MachineFrameInfo.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/PassRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-pin-g"

GOABI_STATISTIC(NumPinned, "Functions in which r30 (g) was kept out of "
                           "register allocation");

namespace ppcgoabi {

/// The PowerPC backend's -ppc-always-use-base-pointer (PPCRegisterInfo.cpp).
static cl::opt<bool> &getAlwaysBasePointerOption() {
  static cl::opt<bool> *Option = [] {
    auto &&Options = cl::getRegisteredOptions();
    auto It = Options.find("ppc-always-use-base-pointer");
    if (It == Options.end())
      report_fatal_error("ppc-go-abi: the PowerPC backend has no option "
                         "'-ppc-always-use-base-pointer'; this LLVM is not "
                         "supported by -ppc-go-fixed-regs",
                         /*gen_crash_diag=*/false);
    return static_cast<cl::opt<bool> *>(It->second);
  }();
  return *Option;
}

/// Whether beginPinningG turned the option on (and endPinningG must turn it
/// off again).
static bool Pinning = false;

void beginPinningG(MachineFunction &MF) {
  endPinningG();
  if (!appliesFixedRegs(MF) ||
      isFixedRegsHalfDisabledForTesting(FixedRegsHalf::G))
    return;
  const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
  if (TRI.hasStackRealignment(MF)) {
    reportRuleError(
        MF.getFunction(), Rule::FixedRegs,
        "the stack frame must be realigned (a local aligned beyond the "
        "16-byte stack alignment, or \"stackrealign\"); the PowerPC backend "
        "keeps the base pointer of such a frame in r30, which holds Go's g: "
        "lower the alignment or move the over-aligned data to the heap");
    return;
  }
  cl::opt<bool> &AlwaysBasePointer = getAlwaysBasePointerOption();
  if (AlwaysBasePointer)
    return; // The user's choice: a base pointer in r30 everywhere; the
            // verifier reports the writes.
  AlwaysBasePointer = true;
  Pinning = true;
  ++NumPinned;
}

void endPinningG() {
  if (!Pinning)
    return;
  getAlwaysBasePointerOption() = false;
  Pinning = false;
}

namespace {

class GoABIPinG : public MachineFunctionPass {
public:
  static char ID;
  GoABIPinG() : MachineFunctionPass(ID) {}
  StringRef getPassName() const override {
    return "PowerPC Go ABI: keep r30 (g) out of register allocation";
  }
  bool runOnMachineFunction(MachineFunction &MF) override {
    beginPinningG(MF);
    return false;
  }
  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

class GoABIUnpinG : public MachineFunctionPass {
public:
  static char ID;
  GoABIUnpinG() : MachineFunctionPass(ID) {}
  StringRef getPassName() const override {
    return "PowerPC Go ABI: end of register allocation for r30 (g)";
  }
  bool runOnMachineFunction(MachineFunction &) override {
    endPinningG();
    return false;
  }
  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

char GoABIPinG::ID = 0;
char GoABIUnpinG::ID = 0;
static RegisterPass<GoABIPinG>
    X(DEBUG_TYPE, "PowerPC Go ABI: keep r30 (g) out of register allocation");
static RegisterPass<GoABIUnpinG>
    Y("ppc-go-unpin-g",
      "PowerPC Go ABI: end of register allocation for r30 (g)");

FunctionPass *createGoABIPinGPass() { return new GoABIPinG(); }
FunctionPass *createGoABIUnpinGPass() { return new GoABIUnpinG(); }

} // namespace ppcgoabi
