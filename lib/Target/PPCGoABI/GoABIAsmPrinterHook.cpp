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
/// wrapper printer that owns the original printer. Of what the hook of a
/// major must do (LLVMCompat.h), the wrapper does steps 1, 4 and 5; steps 2
/// and 3 belong before register allocation, in GoABIPreRAHook.cpp.
///
///   doInitialization, before any function is selected:
///     step 1: prepares the IR (prepareModuleForGoABI);
///   runOnMachineFunction, for every function:
///     step 4: runs ppc-go-abi-validate and ppc-go-abi-rules, as LLVM 22 does
///       right before ppc-branch-select; if they changed the function, runs
///       ppc-branch-select again: the pipeline's run happened before the
///       rules added their instructions, and a conditional branch pushed past
///       +-32 KiB would be mis-encoded. The re-run does nothing in a function
///       that cannot be that large, so it is skipped when a cheap upper bound
///       of the function's size says so (mayNeedLongBranches); then lets the
///       original printer emit the function;
///   doFinalization:
///     step 5: reports the statistics.
///
/// The wrapper is installed when the plugin is loaded and again after every
/// pass registration: ld.lld (LTO) loads the plugin before it registers its
/// targets, and would otherwise generate code with no wrapper, silently.
///
/// The wrapper gives the original printer an AnalysisResolver of its own
/// (GoABIWrappedResolver.h). When no function is enabled the wrapper only
/// forwards, so output is bit-identical to llc without the plugin.
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "GoABIWrappedResolver.h"
#include "PPCGoABI.h"

#include "llvm/CodeGen/AsmPrinter.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
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

#include <cstring>
#include <map>
#include <memory>

using namespace llvm;

#define DEBUG_TYPE "ppc-go-abi-asmprinter-hook"

namespace ppcgoabi {
namespace {

cl::opt<bool> RerunBranchSelection(
    "ppc-go-abi-rerun-branch-select", cl::Hidden, cl::init(true),
    cl::desc("Re-run ppc-branch-select after the Go ABI rules (LLVM 19). "
             "Only for testing: false reproduces the mis-encoded conditional "
             "branches the re-run prevents"));

/// Whether ppc-branch-select could change anything in \p MF. It
/// renumbers the blocks, measures the function with
/// TargetInstrInfo::getInstSizeInBytes and stops when the total is under
/// 2^15 bytes, the reach of a conditional branch. The rules add no block, so
/// the numbering its first run made is still dense; then an upper bound of
/// its total under 2^15 means the re-run would change nothing. The bound
/// takes each instruction's encoded size from its descriptor, 4 more for an
/// 8-byte one (a prefixed instruction may need an alignment nop), asks
/// getInstSizeInBytes only for those whose descriptor says 0 (inline asm,
/// stack maps, meta instructions), and adds twice each block's alignment and
/// the 8 bytes of a global entry.
bool mayNeedLongBranches(const MachineFunction &MF) {
  constexpr uint64_t Reach = uint64_t(1) << 15;
  unsigned Number = 0;
  for (const MachineBasicBlock &MBB : MF)
    if (MBB.getNumber() != static_cast<int>(Number++))
      return true;
  if (Number != MF.getNumBlockIDs())
    return true;
  const TargetInstrInfo &TII = *MF.getSubtarget().getInstrInfo();
  uint64_t Bound = 8;
  for (const MachineBasicBlock &MBB : MF) {
    Bound += 2 * MBB.getAlignment().value();
    for (const MachineInstr &MI : MBB) {
      unsigned Size = MI.getDesc().getSize();
      if (Size == 0)
        Size = TII.getInstSizeInBytes(MI);
      Bound += Size == 8 ? 12 : Size;
    }
    if (Bound >= Reach)
      return true;
  }
  return false;
}

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
    bool Changed = prepareModuleForGoABI(M, TM);
    OriginalAnalyses.sync(*this, *Original);
    return Original->doInitialization(M) || Changed;
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    if (isGoABIRequested(MF.getFunction()) ||
        isFixedRegsRequested(MF.getFunction()))
      applyRules(MF);
    OriginalAnalyses.sync(*this, *Original);
    return Original->runOnMachineFunction(MF);
  }

  bool doFinalization(Module &M) override {
    // Every rule pass has run on every function: report what they did.
    reportGoABIStatistics();
    OriginalAnalyses.sync(*this, *Original);
    return Original->doFinalization(M);
  }

private:
  void applyRules(MachineFunction &MF);

  std::unique_ptr<AsmPrinter> Original;
  WrappedResolver OriginalAnalyses;
  std::unique_ptr<MachineFunctionPass> Validate;
  std::unique_ptr<MachineFunctionPass> RulePipeline;
  std::unique_ptr<MachineFunctionPass> BranchSelector;
};

static MachineFunctionPass *asMachineFunctionPass(FunctionPass *P) {
  return static_cast<MachineFunctionPass *>(P);
}

void GoABIAsmPrinter::applyRules(MachineFunction &MF) {
  if (!Validate) {
    Validate.reset(asMachineFunctionPass(createGoABIValidatePass()));
    RulePipeline.reset(asMachineFunctionPass(createGoABIRulePipelinePass()));
    if (const PassInfo *PI = PassRegistry::getPassRegistry()->getPassInfo(
            StringRef("ppc-branch-select")))
      BranchSelector.reset(
          asMachineFunctionPass(static_cast<FunctionPass *>(PI->createPass())));
  }
  runMachineFunctionPass(*Validate, MF);
  bool Changed = runMachineFunctionPass(*RulePipeline, MF);
  if (!Changed || !RerunBranchSelection ||
      !MF.getTarget().getTargetTriple().isPPC() || !mayNeedLongBranches(MF))
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

/// Whether the AsmPrinter constructor registered in \p T is the wrapper's.
/// Target has no getter for it; Target is trivially copyable, so a byte copy
/// with the wrapper registered is equal to \p T exactly when it is.
bool hasGoABIAsmPrinter(const Target &T) {
  Target Probe;
  std::memcpy(static_cast<void *>(&Probe), &T, sizeof(Target));
  TargetRegistry::RegisterAsmPrinter(Probe, createGoABIAsmPrinter);
  return std::memcmp(static_cast<const void *>(&Probe), &T, sizeof(Target)) ==
         0;
}

/// Installs the wrapper for every registered target whose AsmPrinter
/// constructor is not already the wrapper, keeping a copy of the target as it
/// is now as the original; for one without an AsmPrinter the wrapper returns
/// null, as the missing one would have. Called again after every pass
/// registration (below), because a program may register its targets, or
/// register them again, after the plugin is loaded.
void installAsmPrinterHook() {
  for (const Target &T : TargetRegistry::targets()) {
    if (hasGoABIAsmPrinter(T))
      continue;
    getOriginalTargets().insert_or_assign(T.getName(), T);
    TargetRegistry::RegisterAsmPrinter(const_cast<Target &>(T),
                                       createGoABIAsmPrinter);
  }
}

/// llc and clang register every target before they load the plugin (llc
/// -load, clang -Xclang -load): installing at load time is enough there.
/// ld.lld (LTO) loads it while parsing -mllvm, before its initLLVM registers
/// the targets, their MC layers and AsmPrinters; its first code generation
/// then registers the target-independent passes (the TargetPassConfig
/// constructor's initializeCodeGen), which is after the AsmPrinters and
/// before the printer is created. Every pass registration re-runs the
/// installation, so the wrapper is in place whatever the order. The listener
/// runs with the PassRegistry locked: it touches only the TargetRegistry.
struct InstallOnPassRegistration : public PassRegistrationListener {
  void passRegistered(const PassInfo *) override { installAsmPrinterHook(); }
};

struct InstallAsmPrinterHook {
  InstallAsmPrinterHook() {
    installAsmPrinterHook();
    PassRegistry::getPassRegistry()->addRegistrationListener(&Listener);
  }
  ~InstallAsmPrinterHook() {
    PassRegistry::getPassRegistry()->removeRegistrationListener(&Listener);
  }
  InstallOnPassRegistration Listener;
} Install;

} // namespace
} // namespace ppcgoabi
