//===- GoABIReserveTOC.cpp - Rule 6: r2 is never an allocatable register --===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Go rule 6 (cmd/compile/internal/ppc64/reg.go, excludedregs): r2 holds the
/// TOC pointer and is never allocated to anything else; the seed did so with
/// -shared, Go 1.8+ in every mode (reservesTOCRegister follows
/// -ppc-go-version). The Go runtime and other modules rely on it at any
/// instruction.
///
/// Stock LLVM reserves r2 only when instruction selection saw a TOC use or
/// inline asm (PPCRegisterInfo::getReservedRegs). In a TOC-free leaf under
/// register pressure it allocates r2 like any callee-saved register:
///
///     std 2, -8(1)        # spill the caller's TOC
///     add 2, 3, 4         # r2 is a temporary
///     ld 2, -8(1)
///
/// This pass guarantees that r2 is reserved in every enabled function by
/// setting the one public input of that decision, MachineFunction::
/// hasInlineAsm(), and refreezing the reserved set. It must run before
/// register allocation, and before LiveVariables records the liveness of
/// physical registers; it runs right after instruction selection, after
/// finalize-isel (LLVM 22: inserted by GoABIPassConfigHook.cpp; LLVM 19: run
/// by the wrapped finalize-isel of GoABIPreRAHook.cpp).
/// ppc-go-verify-registers checks the outcome.
///
/// The rule's other half, the check of the object code:
/// utils/ppc-go-abi-check/CheckReservedRegisters.cpp
/// (both read include/PPCGoABI/Conventions.h).
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"

#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/CodeGen/MachineRegisterInfo.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-reserve-toc"

GOABI_STATISTIC(NumReserved, "Functions in which r2 was reserved");

namespace ppcgoabi {
namespace {

class GoABIReserveTOC : public MachineFunctionPass {
public:
  static char ID;
  GoABIReserveTOC() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: reserve r2";
  }

  bool runOnMachineFunction(MachineFunction &MF) override {
    const Config *C = getFunctionConfig(MF);
    if (!C || !reservesTOCRegister(C->Version, C->Mode) ||
        isRuleDisabledForTesting(Rule::ReservedRegisters))
      return false;
    if (!MF.hasInlineAsm()) {
      MF.setHasInlineAsm(true);
      ++NumReserved;
    }
    MF.getRegInfo().freezeReservedRegs();
    return true;
  }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

char GoABIReserveTOC::ID = 0;
static RegisterPass<GoABIReserveTOC> X(DEBUG_TYPE,
                                       "PowerPC Go ABI: reserve r2");

FunctionPass *createGoABIReserveTOCPass() { return new GoABIReserveTOC(); }

} // namespace ppcgoabi
