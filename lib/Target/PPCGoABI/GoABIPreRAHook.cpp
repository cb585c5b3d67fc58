//===- GoABIPreRAHook.cpp - LLVM 19: code around register allocation ------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LLVM 19 gives a plugin no way to add a pass to the code-generation
/// pipeline (GoABIAsmPrinterHook.cpp), but rule 7 must act right before and
/// right after the register allocator (GoABIPinG.cpp). What a plugin can
/// change is the PassRegistry: TargetPassConfig creates most pipeline passes
/// from their registered constructor (Pass::createPass). This hook replaces
/// the constructors of two passes that every optimisation level runs,
///
///   phi-node-elimination             (before the allocator)
///   fixup-statepoint-caller-saved    (after it, before frame lowering)
///
/// with constructors of a wrapper that owns the original pass, presents the
/// same pass ID, analysis usage and machine-function properties to the pass
/// manager, and per function runs the plugin's code (beginPinningG,
/// endPinningG) and then the original. The original gets an AnalysisResolver
/// of its own, refilled from the wrapper's before every call, as in the
/// AsmPrinter hook. For a function without -ppc-go-fixed-regs the wrapper
/// only forwards, so output is bit-identical to llc without the plugin.
///
/// LLVM 22 inserts GoABIPinG's two passes with the pass-config callback
/// instead, and does not build this file.
///
//===----------------------------------------------------------------------===//

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
  using Hook = void (*)(MachineFunction &);

  GoABIWrappedPass(MachineFunctionPass *Original, Hook Before)
      : MachineFunctionPass(*const_cast<char *>(
            static_cast<const char *>(Original->getPassID()))),
        Original(Original), Before(Before) {}

  StringRef getPassName() const override { return Original->getPassName(); }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    static_cast<const Pass &>(*Original).getAnalysisUsage(AU);
  }

  bool doInitialization(Module &M) override {
    MachineFunctionPass::doInitialization(M);
    syncOriginalResolver();
    return Original->doInitialization(M);
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    Before(MF);
    syncOriginalResolver();
    return runMachineFunctionPass(*Original, MF);
  }

  bool doFinalization(Module &M) override {
    syncOriginalResolver();
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
  void syncOriginalResolver() {
    AnalysisResolver *Mine = getResolver();
    if (!Mine)
      return;
    if (!OriginalResolver) {
      OriginalResolver = new AnalysisResolver(Mine->getPMDataManager());
      Original->setResolver(OriginalResolver);
    }
    OriginalResolver->clearAnalysisImpls();
    AnalysisUsage AU;
    getAnalysisUsage(AU);
    for (AnalysisID ID : AU.getRequiredSet())
      if (Pass *Impl = Mine->findImplPass(ID))
        OriginalResolver->addAnalysisImplsPair(ID, Impl);
  }

  std::unique_ptr<MachineFunctionPass> Original;
  Hook Before;
  AnalysisResolver *OriginalResolver = nullptr; // Owned by Original.
};

PassInfo::NormalCtor_t OriginalPHIElimination = nullptr;
PassInfo::NormalCtor_t OriginalFixupStatepoint = nullptr;

Pass *createWrappedPHIElimination() {
  return new GoABIWrappedPass(
      static_cast<MachineFunctionPass *>(OriginalPHIElimination()),
      beginPinningG);
}

Pass *createWrappedFixupStatepoint() {
  return new GoABIWrappedPass(
      static_cast<MachineFunctionPass *>(OriginalFixupStatepoint()),
      [](MachineFunction &) { endPinningG(); });
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
    initializePHIEliminationPass(Registry);
    initializeFixupStatepointCallerSavedPass(Registry);
    wrapConstructor(&PHIEliminationID, "phi-node-elimination",
                    OriginalPHIElimination, createWrappedPHIElimination);
    wrapConstructor(&FixupStatepointCallerSavedID,
                    "fixup-statepoint-caller-saved", OriginalFixupStatepoint,
                    createWrappedFixupStatepoint);
  }
} Install;

} // namespace
} // namespace ppcgoabi
