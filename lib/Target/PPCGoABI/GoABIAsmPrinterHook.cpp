//===- GoABIAsmPrinterHook.cpp - LLVM 19: run the rules before emission ---===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LLVM 19 gives a plugin no way into the code-generation pipeline: no
/// target-pass-config callback and no --load-pass-plugin in llc. What it does
/// let a plugin change is the TargetRegistry. This hook re-registers the
/// ppc64 and ppc64le AsmPrinter constructors (every target's, in fact, so
/// that -ppc-go-abi on a wrong triple is an error rather than a no-op) with a
/// wrapper printer that owns the original printer and, for every function:
///
///   1. runs ppc-go-abi-validate and the rule passes, in the order LLVM 22
///      runs them before ppc-branch-select;
///   2. if they changed the function, runs ppc-branch-select again: the
///      pipeline's run happened before the rules added their instructions, and
///      a conditional branch pushed past +-32 KiB would be mis-encoded;
///   3. lets the original printer emit it.
///
/// Its doInitialization prepares the IR, including the r2 reservation marker
/// (GoABIPrepareIR.cpp), before any function is selected.
///
/// The wrapper gives the original printer an AnalysisResolver of its own,
/// refilled from the wrapper's before every call: sharing one resolver makes
/// both passes delete it at exit. When no function is enabled the wrapper only
/// forwards, so output is bit-identical to llc without the plugin.
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"

#include "llvm/CodeGen/AsmPrinter.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/IR/LegacyPassManagers.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCStreamer.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Pass.h"
#include "llvm/PassInfo.h"
#include "llvm/PassRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Target/TargetMachine.h"

#include <map>
#include <memory>
#include <vector>

using namespace llvm;

namespace ppcgoabi {
namespace {

cl::opt<bool> RerunBranchSelection(
    "ppc-go-abi-rerun-branch-select", cl::Hidden, cl::init(true),
    cl::desc("Re-run ppc-branch-select after the Go ABI rules (LLVM 19). "
             "Only for testing: false reproduces the mis-encoded conditional "
             "branches the re-run prevents"));

/// The registered targets as they were before the hook, by name, so that the
/// wrapper can call each one's original AsmPrinter constructor.
std::map<std::string, Target> &getOriginalTargets() {
  static std::map<std::string, Target> Originals;
  return Originals;
}

class GoABIAsmPrinter : public AsmPrinter {
public:
  /// \p Original owns the real streamer; the wrapper itself never emits and
  /// gets a null streamer on the same context.
  GoABIAsmPrinter(TargetMachine &TM, MCContext &Ctx, AsmPrinter *Original)
      : AsmPrinter(TM, std::unique_ptr<MCStreamer>(createNullStreamer(Ctx))),
        Original(Original) {}

  ~GoABIAsmPrinter() override = default;

  StringRef getPassName() const override {
    return "PowerPC Go ABI: AsmPrinter hook";
  }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    static_cast<const Pass &>(*Original).getAnalysisUsage(AU);
  }

  bool doInitialization(Module &M) override {
    bool Changed = prepareModuleForGoABI(M, TM, /*MarkReservedTOC=*/true);
    syncOriginalResolver();
    return Original->doInitialization(M) || Changed;
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    if (isGoABIRequested(MF.getFunction()) ||
        isFixedRegsRequested(MF.getFunction()))
      applyRules(MF);
    syncOriginalResolver();
    return Original->runOnMachineFunction(MF);
  }

  bool doFinalization(Module &M) override {
    reportGoABIStatistics();
    syncOriginalResolver();
    return Original->doFinalization(M);
  }

private:
  void applyRules(MachineFunction &MF);
  void syncOriginalResolver();

  std::unique_ptr<AsmPrinter> Original;
  AnalysisResolver *OriginalResolver = nullptr; // Owned by Original.
  std::vector<std::unique_ptr<MachineFunctionPass>> Rules;
  std::unique_ptr<MachineFunctionPass> BranchSelector;
};

void GoABIAsmPrinter::syncOriginalResolver() {
  AnalysisResolver *Mine = getResolver();
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

static MachineFunctionPass *asMachineFunctionPass(FunctionPass *P) {
  return static_cast<MachineFunctionPass *>(P);
}

void GoABIAsmPrinter::applyRules(MachineFunction &MF) {
  if (Rules.empty()) {
    for (FunctionPass *P :
         {createGoABIValidatePass(TM), createGoABIRulePipelinePass()})
      Rules.emplace_back(asMachineFunctionPass(P));
    if (const PassInfo *PI = PassRegistry::getPassRegistry()->getPassInfo(
            StringRef("ppc-branch-select")))
      BranchSelector.reset(
          asMachineFunctionPass(static_cast<FunctionPass *>(PI->createPass())));
  }
  bool Changed = false;
  for (const std::unique_ptr<MachineFunctionPass> &P : Rules)
    Changed |= runMachineFunctionPass(*P, MF);
  if (!Changed || !RerunBranchSelection ||
      !MF.getTarget().getTargetTriple().isPPC())
    return;
  if (!BranchSelector)
    report_fatal_error("ppc-go-abi: pass 'ppc-branch-select' is not "
                       "registered; cannot re-select branches after the Go "
                       "ABI rules",
                       /*gen_crash_diag=*/false);
  runMachineFunctionPass(*BranchSelector, MF);
}

AsmPrinter *createGoABIAsmPrinter(TargetMachine &TM,
                                  std::unique_ptr<MCStreamer> &&Streamer) {
  auto It = getOriginalTargets().find(TM.getTarget().getName());
  if (It == getOriginalTargets().end())
    return nullptr;
  MCContext &Ctx = Streamer->getContext();
  AsmPrinter *Original = It->second.createAsmPrinter(TM, std::move(Streamer));
  if (!Original)
    return nullptr;
  return new GoABIAsmPrinter(TM, Ctx, Original);
}

/// Installs the wrapper for every target; for one without an AsmPrinter the
/// wrapper's constructor returns null, as the missing one would have.
struct InstallAsmPrinterHook {
  InstallAsmPrinterHook() {
    for (const Target &T : TargetRegistry::targets()) {
      if (getOriginalTargets().count(T.getName()))
        continue;
      getOriginalTargets().emplace(T.getName(), T);
      TargetRegistry::RegisterAsmPrinter(const_cast<Target &>(T),
                                         createGoABIAsmPrinter);
    }
  }
} Install;

} // namespace
} // namespace ppcgoabi
