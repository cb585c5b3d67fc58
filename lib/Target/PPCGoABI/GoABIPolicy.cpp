//===- GoABIPolicy.cpp - Which functions follow Go's conventions, and how -===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The plugin's command-line options and the one place that decides, per
/// function, whether the Go conventions apply and in which mode:
///
///   -relocation-model=pic            Go's -shared rules (BuildMode::Shared)
///   -relocation-model=pic -ppc-go-dynlink   Go's -dynlink rules
///   any other relocation model       Go's non-shared rules (BuildMode::Static)
///
/// A function follows the conventions when -ppc-go-abi is given, unless its
/// "ppc-go-abi" attribute says "false"; the attribute "true" enables a single
/// function without the option. Every pass asks getFunctionConfig, so a
/// function with bad input (findInputError) is left alone by all of them
/// after ppc-go-abi-validate has reported it.
///
//===----------------------------------------------------------------------===//

#include "PPCGoABI.h"

#include "PPCGoABI/CommandLine.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineInstr.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalIFunc.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Triple.h"

#include <memory>

using namespace llvm;

namespace ppcgoabi {

static cl::OptionCategory GoABICategory("PPCGoABI options",
                                        "Go's ppc64le TOC conventions");

static cl::opt<bool>
    EnableGoABI("ppc-go-abi",
                cl::desc("Follow the Go toolchain's ppc64le TOC-pointer "
                         "conventions (PIC: Go's -shared; otherwise Go's "
                         "non-shared mode)"),
                cl::init(false), cl::cat(GoABICategory));

static cl::opt<bool> EnableDynlink(
    "ppc-go-dynlink",
    cl::desc("Also follow Go's -dynlink rules: a nop after every call to a "
             "symbol and no tail branch that may leave the module (needs "
             "-relocation-model=pic)"),
    cl::init(false), cl::cat(GoABICategory));

static cl::opt<DynlinkTailCalls> DynlinkTailCallPolicy(
    "ppc-go-dynlink-tail-calls",
    cl::desc("Under -ppc-go-dynlink, which tail branches to keep"),
    cl::values(
        clEnumValN(DynlinkTailCalls::ModuleLocal,
                   getDynlinkTailCallsName(DynlinkTailCalls::ModuleLocal),
                   "to callees with local linkage or hidden/protected "
                   "visibility only, which cannot be in another module "
                   "(default)"),
        clEnumValN(DynlinkTailCalls::None,
                   getDynlinkTailCallsName(DynlinkTailCalls::None),
                   "none, like Go's compiler under -dynlink")),
    cl::init(DynlinkTailCalls::ModuleLocal), cl::cat(GoABICategory));

static cl::opt<std::string> DeferreturnSymbol(
    "ppc-go-deferreturn",
    cl::desc("The function whose calls get the deferreturn pad"),
    cl::value_desc("symbol"), cl::init(DefaultDeferreturnSymbol),
    cl::cat(GoABICategory));

static cl::opt<GoVersion> TargetGoVersion(
    "ppc-go-version",
    cl::desc("The Go release whose conventions to follow: 1.6-1.17 pad "
             "deferreturn calls (the seed), 1.18+ do not (default 1.17)"),
    cl::init(DefaultGoVersion), cl::cat(GoABICategory));

static cl::opt<SymbolList> NoTOCPrologue(
    "ppc-go-no-toc-prologue",
    cl::desc("Functions that get no global entry prologue; 'prefix*' matches "
             "a prefix (default: runtime.duffzero,runtime.duffcopy, plus "
             "what the chosen Go version excludes)"),
    cl::cat(GoABICategory));

static cl::list<std::string> DisabledRules(
    "ppc-go-abi-disable-rule", cl::Hidden, cl::CommaSeparated,
    cl::desc("Testing only: skip the pass of these rules (global-entry, "
             "toc-save, indirect-call, dynlink-call, deferreturn-pad, "
             "reserved-registers), to prove that tests catch a broken rule"),
    cl::cat(GoABICategory));

static cl::opt<bool> EnableFixedRegs(
    "ppc-go-fixed-regs",
    cl::desc("Keep Go's fixed registers (rule 7): never write r30 (g) or r13, "
             "and zero r0 before every call and return; with or without "
             "-ppc-go-abi"),
    cl::init(false), cl::cat(GoABICategory));

static cl::list<std::string> DisabledFixedRegs(
    "ppc-go-fixed-regs-disable", cl::Hidden, cl::CommaSeparated,
    cl::desc("Testing only: switch off one half of -ppc-go-fixed-regs, "
             "enforcement and verification (r30: g may be allocated; r0: no "
             "zeroing), for negative controls"),
    cl::cat(GoABICategory));

static constexpr char AttributeName[] = "ppc-go-abi";
static constexpr char FixedRegsAttributeName[] = "ppc-go-fixed-regs";

bool isRuleDisabledForTesting(Rule R) {
  return is_contained(DisabledRules, getRuleInfo(R).Name);
}

bool isGoABIRequested(const Function &F) {
  Attribute A = F.getFnAttribute(AttributeName);
  if (!A.isValid())
    return EnableGoABI;
  // Anything but "false" is a request: "true" enables, and a malformed value
  // must reach findInputError to be reported.
  return A.getValueAsString() != "false";
}

bool isFixedRegsRequested(const Function &F) {
  Attribute A = F.getFnAttribute(FixedRegsAttributeName);
  if (!A.isValid())
    return EnableFixedRegs;
  return A.getValueAsString() != "false";
}

static StringRef getFixedRegsHalfName(FixedRegsHalf H) {
  return H == FixedRegsHalf::G ? "r30" : "r0";
}

bool isFixedRegsHalfDisabledForTesting(FixedRegsHalf H) {
  return is_contained(DisabledFixedRegs, getFixedRegsHalfName(H));
}

std::optional<std::string> findFixedRegsInputError(const Function &F,
                                                   const TargetMachine &TM) {
  Attribute A = F.getFnAttribute(FixedRegsAttributeName);
  if (A.isValid() && A.getValueAsString() != "true" &&
      A.getValueAsString() != "false")
    return ("attribute \"ppc-go-fixed-regs\"=\"" + A.getValueAsString() +
            "\" is invalid: expected \"true\" or \"false\"")
        .str();
  const Triple &TT = TM.getTargetTriple();
  if (TT.getArch() != Triple::ppc64le || !TT.isOSBinFormatELF())
    return ("target '" + Twine(TT.str()) +
            "' is not powerpc64le ELF; Go's fixed registers "
            "(-ppc-go-fixed-regs) are implemented for powerpc64le-linux only")
        .str();
  for (const std::string &Name : DisabledFixedRegs)
    if (Name != getFixedRegsHalfName(FixedRegsHalf::G) &&
        Name != getFixedRegsHalfName(FixedRegsHalf::Zero))
      return "-ppc-go-fixed-regs-disable names neither 'r30' nor 'r0': '" +
             Name + "'";
  return std::nullopt;
}

bool appliesFixedRegs(const Function &F, const TargetMachine &TM) {
  return !F.isDeclaration() && isFixedRegsRequested(F) &&
         !findFixedRegsInputError(F, TM);
}

bool appliesFixedRegs(const MachineFunction &MF) {
  return appliesFixedRegs(MF.getFunction(), MF.getTarget());
}

bool returnsWithZeroR0(const Function &Callee, const TargetMachine &TM) {
  if (Callee.isDeclaration()) {
    Attribute A = Callee.getFnAttribute(FixedRegsAttributeName);
    return A.isValid() && A.getValueAsString() == "true";
  }
  return !Callee.isInterposable() && appliesFixedRegs(Callee, TM) &&
         !isFixedRegsHalfDisabledForTesting(FixedRegsHalf::Zero);
}

static Config getCommandLineConfig(BuildMode Mode) {
  Config C;
  C.Mode = Mode;
  C.Version = TargetGoVersion;
  C.DeferreturnSymbol = DeferreturnSymbol;
  C.TailCalls = DynlinkTailCallPolicy;
  C.NoTOCPrologue = NoTOCPrologue.getNumOccurrences()
                        ? static_cast<const SymbolList &>(NoTOCPrologue)
                        : getDefaultNoTOCPrologue(C.Version);
  return C;
}

static BuildMode getBuildMode(const TargetMachine &TM) {
  return selectBuildMode(TM.isPositionIndependent(), EnableDynlink);
}

/// Whether \p F is compiled as pc-relative code (no TOC). Asking the
/// subtarget builds a key from the function's attributes every time; the
/// answer depends only on them, so it is remembered per combination.
namespace {
struct PCRelativeAnswer {
  const TargetMachine *TM;
  std::string CPU, Features;
  bool PCRelative;
};
thread_local SmallVector<PCRelativeAnswer, 4> PCRelativeAnswers;
} // namespace

static bool usesPCRelativeCode(const Function &F, const TargetMachine &TM) {
  SmallVectorImpl<PCRelativeAnswer> &Answers = PCRelativeAnswers;
  StringRef CPU = F.getFnAttribute("target-cpu").getValueAsString();
  StringRef Features = F.getFnAttribute("target-features").getValueAsString();
  for (const PCRelativeAnswer &A : Answers)
    if (A.TM == &TM && A.CPU == CPU && A.Features == Features)
      return A.PCRelative;
  const TargetSubtargetInfo *STI = TM.getSubtargetImpl(F);
  bool PCRelative = STI && STI->checkFeatures("+pcrelative-memops");
  if (Answers.size() == 8)
    Answers.erase(Answers.begin());
  Answers.push_back({&TM, CPU.str(), Features.str(), PCRelative});
  return PCRelative;
}

std::optional<std::string> findInputError(const Function &F,
                                          const TargetMachine &TM) {
  Attribute A = F.getFnAttribute(AttributeName);
  if (A.isValid() && A.getValueAsString() != "true" &&
      A.getValueAsString() != "false")
    return ("attribute \"ppc-go-abi\"=\"" + A.getValueAsString() +
            "\" is invalid: expected \"true\" or \"false\"")
        .str();

  const Triple &TT = TM.getTargetTriple();
  if (TT.getArch() == Triple::ppc64)
    return ("target '" + Twine(TT.str()) +
            "' is big-endian ppc64 (ELFv1 by default); the Go TOC "
            "conventions are implemented for powerpc64le (ELFv2) only")
        .str();
  // Go's little-endian ppc64 port is linux/ppc64le only (`go tool dist
  // list`), on glibc and musl alike: both use the ELFv2 ABI. Any other OS
  // (FreeBSD, unknown) has no Go runtime whose conventions we could follow.
  if (TT.getArch() != Triple::ppc64le || !TT.isOSBinFormatELF() ||
      !TT.isOSLinux())
    return ("target '" + Twine(TT.str()) +
            "' is not powerpc64le Linux; the Go TOC conventions apply only "
            "to powerpc64le-*-linux-* (ELFv2), the one OS Go's ppc64le port "
            "runs on")
        .str();
  StringRef ABI = TM.Options.MCOptions.getABIName();
  if (!ABI.empty() && ABI != "elfv2")
    return ("ABI '" + ABI +
            "' is not ELFv2; the Go TOC conventions need the ELFv2 global "
            "and local entry points")
        .str();
  // Go's global entry is always `addis 2,12; addi 2,2` (obj9.go), which
  // reaches a TOC within +-2 GiB of the function. The large code model
  // exists for a TOC farther away and gives each function its own entry
  // (`.quad .TOC.-f` before it; `ld 2,-8(12); add 2,2,12`), which Go's
  // linker and ppc-go-abi-check do not know.
  CodeModel::Model CM = TM.getCodeModel();
  if (std::optional<CodeModel::Model> ModuleCM = F.getParent()->getCodeModel())
    CM = *ModuleCM;
  if (CM == CodeModel::Large)
    return std::string(
        "code model 'large' (-mcmodel=large, -code-model=large) is not "
        "supported: Go's global entry `addis 2,12; addi 2,2` reaches a TOC "
        "within +-2 GiB only, and the large model's entry `ld 2,-8(12); "
        "add 2,2,12` is not Go's; use the medium (default) or small code "
        "model");
  if (usesPCRelativeCode(F, TM))
    return std::string(
        "pc-relative code (-mcpu=pwr10 or +pcrelative-memops) has no TOC "
        "pointer: calls are @notoc and the local entry is 1, so the Go TOC "
        "conventions cannot hold; use -mattr=-pcrelative-memops,-prefix-instrs "
        "or an earlier -mcpu");
  if (EnableDynlink && !TM.isPositionIndependent())
    return std::string("-ppc-go-dynlink needs -relocation-model=pic (Go's "
                       "-dynlink implies -shared)");
  for (const std::string &Name : DisabledRules)
    if (!lookupRule(Name))
      return "-ppc-go-abi-disable-rule names no rule: '" + Name + "'";
  StringRef Deferreturn = DeferreturnSymbol;
  if (Deferreturn.empty() ||
      Deferreturn.find_first_of(" \t\n,") != StringRef::npos)
    return ("-ppc-go-deferreturn='" + Deferreturn + "' is not a symbol name")
        .str();
  return std::nullopt;
}

/// The options that act only on functions the conventions are enabled for
/// (by -ppc-go-abi or the attribute). Given without either, they would be
/// silently ignored. An explicit list by name: an option that works on its
/// own (such as -ppc-go-fixed-regs, which applies without -ppc-go-abi) must
/// not be added here. -ppc-go-abi-rerun-branch-select lives in the LLVM 19
/// AsmPrinter hook, hence the lookup by name.
static const char *const OptionsNeedingGoABI[] = {
    "ppc-go-dynlink",
    "ppc-go-dynlink-tail-calls",
    "ppc-go-version",
    "ppc-go-deferreturn",
    "ppc-go-no-toc-prologue",
    "ppc-go-abi-disable-rule",
    "ppc-go-abi-rerun-branch-select"};

namespace {
/// A warning about the module as a whole (LLVM 19 has no
/// DiagnosticInfoGeneric).
class ModuleWarning : public DiagnosticInfo {
public:
  explicit ModuleWarning(const Twine &Msg)
      : DiagnosticInfo(getPluginKind(), DS_Warning), Msg(Msg.str()) {}
  void print(DiagnosticPrinter &DP) const override { DP << Msg; }

private:
  static int getPluginKind() {
    static const int Kind = getNextAvailablePluginDiagnosticKind();
    return Kind;
  }
  std::string Msg;
};
} // namespace

void warnAboutIgnoredOptions(const Module &M) {
  if (EnableGoABI)
    return;
  for (const Function &F : M) {
    Attribute A = F.getFnAttribute(AttributeName);
    if (A.isValid() && A.getValueAsString() != "false")
      return;
  }
  auto &Registered = cl::getRegisteredOptions(); // StringMap or DenseMap.
  SmallVector<std::string, 4> Given;
  for (const char *Name : OptionsNeedingGoABI) {
    auto It = Registered.find(Name);
    if (It != Registered.end() && It->second->getNumOccurrences())
      Given.push_back(("-" + Twine(Name)).str());
  }
  if (Given.empty())
    return;
  M.getContext().diagnose(ModuleWarning(
      "ppc-go-abi: " + join(Given, ", ") +
      (Given.size() == 1 ? " has" : " have") +
      " no effect: the Go conventions are enabled neither by -ppc-go-abi "
      "nor by the \"ppc-go-abi\"=\"true\" attribute on any function of "
      "module '" +
      M.getModuleIdentifier() + "'"));
}

/// Where a tail branch to \p Callee (null: an indirect branch) goes, in the
/// terms of Conventions.h.
static BranchDestination getBranchDestination(const GlobalValue *Callee) {
  // An ifunc is resolved at run time, through the PLT.
  if (!Callee || isa<GlobalIFunc>(Callee))
    return BranchDestination::Unknown;
  // dso_local is not enough: a default-visibility global is referenced by
  // its own (preemptible) symbol, and a linker building a shared object may
  // still route the branch through a PLT stub.
  SymbolBinding Binding = Callee->hasLocalLinkage()  ? SymbolBinding::Local
                          : Callee->hasWeakLinkage() ? SymbolBinding::Weak
                                                     : SymbolBinding::Global;
  SymbolVisibility Visibility =
      Callee->hasHiddenVisibility()      ? SymbolVisibility::Hidden
      : Callee->hasProtectedVisibility() ? SymbolVisibility::Protected
                                         : SymbolVisibility::Default;
  return isPreemptible(Binding, Visibility) ? BranchDestination::Preemptible
                                            : BranchDestination::NotPreemptible;
}

bool mayTailBranchTo(const GlobalValue *Callee, const Config &C) {
  if (!callsMayLeaveModule(C.Mode))
    return true; // Without computing where the branch goes.
  return allowsTailBranch(C, getBranchDestination(Callee));
}

namespace {
/// What getFunctionConfig decided for each function of the module being
/// compiled. Every pass asks for every function, so this is on the plugin's
/// hot path; each thread (ThinLTO backends run in parallel) has its own.
struct ConfigCache {
  const Module *M = nullptr;
  const TargetMachine *TM = nullptr;
  DenseMap<const Function *, const Config *> ByFunction;
  /// The configuration of each mode: the options are fixed once parsed.
  std::unique_ptr<Config> ByMode[3];
};
thread_local ConfigCache Cache;

/// The rules reportRuleError has reported in the module being compiled, per
/// function, as bits; per thread, like the ConfigCache.
struct ReportedRuleErrors {
  const Module *M = nullptr;
  DenseMap<const Function *, uint32_t> ByFunction;
};
thread_local ReportedRuleErrors Reported;
} // namespace

void resetFunctionConfigCache() {
  PCRelativeAnswers.clear();
  Cache.ByFunction.clear();
  Cache.M = nullptr;
  Cache.TM = nullptr;
  for (std::unique_ptr<Config> &C : Cache.ByMode)
    C.reset();
  Reported.ByFunction.clear();
  Reported.M = nullptr;
}

static const Config *computeFunctionConfig(const Function &F,
                                           const TargetMachine &TM) {
  if (F.isDeclaration() || !isGoABIRequested(F) || findInputError(F, TM))
    return nullptr;
  BuildMode Mode = getBuildMode(TM);
  std::unique_ptr<Config> &C = Cache.ByMode[static_cast<unsigned>(Mode)];
  if (!C)
    C = std::make_unique<Config>(getCommandLineConfig(Mode));
  return C.get();
}

const Config *getFunctionConfig(const Function &F, const TargetMachine &TM) {
  if (Cache.M != F.getParent() || Cache.TM != &TM) {
    resetFunctionConfigCache();
    Cache.M = F.getParent();
    Cache.TM = &TM;
  }
  auto [It, Inserted] = Cache.ByFunction.try_emplace(&F, nullptr);
  if (Inserted)
    It->second = computeFunctionConfig(F, TM);
  return It->second;
}

const Config *getFunctionConfig(const MachineFunction &MF) {
  return getFunctionConfig(MF.getFunction(), MF.getTarget());
}

static uint32_t getRuleBit(Rule R) {
  static_assert(static_cast<unsigned>(Rule::FixedRegs) < 32,
                "one bit per rule");
  return uint32_t(1) << static_cast<unsigned>(R);
}

void reportRuleError(const Function &F, Rule R, const Twine &Msg) {
  if (Reported.M != F.getParent()) {
    Reported.ByFunction.clear();
    Reported.M = F.getParent();
  }
  Reported.ByFunction[&F] |= getRuleBit(R);
  const RuleInfo &Info = getRuleInfo(R);
  F.getContext().diagnose(DiagnosticInfoUnsupported(
      F, "ppc-go-abi: rule '" + Twine(Info.Name) + "': " + Msg));
}

bool hasReportedRuleError(const Function &F, Rule R) {
  if (Reported.M != F.getParent())
    return false;
  auto It = Reported.ByFunction.find(&F);
  return It != Reported.ByFunction.end() && (It->second & getRuleBit(R));
}

std::string describeInstr(const MachineInstr &MI) {
  std::string S;
  raw_string_ostream OS(S);
  MI.print(OS, /*IsStandalone=*/true, /*SkipOpers=*/false,
           /*SkipDebugLoc=*/true, /*AddNewLine=*/false);
  return StringRef(S).trim().str();
}

} // namespace ppcgoabi
