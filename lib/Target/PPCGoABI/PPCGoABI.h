//===- PPCGoABI.h - Passes and policy of the PPCGoABI plugin ----*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the plugin's passes share: which functions the Go conventions apply
/// to and in which mode (the policy), how a rule violation is reported, and
/// the factories of the passes in pipeline order.
///
/// Pipeline (docs/Design.md has the reasons). The passes are the same on
/// every LLVM major; how they get into the pipeline is the hook's business
/// (LLVMCompat.h):
///   doInitialization     IR preparation (prepareModuleForGoABI): no tail
///                        call to deferreturn, none at all with dynlink
///   after finalize-isel  ppc-go-abi-validate   bad input -> error
///                        ppc-go-reserve-toc    rule 6 (or the hook's own way)
///   around register allocation   ppc-go-pin-g, ppc-go-unpin-g   rule 7, r30
///   before ppc-branch-select     ppc-go-abi-rules, which runs in order
///       ppc-go-global-entry, ppc-go-toc-save, ppc-go-zero-r0,
///       ppc-go-indirect-call, ppc-go-dynlink-call, ppc-go-deferreturn-pad,
///       ppc-go-verify-registers, ppc-go-verify-fixed-regs
///   doFinalization       the statistics (reportGoABIStatistics)
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_LIB_PPCGOABI_H
#define PPCGOABI_LIB_PPCGOABI_H

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/Twine.h"

#include <optional>
#include <string>

namespace llvm {
class Function;
class FunctionPass;
class GlobalValue;
class MachineFunctionPass;
class MachineFunction;
class MachineInstr;
class Module;
class TargetMachine;
} // namespace llvm

namespace ppcgoabi {

//===----------------------------------------------------------------------===//
// Policy
//===----------------------------------------------------------------------===//

/// Whether the user asked for the conventions on \p F: the function attribute
/// "ppc-go-abi"="true"|"false" if present, else -ppc-go-abi. A malformed
/// attribute counts as a request, so that it is diagnosed.
bool isGoABIRequested(const llvm::Function &F);

/// The reason the conventions cannot be applied to \p F on \p TM (wrong
/// triple, ELFv1, pc-relative code, bad option or attribute values), or
/// nothing if they can. Every such reason is a Rule::Target error.
std::optional<std::string> findInputError(const llvm::Function &F,
                                          const llvm::TargetMachine &TM);

/// The configuration for \p F if the conventions apply to it, null if they
/// are not requested or cannot be applied (findInputError says why). Decided
/// once per function and module; the result lives until the next module.
const Config *getFunctionConfig(const llvm::Function &F,
                                const llvm::TargetMachine &TM);
const Config *getFunctionConfig(const llvm::MachineFunction &MF);

/// Rule 4's test for a tail branch under \p C: outside dynlink any; under
/// dynlink only to a \p Callee that cannot be in another module (local or
/// hidden/protected; null: an indirect branch, target unknown), none with
/// -ppc-go-dynlink-tail-calls=none. Shared by the IR preparation, which
/// keeps other tail calls from forming, and the dynlink-call pass, which
/// rejects any that formed anyway. See DynlinkTailCalls in Conventions.h.
bool mayTailBranchTo(const llvm::GlobalValue *Callee, const Config &C);

/// Warns, once for \p M, about options given that act only with the
/// conventions enabled when neither -ppc-go-abi nor the attribute enables
/// them anywhere in \p M: they would do nothing.
void warnAboutIgnoredOptions(const llvm::Module &M);

/// Forgets every decision; called when a new module is prepared.
void resetFunctionConfigCache();

/// Testing only (-ppc-go-abi-disable-rule): whether the pass of \p R is to
/// do nothing, so that a test can show it catches the broken rule.
bool isRuleDisabledForTesting(Rule R);

//===----------------------------------------------------------------------===//
// Rule 7 policy (fixed-regs)
//===----------------------------------------------------------------------===//

/// Whether the user asked for Go's fixed registers on \p F: the attribute
/// "ppc-go-fixed-regs"="true"|"false" if present, else -ppc-go-fixed-regs.
/// Independent of -ppc-go-abi. A malformed attribute counts as a request.
bool isFixedRegsRequested(const llvm::Function &F);

/// Why rule 7 cannot be applied to \p F (a target other than powerpc64le
/// ELF, a malformed attribute or test option), or nothing.
std::optional<std::string>
findFixedRegsInputError(const llvm::Function &F, const llvm::TargetMachine &TM);

/// Whether rule 7 applies to \p F: a definition, requested, no input error.
bool appliesFixedRegs(const llvm::Function &F, const llvm::TargetMachine &TM);
bool appliesFixedRegs(const llvm::MachineFunction &MF);

/// The two halves of rule 7 that -ppc-go-fixed-regs-disable can switch off
/// (testing only: negative controls).
enum class FixedRegsHalf {
  /// r30 is kept out of register allocation and checked.
  G,
  /// r0 is zeroed before calls and returns and checked.
  Zero,
};
bool isFixedRegsHalfDisabledForTesting(FixedRegsHalf H);

/// Whether a call to \p Callee returns with r0 == 0: \p Callee follows rule
/// 7 (compiled here with it, or declared with "ppc-go-fixed-regs"="true",
/// which says it is Go code or code compiled with the rule).
bool returnsWithZeroR0(const llvm::Function &Callee,
                       const llvm::TargetMachine &TM);

/// Reports that \p R does not or cannot hold in \p F: an error naming the
/// function and the rule, through the LLVMContext, so that llc and clang
/// fail with a message rather than emit wrong code.
void reportRuleError(const llvm::Function &F, Rule R, const llvm::Twine &Msg);

/// Whether reportRuleError has reported \p R in \p F (in the module being
/// compiled). A pass that proves a rule after the fact asks it, so that a
/// function refused for the rule gets one error saying why, not also one for
/// each instruction that follows from the refusal.
bool hasReportedRuleError(const llvm::Function &F, Rule R);

/// One instruction, printed on one line for a diagnostic.
std::string describeInstr(const llvm::MachineInstr &MI);

//===----------------------------------------------------------------------===//
// IR preparation
//===----------------------------------------------------------------------===//

/// Prepares the IR of \p M before instruction selection: calls to the
/// deferreturn symbol become `notail` (rule 5 needs a real call), and with
/// dynlink so do calls that mayTailBranchTo rejects (rule 4); a global
/// register variable on r30 is an error (rule 7). Every hook runs it once
/// per module, before any function is selected. Returns true if \p M
/// changed.
bool prepareModuleForGoABI(llvm::Module &M, const llvm::TargetMachine &TM);

//===----------------------------------------------------------------------===//
// Passes, in pipeline order
//===----------------------------------------------------------------------===//

/// A pass that runs prepareModuleForGoABI from its doInitialization, for a
/// hook that can only insert passes (GoABIPrepareIR.cpp).
llvm::FunctionPass *createGoABIPrepareIRPass(const llvm::TargetMachine &TM);
llvm::FunctionPass *createGoABIValidatePass();
llvm::FunctionPass *createGoABIReserveTOCPass();
llvm::FunctionPass *createGoABIGlobalEntryPass();
llvm::FunctionPass *createGoABITOCSavePass();
llvm::FunctionPass *createGoABIIndirectCallPass();
llvm::FunctionPass *createGoABIDynlinkCallPass();
llvm::FunctionPass *createGoABIDeferreturnPadPass();
llvm::FunctionPass *createGoABIVerifyRegistersPass();
llvm::FunctionPass *createGoABIZeroR0Pass();
llvm::FunctionPass *createGoABIVerifyFixedRegsPass();

/// Rule 7, r0: calls \p Hazard for each call, tail branch or return of \p MF
/// at which r0 may be non-zero on some path (a forward may-analysis;
/// GoABIZeroR0.cpp). Each hazard is taken to be repaired (r0 zeroed right
/// before it), so one missing zeroing is reported once.
void forEachNonZeroR0Hazard(
    const llvm::MachineFunction &MF,
    llvm::function_ref<void(const llvm::MachineInstr &)> Hazard);

/// Rule 7, r30: the two points around register allocation
/// (GoABIPinG.cpp). beginPinningG runs after phi-node-elimination, before
/// the register allocator; endPinningG after it, before frame lowering.
void beginPinningG(llvm::MachineFunction &MF);
void endPinningG();
llvm::FunctionPass *createGoABIPinGPass();
llvm::FunctionPass *createGoABIUnpinGPass();

/// Rules 1-7 in order, as one pass (GoABIRulePipeline.cpp).
llvm::FunctionPass *createGoABIRulePipelinePass();

/// A pass that prints the plugin's statistics from its doFinalization, for a
/// hook that can only insert passes (GoABIStatistics.cpp).
llvm::FunctionPass *createGoABIStatisticsPass();

/// Runs \p P on \p MF outside a pass manager (the rule passes need no
/// analyses).
bool runMachineFunctionPass(llvm::MachineFunctionPass &P,
                            llvm::MachineFunction &MF);

} // namespace ppcgoabi

#endif // PPCGOABI_LIB_PPCGOABI_H
