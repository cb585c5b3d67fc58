//===- GoABIPrepareIR.cpp - IR-level preparation for the Go conventions ---===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Two rules cannot be enforced after instruction selection, because by then
/// a call may already be a tail branch whose frame is gone:
///
/// - Rule 5: runtime.jmpdefer (Go <= 1.17) returns to the deferreturn call's
///   return address minus 8, so the call must be a real `bl` that returns
///   into the padded caller. A tail call `b runtime.deferreturn` would make
///   the deferred functions return into whoever called us. Calls to the
///   deferreturn symbol are therefore marked `notail`.
///
/// - Rule 4: with Go's -dynlink a call may leave the module, and a tail
///   branch to another module returns to our caller with that module's TOC
///   in r2 and no `ld 2,24(1)` to restore it. Tail calls to callees that may
///   be in another module (preemptible symbols, indirect calls) are marked
///   `notail`; with -ppc-go-dynlink-tail-calls=none, every tail call is
///   (Go's choice). See DynlinkTailCalls in Conventions.h.
///
/// - Rule 7: a global register variable on r30 (llvm.read_register or
///   llvm.write_register of "r30") in a function that keeps r30 fixed is an
///   error naming the function and the rule; so is __builtin_setjmp or
///   __builtin_longjmp (their buffer holds r30, and longjmp reloads it).
///
/// All of this must happen before any function is selected. Every hook calls
/// prepareModuleForGoABI explicitly at the start of a module: the LLVM 19
/// AsmPrinter wrapper from its doInitialization, the LLVM 22 pass-config
/// callback by inserting ppc-go-prepare-ir, a pass whose doInitialization
/// calls it and which does nothing per function (LLVMCompat.h).
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"

#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/PassRegistry.h"

using namespace llvm;

#define DEBUG_TYPE "ppc-go-prepare-ir"

namespace ppcgoabi {

static bool callsSymbol(const CallBase &Call, StringRef Symbol) {
  const Function *Callee = Call.getCalledFunction();
  return Callee && Callee->getName() == Symbol;
}

/// Whether rule 4 allows \p Call to become a tail branch.
static bool mayTailBranch(const CallBase &Call, const Config &C) {
  return mayTailBranchTo(
      dyn_cast<GlobalValue>(Call.getCalledOperand()->stripPointerCasts()), C);
}

/// Makes \p Call a real call where the rules need one. A musttail call there
/// cannot be honoured: that is an error (and the call is made an ordinary one,
/// so that instruction selection does not abort on it).
static bool forbidTailCall(Function &F, CallInst &Call, const Config &C) {
  bool ToDeferreturn = callsSymbol(Call, C.DeferreturnSymbol);
  bool MayTailBranch = mayTailBranch(Call, C);
  if (Call.isMustTailCall()) {
    if (ToDeferreturn)
      reportRuleError(F, Rule::DeferreturnPad,
                      "a musttail call to " + C.DeferreturnSymbol +
                          " cannot be padded; it must be a call");
    else if (!MayTailBranch)
      reportRuleError(
          F, Rule::DynlinkCall,
          C.TailCalls == DynlinkTailCalls::None
              ? "a musttail call would be a tail branch, and "
                "-ppc-go-dynlink-tail-calls=none allows none"
              : "a musttail call would be a tail branch to a callee that is "
                "preemptible, which may leave the module under dynlink");
    else
      return false;
    Call.setTailCallKind(CallInst::TCK_None);
    return true;
  }
  if ((ToDeferreturn || !MayTailBranch) &&
      Call.getTailCallKind() != CallInst::TCK_NoTail) {
    Call.setTailCallKind(CallInst::TCK_NoTail);
    return true;
  }
  return false;
}

/// Rule 7: a named-register read or write of r30 (a global register variable
/// on g) in a function that keeps r30 fixed is an error; the call is replaced
/// (so that instruction selection, which knows no "r30", does not abort).
static bool rejectNamedRegisterG(Function &F) {
  SmallVector<CallInst *, 2> Bad;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB) {
      auto *II = dyn_cast<IntrinsicInst>(&I);
      if (!II || (II->getIntrinsicID() != Intrinsic::read_register &&
                  II->getIntrinsicID() != Intrinsic::write_register))
        continue;
      auto *MD = dyn_cast<MetadataAsValue>(II->getArgOperand(0));
      auto *Node = MD ? dyn_cast<MDNode>(MD->getMetadata()) : nullptr;
      auto *Name = Node && Node->getNumOperands()
                       ? dyn_cast<MDString>(Node->getOperand(0))
                       : nullptr;
      if (Name && (Name->getString().equals_insensitive("r30") ||
                   Name->getString().equals_insensitive("x30")))
        Bad.push_back(II);
    }
  for (CallInst *Call : Bad) {
    reportRuleError(F, Rule::FixedRegs,
                    "a global register variable on " +
                        cast<MDString>(cast<MDNode>(cast<MetadataAsValue>(
                                                        Call->getArgOperand(0))
                                                        ->getMetadata())
                                           ->getOperand(0))
                            ->getString() +
                        " (llvm.read_register/llvm.write_register) accesses "
                        "r30, which holds Go's g and is not the function's "
                        "to use");
    if (!Call->getType()->isVoidTy())
      Call->replaceAllUsesWith(PoisonValue::get(Call->getType()));
    Call->eraseFromParent();
  }
  return !Bad.empty();
}

/// Rule 7: __builtin_setjmp and __builtin_longjmp (llvm.eh.sjlj.setjmp and
/// llvm.eh.sjlj.longjmp) keep r30 in their buffer: the backend's longjmp
/// reloads it from there (`ld 30,32(rB)`), and a function that calls setjmp
/// saves and restores every callee-saved register, r30 included. Both write
/// r30, which an enabled function must never do, so each call is an error
/// here, named for what it is, rather than the verifier's later report of an
/// r30 write; the call is removed so that only this error is reported.
static bool rejectBuiltinSetjmpLongjmp(Function &F) {
  SmallVector<IntrinsicInst *, 2> Bad;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB)
      if (auto *II = dyn_cast<IntrinsicInst>(&I))
        if (II->getIntrinsicID() == Intrinsic::eh_sjlj_setjmp ||
            II->getIntrinsicID() == Intrinsic::eh_sjlj_longjmp)
          Bad.push_back(II);
  for (IntrinsicInst *Call : Bad) {
    bool IsSetjmp = Call->getIntrinsicID() == Intrinsic::eh_sjlj_setjmp;
    reportRuleError(F, Rule::FixedRegs,
                    Twine(IsSetjmp
                              ? "__builtin_setjmp (llvm.eh.sjlj.setjmp)"
                              : "__builtin_longjmp (llvm.eh.sjlj.longjmp)") +
                        " saves r30 in its buffer and restores it from there; "
                        "r30 holds Go's g and no instruction of a function "
                        "with the fixed-regs rule may write it (compile this "
                        "function without -ppc-go-fixed-regs, or with "
                        "\"ppc-go-fixed-regs\"=\"false\")");
    if (!Call->getType()->isVoidTy())
      Call->replaceAllUsesWith(Constant::getNullValue(Call->getType()));
    Call->eraseFromParent();
  }
  return !Bad.empty();
}

bool prepareModuleForGoABI(Module &M, const TargetMachine &TM) {
  resetFunctionConfigCache();
  warnAboutIgnoredOptions(M);
  bool Changed = false;
  for (Function &F : M) {
    if (appliesFixedRegs(F, TM)) {
      Changed |= rejectNamedRegisterG(F);
      Changed |= rejectBuiltinSetjmpLongjmp(F);
    }
    const Config *C = getFunctionConfig(F, TM);
    if (!C)
      continue;

    // Under dynlink every call may need to stay a call; otherwise only the
    // calls to deferreturn, found below through the callee's users.
    if (callsMayLeaveModule(C->Mode))
      for (BasicBlock &BB : F)
        for (Instruction &I : BB)
          if (auto *Call = dyn_cast<CallInst>(&I))
            Changed |= forbidTailCall(F, *Call, *C);
  }

  // The deferreturn symbol is the same for every function (an option).
  const Config *Any = nullptr;
  for (Function &F : M)
    if ((Any = getFunctionConfig(F, TM)))
      break;
  if (Function *Deferreturn =
          Any ? M.getFunction(Any->DeferreturnSymbol) : nullptr)
    for (User *U : Deferreturn->users())
      if (auto *Call = dyn_cast<CallInst>(U)) {
        Function &Caller = *Call->getFunction();
        const Config *C = getFunctionConfig(Caller, TM);
        if (C && !callsMayLeaveModule(C->Mode))
          Changed |= forbidTailCall(Caller, *Call, *C);
      }
  return Changed;
}

namespace {

class GoABIPrepareIR : public MachineFunctionPass {
public:
  static char ID;
  explicit GoABIPrepareIR(const TargetMachine *TM = nullptr)
      : MachineFunctionPass(ID), TM(TM) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: prepare the IR";
  }

  bool doInitialization(Module &M) override {
    return TM && prepareModuleForGoABI(M, *TM);
  }

  bool runOnMachineFunction(MachineFunction &) override { return false; }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }

private:
  const TargetMachine *TM;
};

} // namespace

char GoABIPrepareIR::ID = 0;
static RegisterPass<GoABIPrepareIR> X(DEBUG_TYPE,
                                      "PowerPC Go ABI: prepare the IR");

FunctionPass *createGoABIPrepareIRPass(const TargetMachine &TM) {
  return new GoABIPrepareIR(&TM);
}

} // namespace ppcgoabi
