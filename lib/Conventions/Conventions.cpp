//===- Conventions.cpp - Go's ppc64le TOC conventions ---------------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace ppcgoabi {

static const RuleInfo Rules[] = {
    {Rule::Target, "target",
     "the rules hold only for ppc64le ELFv2 TOC-based code with valid options",
     "cmd/internal/obj/ppc64/obj9.go (Flag_shared, Flag_dynlink)"},
    {Rule::GlobalEntry, "global-entry",
     "every function but the exclusions starts with addis 2,12,.TOC.-f@ha; "
     "addi 2,2,.TOC.-f@l and has its local entry at +8 (st_other 3<<5)",
     "cmd/internal/obj/ppc64/obj9.go preprocess; "
     "cmd/link/internal/ld/symtab.go putelfsym"},
    {Rule::TOCSave, "toc-save",
     "a function that calls stores std 2,24(1) right after allocating its "
     "frame, before any call",
     "cmd/internal/obj/ppc64/obj9.go preprocess (MOVD R2, 24(R1))"},
    {Rule::IndirectCall, "indirect-call",
     "an indirect call has its target in r12 and is followed by ld 2,24(1)",
     "cmd/compile/internal/ppc64/gsubr.go (seed), ssa.go (Go 1.10+)"},
    {Rule::DynlinkCall, "dynlink-call",
     "with dynlink every bl to a symbol is followed by a nop the linker can "
     "turn into ld 2,24(1), and no tail branch leaves the function",
     "cmd/internal/obj/ppc64/asm9.go (C_LBRAPIC, o2 = nop)"},
    {Rule::DeferreturnPad, "deferreturn-pad",
     "bl runtime.deferreturn is preceded by a nop and then ld 2,24(1) "
     "(shared) or a second nop (static), Go 1.6-1.17",
     "cmd/compile/internal/gc/cgen.go Ginscall; runtime/asm_ppc64x.s "
     "jmpdefer"},
    {Rule::ReservedRegisters, "reserved-registers",
     "r2 holds the TOC pointer and nothing else; nothing but the TOC save "
     "reload writes it",
     "cmd/compile/internal/ppc64/reg.go excludedregs"},
    {Rule::FixedRegs, "fixed-regs",
     "r30 (g) and r13 (TLS) are never written; r0 is zero at every call, "
     "tail branch and return",
     "cmd/internal/obj/ppc64/a.out.go (REGZERO, REGG, REGTLS); asm9.go "
     "r0iszero; runtime/sys_linux_ppc64x.s sigtramp"},
};

ArrayRef<RuleInfo> allRules() { return Rules; }

const RuleInfo &getRuleInfo(Rule R) {
  for (const RuleInfo &Info : Rules)
    if (Info.ID == R)
      return Info;
  llvm_unreachable("every rule has an entry in Rules");
}

std::optional<Rule> lookupRule(StringRef Name) {
  for (const RuleInfo &Info : Rules)
    if (Name == Info.Name)
      return Info.ID;
  return std::nullopt;
}

static const BuildModeInfo BuildModes[] = {
    {BuildMode::Static, "static", /*PositionIndependent=*/false,
     /*Dynlink=*/false, "exe"},
    {BuildMode::Shared, "shared", /*PositionIndependent=*/true,
     /*Dynlink=*/false, "pie, c-archive, c-shared"},
    {BuildMode::Dynlink, "dynlink", /*PositionIndependent=*/true,
     /*Dynlink=*/true, "shared, plugin, -linkshared"},
};

ArrayRef<BuildModeInfo> allBuildModes() { return BuildModes; }

const BuildModeInfo &getBuildModeInfo(BuildMode M) {
  for (const BuildModeInfo &Info : BuildModes)
    if (Info.Mode == M)
      return Info;
  llvm_unreachable("every mode has an entry in BuildModes");
}

StringRef getBuildModeName(BuildMode M) { return getBuildModeInfo(M).Name; }

std::optional<BuildMode> parseBuildMode(StringRef Name) {
  for (const BuildModeInfo &Info : BuildModes)
    if (Name == Info.Name)
      return Info.Mode;
  return std::nullopt;
}

BuildMode selectBuildMode(bool PositionIndependent, bool Dynlink) {
  for (const BuildModeInfo &Info : BuildModes)
    if (Info.PositionIndependent == PositionIndependent &&
        Info.Dynlink == Dynlink)
      return Info.Mode;
  return BuildMode::Static; // -ppc-go-dynlink without PIC: an input error.
}

StringRef getDynlinkTailCallsName(DynlinkTailCalls P) {
  return P == DynlinkTailCalls::None ? "none" : "module-local";
}

std::optional<DynlinkTailCalls> parseDynlinkTailCalls(StringRef Name) {
  for (DynlinkTailCalls P :
       {DynlinkTailCalls::ModuleLocal, DynlinkTailCalls::None})
    if (Name == getDynlinkTailCallsName(P))
      return P;
  return std::nullopt;
}

bool allowsTailBranch(const Config &C, BranchDestination D) {
  if (!callsMayLeaveModule(C.Mode))
    return true;
  return C.TailCalls == DynlinkTailCalls::ModuleLocal &&
         D == BranchDestination::NotPreemptible;
}

Expected<GoVersion> GoVersion::parse(StringRef Text) {
  auto Invalid = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "invalid Go version '" + Text + "': " + Why);
  };
  StringRef Rest = Text;
  Rest.consume_front("go");
  SmallVector<StringRef, 3> Parts;
  Rest.split(Parts, '.');
  if (Parts.size() < 2 || Parts.size() > 3)
    return Invalid("expected 1.N or 1.N.P, e.g. 1.17");
  GoVersion V;
  unsigned Patch;
  if (Parts[0].getAsInteger(10, V.Major) ||
      Parts[1].getAsInteger(10, V.Minor) ||
      (Parts.size() == 3 && Parts[2].getAsInteger(10, Patch)))
    return Invalid("expected 1.N or 1.N.P, e.g. 1.17");
  if (V.Major != 1)
    return Invalid("only Go 1.x is known");
  if (!V.atLeast(OldestGoVersion.Major, OldestGoVersion.Minor))
    return Invalid("Go before 1.6 has no position-independent code on "
                   "ppc64le");
  return V;
}

std::string GoVersion::str() const {
  return formatv("{0}.{1}", Major, Minor).str();
}

SmallVector<PadInstr, 2> getDeferreturnPad(GoVersion V, BuildMode M) {
  // Go 1.18 removed runtime.jmpdefer, and with it the need to re-execute the
  // instruction before the call.
  if (V.atLeast(1, 18))
    return {};
  return {PadInstr::Nop, maintainsTOC(M) ? PadInstr::LoadTOC : PadInstr::Nop};
}

Expected<SymbolList> SymbolList::parse(StringRef Text) {
  std::vector<std::string> Entries;
  if (Text.empty())
    return SymbolList(std::move(Entries));
  SmallVector<StringRef, 4> Parts;
  Text.split(Parts, ',');
  for (StringRef Part : Parts) {
    auto Invalid = [&](const Twine &Why) {
      return createStringError(inconvertibleErrorCode(),
                               "invalid symbol list '" + Text + "': " + Why);
    };
    if (Part.empty())
      return Invalid("empty entry");
    if (any_of(Part, isSpace))
      return Invalid("entry '" + Part + "' contains white space");
    size_t Star = Part.find('*');
    if (Star != StringRef::npos && Star + 1 != Part.size())
      return Invalid("'*' may only end an entry ('" + Part + "')");
    if (Part == "*")
      return Invalid("'*' alone would exclude every function");
    Entries.push_back(Part.str());
  }
  return SymbolList(std::move(Entries));
}

bool SymbolList::matches(StringRef Name) const {
  return any_of(Entries, [&](const std::string &Entry) {
    StringRef E(Entry);
    if (E.consume_back("*"))
      return Name.starts_with(E);
    return Name == E;
  });
}

std::string SymbolList::str() const { return join(Entries, ","); }

SymbolList getDefaultNoTOCPrologue(GoVersion V) {
  std::vector<std::string> Entries = {"runtime.duffzero", "runtime.duffcopy"};
  if (!V.atLeast(1, 9))
    Entries.push_back("runtime.stackBarrier");
  if (V.atLeast(1, 22))
    Entries.push_back("runtime.elf_*");
  return SymbolList(std::move(Entries));
}

} // namespace ppcgoabi
