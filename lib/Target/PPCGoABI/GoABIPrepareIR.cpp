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
/// - Rule 6 on LLVM 19: the PowerPC backend reserves r2 only in functions
///   that use the TOC or contain inline asm (PPCRegisterInfo::
///   getReservedRegs), and LLVM 19 offers a plugin no way to run a pass
///   before register allocation. An empty inline-asm marker at the entry of
///   each enabled function makes instruction selection record
///   hasInlineAsm(), which reserves r2; the AsmPrinter hook erases the marker
///   (zero bytes) before emission. LLVM 22 sets the flag from a pass instead
///   (GoABIReserveTOC.cpp) and needs no marker.
///
/// - Rule 7: a global register variable on r30 (llvm.read_register or
///   llvm.write_register of "r30") in a function that keeps r30 fixed is an
///   error naming the function and the rule.
///
/// All of this runs from doInitialization, before any function is selected.
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"

#include "llvm/CodeGen/MachineInstr.h"
#include "llvm/CodeGen/MachineOperand.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace ppcgoabi {

/// The marker's assembly text: a comment, in case it is ever printed.
static constexpr char ReservedTOCMarker[] = "# ppc-go-abi: r2 is reserved";

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

static bool MarkersInserted = false;

bool usesReservedTOCMarkers() { return MarkersInserted; }

bool prepareModuleForGoABI(Module &M, const TargetMachine &TM,
                           bool MarkReservedTOC) {
  resetFunctionConfigCache();
  bool Changed = false;
  for (Function &F : M) {
    if (appliesFixedRegs(F, TM))
      Changed |= rejectNamedRegisterG(F);
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

    if (MarkReservedTOC && reservesTOCRegister(C->Version, C->Mode) &&
        !isRuleDisabledForTesting(Rule::ReservedRegisters)) {
      IRBuilder<> B(&*F.getEntryBlock().getFirstInsertionPt());
      FunctionType *FTy = FunctionType::get(B.getVoidTy(), false);
      B.CreateCall(InlineAsm::get(FTy, ReservedTOCMarker, "",
                                  /*hasSideEffects=*/true));
      MarkersInserted = true;
      Changed = true;
    }
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

bool isReservedTOCMarker(const MachineInstr &MI) {
  return MI.isInlineAsm() && MI.getOperand(0).isSymbol() &&
         StringRef(MI.getOperand(0).getSymbolName()) == ReservedTOCMarker;
}

} // namespace ppcgoabi
