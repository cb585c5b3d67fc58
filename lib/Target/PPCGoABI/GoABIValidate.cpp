//===- GoABIValidate.cpp - Reject input the Go conventions cannot hold on -===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Guarantees that no enabled function is compiled with silently wrong code
/// because the conventions cannot apply to it: a non-powerpc64le or
/// big-endian (ELFv1) target, a non-ELFv2 ABI, Power10 pc-relative code (no
/// TOC at all: `bl f@notoc`, `.localentry f, 1`), -ppc-go-dynlink without
/// PIC, a malformed "ppc-go-abi" attribute or -ppc-go-deferreturn value,
/// and for rule 7 (-ppc-go-fixed-regs) a target other than powerpc64le or a
/// malformed "ppc-go-fixed-regs" attribute (reported as rule 'fixed-regs').
/// Each is an error that names the function and the rule ('target'); every
/// later pass skips such a function (getFunctionConfig), so the error is the
/// only outcome. The rule-specific impossibilities (an excluded function that
/// needs the TOC, inline asm that clobbers r2) are reported by the pass of
/// the rule.
///
/// It runs right after instruction selection, the earliest point at which a
/// machine pass sees each function.
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/IR/Function.h"
#include "llvm/PassRegistry.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-abi-validate"

namespace ppcgoabi {
namespace {

class GoABIValidate : public MachineFunctionPass {
public:
  static char ID;
  GoABIValidate() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: validate input";
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    const Function &F = MF.getFunction();
    if (isFixedRegsRequested(F))
      if (std::optional<std::string> Error =
              findFixedRegsInputError(F, MF.getTarget()))
        reportRuleError(F, Rule::FixedRegs, *Error);
    if (getFunctionConfig(MF) || !isGoABIRequested(F))
      return false; // Accepted, or not asked for.
    if (std::optional<std::string> Error = findInputError(F, MF.getTarget()))
      reportRuleError(F, Rule::Target, *Error);
    return false;
  }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

char GoABIValidate::ID = 0;
static RegisterPass<GoABIValidate> X(DEBUG_TYPE,
                                     "PowerPC Go ABI: validate input");

FunctionPass *createGoABIValidatePass() { return new GoABIValidate(); }

} // namespace ppcgoabi
