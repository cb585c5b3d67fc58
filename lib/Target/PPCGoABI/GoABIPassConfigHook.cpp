//===- GoABIPassConfigHook.cpp - LLVM 22: passes into the pipeline --------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// LLVM 22 lets a plugin edit every TargetPassConfig before the pipeline is
/// built (llvm/Target/RegisterTargetPassConfigCallback.h). What the hook of a
/// major must do (LLVMCompat.h), this one does by inserting passes:
///
///   after finalize-isel (every target, so that a wrong triple is reported):
///     ppc-go-prepare-ir     the IR preparation, from its doInitialization,
///                           before any function is selected
///     ppc-go-abi-validate   bad input -> error
///     ppc-go-reserve-toc    rule 6: r2 reserved before register allocation
///   after phi-node-elimination, and after fixup-statepoint-caller-saved
///   (the passes right before and after the register allocator):
///     ppc-go-pin-g, ppc-go-unpin-g   rule 7: r30 reserved during allocation
///   after ppc-atomic-expand, i.e. right before ppc-branch-select (PowerPC):
///     ppc-go-abi-rules      rules 1-7 (GoABIRulePipeline.cpp)
///     ppc-go-abi-statistics the report, from its doFinalization
///
/// The rule passes run after prologue/epilogue insertion, scheduling and
/// every PowerPC peephole, so nothing moves their instructions, and before
/// the branch selector, which sizes branches with them in place: nothing is
/// left to do before emission.
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"

#include "llvm/CodeGen/Passes.h"
#include "llvm/CodeGen/TargetPassConfig.h"
#include "llvm/PassInfo.h"
#include "llvm/PassRegistry.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Target/RegisterTargetPassConfigCallback.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;

namespace ppcgoabi {
namespace {

/// The identity of the registered pass \p Name.
AnalysisID getPassID(StringRef Name) {
  const PassInfo *PI = PassRegistry::getPassRegistry()->getPassInfo(Name);
  if (!PI)
    report_fatal_error("ppc-go-abi: pass '" + Name +
                           "' is not registered in this LLVM",
                       /*gen_crash_diag=*/false);
  return PI->getTypeInfo();
}

void insertGoABIPasses(TargetMachine &TM, PassManagerBase &,
                       TargetPassConfig *PassConfig) {
  PassConfig->insertPass(&FinalizeISelID, createGoABIPrepareIRPass(TM));
  PassConfig->insertPass(&FinalizeISelID, createGoABIValidatePass());
  PassConfig->insertPass(&FinalizeISelID, createGoABIReserveTOCPass());
  // Rule 7: r30 is reserved while the register allocator runs (GoABIPinG.cpp).
  // Both anchors run at every optimisation level, for every target.
  PassConfig->insertPass(&PHIEliminationID, createGoABIPinGPass());
  PassConfig->insertPass(&FixupStatepointCallerSavedID,
                         createGoABIUnpinGPass());

  if (!TM.getTargetTriple().isPPC())
    return;
  // insertPass adds after its anchor; ppc-atomic-expand is the last pass
  // before ppc-branch-select (PPCPassConfig::addPreEmitPass2).
  PassConfig->insertPass(getPassID("ppc-atomic-expand"),
                         getPassID("ppc-go-abi-rules"));
  PassConfig->insertPass(getPassID("ppc-go-abi-rules"),
                         createGoABIStatisticsPass());
}

RegisterTargetPassConfigCallback Callback(insertGoABIPasses);

} // namespace
} // namespace ppcgoabi
