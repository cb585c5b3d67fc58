//===- PPCGoABI/Conventions.h - Go's ppc64le TOC conventions ----*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The single definition of the Go toolchain's ppc64le TOC-pointer
/// conventions. The code-generation passes (lib/Target/PPCGoABI) and the
/// object checker (utils/ppc-go-abi-check) both read the rules, the modes,
/// the per-Go-version facts and the instruction encodings from here, so that
/// what the plugin emits and what the checker accepts cannot drift apart.
///
/// Sources: the seed commit (Go 368d548, "maintain the TOC pointer in R2
/// when compiling PIC"), cmd/internal/obj/ppc64/obj9.go and asm9.go,
/// cmd/link/internal/ppc64/asm.go and runtime/asm_ppc64x.s. See
/// docs/Conventions.md for the version table.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CONVENTIONS_H
#define PPCGOABI_CONVENTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ppcgoabi {

//===----------------------------------------------------------------------===//
// Rules
//===----------------------------------------------------------------------===//

/// The conventions, numbered as in docs/Conventions.md. Every diagnostic the
/// plugin or the checker prints names one of these.
enum class Rule {
  /// Bad input: a target, ABI, code model or option the rules cannot hold on.
  Target,
  /// 1. Every function but the exclusions starts with the two-instruction
  ///    global entry that derives r2 from r12; local entry at +8.
  GlobalEntry,
  /// 2. A function that calls stores r2 at 24(r1) once its frame exists.
  TOCSave,
  /// 3. Indirect calls: target in r12, `ld r2,24(r1)` right after the call.
  IndirectCall,
  /// 4. Dynlink: every `bl sym` is followed by a nop; no tail branch.
  DynlinkCall,
  /// 5. `bl runtime.deferreturn` is preceded by the seed's two-word pad.
  DeferreturnPad,
  /// 6. r2 is never used for anything but the TOC pointer.
  ReservedRegisters,
  /// 7. Go's fixed registers (opt-in, -ppc-go-fixed-regs): r30 (g) is never
  ///    written, r0 is zero at every call and return, r13 is never written.
  FixedRegs,
};

struct RuleInfo {
  Rule ID;
  /// Stable, user-visible name ("global-entry"), used in diagnostics, in the
  /// checker's JSON output and in --rule filters.
  const char *Name;
  /// One line stating what must hold.
  const char *Summary;
  /// Where in the Go sources the rule comes from.
  const char *GoSource;
};

/// All rules, in numbering order.
llvm::ArrayRef<RuleInfo> allRules();
const RuleInfo &getRuleInfo(Rule R);
std::optional<Rule> lookupRule(llvm::StringRef Name);

//===----------------------------------------------------------------------===//
// Build modes
//===----------------------------------------------------------------------===//

/// Go's code-generation modes for linux/ppc64le.
enum class BuildMode {
  /// Neither -shared nor -dynlink (go build -buildmode=exe): r2 carries no
  /// meaning; only the deferreturn pad (two nops) applies.
  Static,
  /// Go's -shared (pie, c-archive, c-shared): r2 is the module's TOC pointer.
  Shared,
  /// Go's -dynlink (shared, plugin, -linkshared): -shared plus calls that
  /// may cross modules.
  Dynlink,
};

/// The mode table: how each mode is named (the checker's --mode, the
/// plugin's diagnostics) and selected (llc's options). The scripts under
/// utils/ keep the same table for their command lines.
struct BuildModeInfo {
  BuildMode Mode;
  /// "static", "shared" or "dynlink".
  const char *Name;
  /// Selected by llc -relocation-model=pic (Go's -shared).
  bool PositionIndependent;
  /// Selected by -ppc-go-dynlink (Go's -dynlink; needs PIC).
  bool Dynlink;
  /// The `go build -buildmode` values that compile Go code in this mode.
  const char *GoBuildModes;
};

/// All modes, Static, Shared, Dynlink.
llvm::ArrayRef<BuildModeInfo> allBuildModes();
const BuildModeInfo &getBuildModeInfo(BuildMode M);

llvm::StringRef getBuildModeName(BuildMode M);
std::optional<BuildMode> parseBuildMode(llvm::StringRef Name);

/// The mode that llc's options select: Static without PIC; with PIC Shared,
/// or Dynlink with -ppc-go-dynlink. (Dynlink without PIC is an input error
/// the plugin reports; the mode is then Static.)
BuildMode selectBuildMode(bool PositionIndependent, bool Dynlink);

/// Rules 1-3 apply: the TOC pointer is maintained.
inline bool maintainsTOC(BuildMode M) { return M != BuildMode::Static; }
/// Rule 4 applies: calls to symbols may leave the module.
inline bool callsMayLeaveModule(BuildMode M) { return M == BuildMode::Dynlink; }

//===----------------------------------------------------------------------===//
// Go versions
//===----------------------------------------------------------------------===//

/// A Go release, major.minor. Only what changes the conventions matters.
struct GoVersion {
  unsigned Major = 1;
  unsigned Minor = 17;

  /// Accepts "1.N", "go1.N" and "1.N.P" for 1.6 <= 1.N (the seed is Go 1.6;
  /// earlier releases have no PIC on ppc64le).
  static llvm::Expected<GoVersion> parse(llvm::StringRef Text);
  std::string str() const;
  bool atLeast(unsigned Maj, unsigned Min) const {
    return Major > Maj || (Major == Maj && Minor >= Min);
  }
};

/// The version whose conventions apply when none is given: the seed's era,
/// the last release with runtime.jmpdefer.
constexpr GoVersion DefaultGoVersion = {1, 17};
/// The oldest release with PIC on ppc64le (the seed).
constexpr GoVersion OldestGoVersion = {1, 6};

/// The instructions placed before `bl <deferreturn>`.
enum class PadInstr {
  /// A hardware nop (ori 0,0,0).
  Nop,
  /// ld r2,24(r1).
  LoadTOC,
};

/// The deferreturn pad for \p V in mode \p M, first instruction first: Go
/// 1.6-1.17 emit a nop then `ld r2,24(r1)` (Shared, Dynlink) or a second nop
/// (Static), because runtime.jmpdefer returns to the call's address minus 8.
/// Go 1.18 removed jmpdefer and the pad: the result is empty.
llvm::SmallVector<PadInstr, 2> getDeferreturnPad(GoVersion V, BuildMode M);

/// The default symbol whose calls are padded.
constexpr const char DefaultDeferreturnSymbol[] = "runtime.deferreturn";

/// Whether r2 is reserved for the TOC pointer (rule 6) in mode \p M of Go
/// \p V: always with -shared/-dynlink, and in every mode since Go 1.8
/// (cmd/compile/internal/ppc64 excludes R2 from allocation unconditionally).
inline bool reservesTOCRegister(GoVersion V, BuildMode M) {
  return maintainsTOC(M) || V.atLeast(1, 8);
}

//===----------------------------------------------------------------------===//
// Symbol lists (the functions without a global entry prologue)
//===----------------------------------------------------------------------===//

/// A list of symbol names; an entry ending in '*' matches every name that
/// starts with the rest of the entry.
class SymbolList {
public:
  SymbolList() = default;
  explicit SymbolList(std::vector<std::string> Entries)
      : Entries(std::move(Entries)) {}

  /// Parses "a,b,prefix*". Rejects empty entries, blanks and a '*' anywhere
  /// but at the end of an entry.
  static llvm::Expected<SymbolList> parse(llvm::StringRef Text);

  bool matches(llvm::StringRef Name) const;
  bool empty() const { return Entries.empty(); }
  llvm::ArrayRef<std::string> entries() const { return Entries; }
  std::string str() const;

private:
  std::vector<std::string> Entries;
};

/// Functions Go never gives a global entry prologue: runtime.duffzero and
/// runtime.duffcopy (callers branch to fixed offsets inside them); Go
/// 1.6-1.8 also runtime.stackBarrier; Go 1.22+ also runtime.elf_*.
SymbolList getDefaultNoTOCPrologue(GoVersion V);

//===----------------------------------------------------------------------===//
// Symbols: preemptibility and rule 4's tail-call policy
//===----------------------------------------------------------------------===//

/// An ELF symbol's binding (STB_*), as far as the rules care.
enum class SymbolBinding { Local, Global, Weak };
/// An ELF symbol's visibility (STV_*).
enum class SymbolVisibility { Default, Internal, Hidden, Protected };

/// Whether references to a symbol may be bound, by the static or the dynamic
/// linker, to a definition in another module (and so go through a PLT stub):
/// a global or weak symbol of default visibility. Rule 4 is about these. The
/// plugin asks with an IR global's linkage and visibility (GoABIPolicy.cpp),
/// the checker with an ELF symbol's binding and st_other
/// (utils/ppc-go-abi-check).
constexpr bool isPreemptible(SymbolBinding B, SymbolVisibility V) {
  return B != SymbolBinding::Local && V == SymbolVisibility::Default;
}

/// Which tail branches rule 4 keeps under dynlink. A tail branch that goes
/// through a linker stub lands in another module, which returns straight to
/// our caller with its own TOC in r2; the caller's `nop` after its call to us
/// stays a `nop` (that call did not leave the module), so r2 is never
/// restored. A tail branch is therefore kept only to a callee whose symbol
/// is not preemptible: local linkage (STB_LOCAL) or hidden/protected
/// visibility. That is what ppc-go-abi-check requires. (LLVM's PowerPC
/// backend itself tail-calls any dso_local callee in PIC, but a dso_local
/// default-visibility function is still branched to through its global
/// symbol, which a linker building a shared object may send through a PLT
/// stub.)
///
/// Go's compiler goes further: under -dynlink on ppc64le it emits no tail
/// branch at all (its method and ABI wrappers cannot know where the callee
/// is; cmd/compile reflectdata and ssagen). `None` follows that.
enum class DynlinkTailCalls {
  /// Keep tail branches to callees that are not preemptible (the default).
  ModuleLocal,
  /// No tail branches under dynlink, like Go's compiler.
  None,
};

/// The option values of DynlinkTailCalls ("module-local", "none"):
/// -ppc-go-dynlink-tail-calls.
llvm::StringRef getDynlinkTailCallsName(DynlinkTailCalls P);
std::optional<DynlinkTailCalls> parseDynlinkTailCalls(llvm::StringRef Name);

/// What is known about where a tail branch goes.
enum class BranchDestination {
  /// An indirect branch, or a symbol resolved at run time (an ifunc).
  Unknown,
  /// A symbol isPreemptible says may be defined in another module.
  Preemptible,
  /// A symbol that cannot be in another module.
  NotPreemptible,
};

//===----------------------------------------------------------------------===//
// The per-compilation configuration
//===----------------------------------------------------------------------===//

/// Everything the rules depend on besides the code itself. The plugin builds
/// one from its command-line options; the checker from its own.
struct Config {
  BuildMode Mode = BuildMode::Shared;
  GoVersion Version = DefaultGoVersion;
  std::string DeferreturnSymbol = DefaultDeferreturnSymbol;
  SymbolList NoTOCPrologue = getDefaultNoTOCPrologue(DefaultGoVersion);
  DynlinkTailCalls TailCalls = DynlinkTailCalls::ModuleLocal;

  bool needsGlobalEntry(llvm::StringRef Function) const {
    return maintainsTOC(Mode) && !NoTOCPrologue.matches(Function);
  }
};

/// Rule 4's tail-call policy under \p C: outside dynlink any tail branch is
/// kept; under dynlink only one to a NotPreemptible destination, and none
/// with DynlinkTailCalls::None. The plugin's IR preparation and its
/// ppc-go-dynlink-call pass ask it (mayTailBranchTo in PPCGoABI.h).
bool allowsTailBranch(const Config &C, BranchDestination D);

//===----------------------------------------------------------------------===//
// Encodings
//===----------------------------------------------------------------------===//

namespace encoding {

// Rules 1-5: the TOC save slot, the global and local entry, the TOC save,
// reload and pad words.
/// The TOC save slot: 24(r1) in every ELFv2 frame.
constexpr int64_t TOCSaveOffset = 24;
/// Distance from the global to the local entry point.
constexpr unsigned LocalEntryOffset = 8;
/// ELF st_other bits 5-7 for an 8-byte local entry offset.
constexpr unsigned LocalEntryStOther = 3u << 5;

constexpr uint32_t Nop = 0x60000000;     // ori 0,0,0
constexpr uint32_t LoadTOC = 0xe8410018; // ld 2,24(1)
constexpr uint32_t SaveTOC = 0xf8410018; // std 2,24(1)
/// addis 2,12,imm and addi 2,2,imm with the immediate masked out.
constexpr uint32_t GlobalEntryAddis = 0x3c4c0000;
constexpr uint32_t GlobalEntryAddi = 0x38420000;
constexpr uint32_t ImmediateMask = 0xffff0000;

/// The word for one pad instruction.
constexpr uint32_t padWord(PadInstr I) {
  return I == PadInstr::Nop ? Nop : LoadTOC;
}

/// ELF st_other bits 5-7: the local entry point field (ELFv2 ABI 3.4.1).
constexpr unsigned StOtherLocalEntryMask = 7u << 5;
/// st_other local entry value 1: the function neither needs nor preserves r2
/// (pc-relative code, -mcpu=pwr10); the TOC rules cannot hold for it.
constexpr unsigned StOtherNoTOC = 1u << 5;
/// .TOC. is the start of the module's .got plus 0x8000 (ELFv2 ABI 3.3; Go's
/// linker, cmd/link/internal/ppc64/asm.go, uses the same bias).
constexpr uint64_t TOCBias = 0x8000;

/// Rule 3's repair (GoABIIndirectCall): `mfctr 12` right before the call
/// copies the target to r12; `mflr 12` is the same for Go's `blrl` form.
constexpr uint32_t MoveFromCTRToR12 = 0x7d8902a6; // mfctr 12
constexpr uint32_t MoveFromLRToR12 = 0x7d8802a6;  // mflr 12

/// Rule 6's one write of r2 besides the reload: LLVM's __builtin_longjmp
/// (llvm.eh.sjlj.longjmp, PPCTargetLowering::emitEHSjLjLongJmp) restores the
/// TOC that __builtin_setjmp stored in the jump buffer, in the sequence
///   ld rT, 8(rB); ld 1, 16(rB); ld 2, 24(rB); mtctr rT; bctr
/// (in any order before the bctr). The buffer's layout, in doublewords:
/// frame address, resume address, stack pointer, TOC, base pointer.
constexpr int64_t LongjmpResumeOffset = 8;
constexpr int64_t LongjmpStackOffset = 16;
constexpr int64_t LongjmpTOCOffset = 24;

/// Go's stack-growth exception to rules 3 and 6 (not a rule of its own: LLVM
/// code has no split-stack prologue; the checker accepts it in Go's code):
/// the stack-growth call in a prologue runs before the frame exists
/// and keeps r2 at 8(r1) around it (obj9.go stacksplit):
/// `std 2,8(1); bl runtime.morestack*; ld 2,8(1)`.
constexpr int64_t MorestackTOCSaveOffset = 8;
constexpr uint32_t MorestackSaveTOC = 0xf8410008;   // std 2,8(1)
constexpr uint32_t MorestackReloadTOC = 0xe8410008; // ld 2,8(1)
/// The name prefix of the stack-growth functions (runtime.morestack,
/// runtime.morestack_noctxt).
constexpr const char MorestackPrefix[] = "runtime.morestack";
} // namespace encoding

} // namespace ppcgoabi

#endif // PPCGOABI_CONVENTIONS_H
