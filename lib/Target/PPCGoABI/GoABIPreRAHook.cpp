//===- GoABIPreRAHook.cpp - LLVM 19: rules 6 and 7 before allocation ------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LLVM 19 gives a plugin no way to add a pass to the code-generation
/// pipeline (GoABIAsmPrinterHook.cpp), but rule 6 must act right after
/// instruction selection and rule 7 right before and right after the register
/// allocator (GoABIReserveTOC.cpp, GoABIPinG.cpp). What a plugin can change
/// is the PassRegistry: TargetPassConfig creates most pipeline passes from
/// their registered constructor (Pass::createPass). This hook replaces the
/// constructors of three passes that every optimisation level runs,
///
///   finalize-isel                    (right after instruction selection;
///                                     after it: ppc-go-reserve-toc)
///   phi-node-elimination             (before the allocator; before it:
///                                     beginPinningG)
///   fixup-statepoint-caller-saved    (after it, before frame lowering;
///                                     before it: endPinningG)
///
/// with constructors of a wrapper that owns the original pass, presents the
/// same pass ID, analysis usage and machine-function properties to the pass
/// manager, and per function runs the original and the plugin's code in that
/// order. So r2 is reserved at the same point of the pipeline as on LLVM 22,
/// where the pass-config callback inserts ppc-go-reserve-toc after
/// finalize-isel, and the two majors generate the same code around it.
///
/// The original gets an AnalysisResolver of its own, as in the AsmPrinter
/// hook (GoABIWrappedResolver.h). For a function the plugin does not apply
/// to, the plugin's code returns at once, so output is bit-identical to llc
/// without the plugin.
///
/// LLVM 22 inserts the same passes with the pass-config callback instead, and
/// does not build this file.
///
//===----------------------------------------------------------------------===//

#include "GoABIWrappedResolver.h"
#include "PPCGoABI.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/Passes.h"
#include "llvm/IR/LegacyPassManagers.h"
#include "llvm/IR/Module.h"
#include "llvm/InitializePasses.h"
#include "llvm/Pass.h"
#include "llvm/PassInfo.h"
#include "llvm/PassRegistry.h"
#include "llvm/Support/ErrorHandling.h"

#include <memory>

using namespace llvm;

namespace ppcgoabi {
namespace {

/// Makes MachineFunctionPass's protected virtuals callable on another pass.
struct MachineFunctionPassAccess : MachineFunctionPass {
  using MachineFunctionPass::getClearedProperties;
  using MachineFunctionPass::getRequiredProperties;
  using MachineFunctionPass::getSetProperties;
};

class GoABIWrappedPass : public MachineFunctionPass {
public:
  /// The plugin's code, run on each function before or after the original.
  using Hook = void (*)(MachineFunction &);

  GoABIWrappedPass(MachineFunctionPass *Original, Hook Before, Hook After)
      : MachineFunctionPass(*const_cast<char *>(
            static_cast<const char *>(Original->getPassID()))),
        Original(Original), Before(Before), After(After) {}

  StringRef getPassName() const override { return Original->getPassName(); }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    static_cast<const Pass &>(*Original).getAnalysisUsage(AU);
  }

  bool doInitialization(Module &M) override {
    MachineFunctionPass::doInitialization(M);
    OriginalAnalyses.sync(*this, *Original);
    return Original->doInitialization(M);
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    if (Before)
      Before(MF);
    OriginalAnalyses.sync(*this, *Original);
    bool Changed = runMachineFunctionPass(*Original, MF);
    if (After)
      After(MF);
    return Changed;
  }

  bool doFinalization(Module &M) override {
    OriginalAnalyses.sync(*this, *Original);
    return Original->doFinalization(M);
  }

protected:
  MachineFunctionProperties getRequiredProperties() const override {
    return (
        Original.get()->*&MachineFunctionPassAccess::getRequiredProperties)();
  }
  MachineFunctionProperties getSetProperties() const override {
    return (Original.get()->*&MachineFunctionPassAccess::getSetProperties)();
  }
  MachineFunctionProperties getClearedProperties() const override {
    return (
        Original.get()->*&MachineFunctionPassAccess::getClearedProperties)();
  }

private:
  std::unique_ptr<MachineFunctionPass> Original;
  Hook Before, After;
  WrappedResolver OriginalAnalyses;
};

PassInfo::NormalCtor_t OriginalFinalizeISel = nullptr;
PassInfo::NormalCtor_t OriginalPHIElimination = nullptr;
PassInfo::NormalCtor_t OriginalFixupStatepoint = nullptr;

/// Rule 6 after finalize-isel, as LLVM 22 inserts it.
void reserveTOC(MachineFunction &MF) {
  // One instance for the process (it keeps no state between functions),
  // never destroyed: a pass must not outlive LLVM's own statics.
  static MachineFunctionPass *const ReserveTOC =
      static_cast<MachineFunctionPass *>(createGoABIReserveTOCPass());
  runMachineFunctionPass(*ReserveTOC, MF);
}

Pass *createWrappedFinalizeISel() {
  return new GoABIWrappedPass(
      static_cast<MachineFunctionPass *>(OriginalFinalizeISel()),
      /*Before=*/nullptr, reserveTOC);
}

Pass *createWrappedPHIElimination() {
  return new GoABIWrappedPass(
      static_cast<MachineFunctionPass *>(OriginalPHIElimination()),
      beginPinningG, /*After=*/nullptr);
}

Pass *createWrappedFixupStatepoint() {
  return new GoABIWrappedPass(
      static_cast<MachineFunctionPass *>(OriginalFixupStatepoint()),
      [](MachineFunction &) { endPinningG(); }, /*After=*/nullptr);
}

/// Replaces the registered constructor of the pass \p ID, keeping the
/// original in \p Original.
void wrapConstructor(const void *ID, StringRef Name,
                     PassInfo::NormalCtor_t &Original,
                     PassInfo::NormalCtor_t Wrapper) {
  auto *PI =
      const_cast<PassInfo *>(PassRegistry::getPassRegistry()->getPassInfo(ID));
  if (!PI || !PI->getNormalCtor())
    report_fatal_error("ppc-go-abi: pass '" + Name +
                           "' is not registered in this LLVM",
                       /*gen_crash_diag=*/false);
  if (PI->getNormalCtor() == Wrapper)
    return;
  Original = PI->getNormalCtor();
  PI->setNormalCtor(Wrapper);
}

struct InstallPreRAHook {
  InstallPreRAHook() {
    PassRegistry &Registry = *PassRegistry::getPassRegistry();
    // Registration is idempotent (call_once); llc may not have done it yet.
    initializeFinalizeISelPass(Registry);
    initializePHIEliminationPass(Registry);
    initializeFixupStatepointCallerSavedPass(Registry);
    wrapConstructor(&FinalizeISelID, "finalize-isel", OriginalFinalizeISel,
                    createWrappedFinalizeISel);
    wrapConstructor(&PHIEliminationID, "phi-node-elimination",
                    OriginalPHIElimination, createWrappedPHIElimination);
    wrapConstructor(&FixupStatepointCallerSavedID,
                    "fixup-statepoint-caller-saved", OriginalFixupStatepoint,
                    createWrappedFixupStatepoint);
  }
} Install;

} // namespace
} // namespace ppcgoabi
