//===- GoABIRulePipeline.cpp - The rule passes, in order, as one pass -----===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Runs the passes of rules 1-7 on a function, in their fixed order:
///
///   ppc-go-global-entry, ppc-go-toc-save, ppc-go-zero-r0,
///   ppc-go-indirect-call, ppc-go-dynlink-call, ppc-go-deferreturn-pad,
///   ppc-go-verify-registers, ppc-go-verify-fixed-regs
///
/// Each rule stays a pass of its own (registered, runnable alone with
/// -run-pass for MIR tests); this pass is how every hook runs them, right
/// before branches are sized for emission (LLVMCompat.h). One pipeline entry
/// instead of six keeps the cost for every function of a module without Go code
/// to one policy lookup, and the order of the rules in one place. The
/// deferreturn pad must be the last to add instructions (nothing may come
/// between it and the call), the r0 zeroing comes before rule 3's `mfctr 12`
/// repair (which must be right before its call), and the register checks must
/// see everything the others added. A function with only -ppc-go-fixed-regs
/// runs the pipeline too; the passes of rules 1-6 skip it.
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/IR/Module.h"
#include "llvm/PassRegistry.h"

#include <memory>

using namespace llvm;

#define DEBUG_TYPE "ppc-go-abi-rules"

namespace ppcgoabi {
namespace {

class GoABIRulePipeline : public MachineFunctionPass {
public:
  static char ID;
  GoABIRulePipeline() : MachineFunctionPass(ID) {
    for (FunctionPass *P :
         {createGoABIGlobalEntryPass(), createGoABITOCSavePass(),
          createGoABIZeroR0Pass(), createGoABIIndirectCallPass(),
          createGoABIDynlinkCallPass(), createGoABIDeferreturnPadPass(),
          createGoABIVerifyRegistersPass(), createGoABIVerifyFixedRegsPass()})
      Rules.emplace_back(static_cast<MachineFunctionPass *>(P));
  }

  StringRef getPassName() const override { return "PowerPC Go ABI: rules 1-7"; }

  bool runOnMachineFunction(MachineFunction &MF) override {
    if (!getFunctionConfig(MF) && !appliesFixedRegs(MF))
      return false;
    bool Changed = false;
    for (const std::unique_ptr<MachineFunctionPass> &Rule : Rules)
      Changed |= runMachineFunctionPass(*Rule, MF);
    return Changed;
  }

  bool doFinalization(Module &M) override {
    bool Changed = false;
    for (const std::unique_ptr<MachineFunctionPass> &Rule : Rules)
      Changed |= Rule->doFinalization(M);
    return Changed;
  }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesCFG();
    MachineFunctionPass::getAnalysisUsage(AU);
  }

private:
  std::vector<std::unique_ptr<MachineFunctionPass>> Rules;
};

} // namespace

bool runMachineFunctionPass(MachineFunctionPass &P, MachineFunction &MF) {
  // runOnMachineFunction is protected in MachineFunctionPass; a
  // using-declaration in a derived class names it accessibly, and the member
  // pointer still dispatches virtually.
  struct Access : MachineFunctionPass {
    using MachineFunctionPass::runOnMachineFunction;
  };
  bool (MachineFunctionPass::*Run)(MachineFunction &) =
      &Access::runOnMachineFunction;
  return (P.*Run)(MF);
}

char GoABIRulePipeline::ID = 0;
static RegisterPass<GoABIRulePipeline> X(DEBUG_TYPE,
                                         "PowerPC Go ABI: rules 1-7");

FunctionPass *createGoABIRulePipelinePass() { return new GoABIRulePipeline(); }

} // namespace ppcgoabi
