//===- ObjectChecker.cpp - Checks one ELF object against the rules --------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Guarantees:
// - Every function symbol (STT_FUNC in an executable section; extent = size,
//   or up to the next function symbol when the size is 0) is checked against
//   every rule of Conventions.h that applies to the mode and Go version, or
//   is listed in the report as ignored (--ignore), as not Go code (absent
//   from a Go binary's function table) or as a known exception (Go's own
//   runtime assembly, KnownExceptions.cpp). Nothing is skipped silently.
// - In a linked file, a `bl .+0` or a global entry `addis 2,12,0;
//   addi 2,2,0` (relocations the linker left unapplied) anywhere in a checked
//   or --ignore'd function is reported, with what to do.
// - Malformed input is reported through FileReport::Error; every read from
//   the file is checked, so no input makes the checker crash.
//
// How calls are told apart (rule 4, "calls that may leave the module"):
// in a relocatable object a branch to another function carries an
// R_PPC64_REL24 relocation; its symbol says whether the callee may be in
// another module (undefined; under dynlink also any preemptible global). In
// a linked file the branch target is an address: inside a function of the
// file it stays in the module; a linker stub (lld's __plt_foo, GNU ld's
// unnamed PLT call stubs) may leave it. A stub's callee is named from lld's
// symbol or, for GNU ld, by decoding the stub and looking its PLT slot up in
// the dynamic relocations, so that rules about one callee (the deferreturn
// pad) hold across PLT calls too.
//
//===----------------------------------------------------------------------===//

#include "ObjectChecker.h"

#include "EHFrame.h"
#include "FixedRegsCheck.h"
#include "GoFuncTab.h"
#include "KnownExceptions.h"
#include "PPCDecoder.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <map>
#include <set>

using namespace llvm;
using namespace llvm::object;

namespace ppcgoabi {
namespace checker {

namespace {

//===----------------------------------------------------------------------===//
// The file's functions, symbols and relocations
//===----------------------------------------------------------------------===//

struct Function {
  std::string Name;
  /// Every symbol name at this address (Name included).
  SmallVector<std::string, 1> Names;
  uint64_t SectionIndex = 0;
  uint64_t Addr = 0;
  uint64_t Size = 0;
  uint8_t Other = 0;
  /// False for a function found without a symbol (a stripped file's
  /// pclntab or .eh_frame): its st_other, and so its local entry, is
  /// unknown.
  bool OtherKnown = true;
  /// The Go name from the pclntab, for Go functions of a Go binary.
  std::string GoName;
  bool IsGoAssembly = false;

  uint64_t end() const { return Addr + Size; }
  bool contains(uint64_t A) const { return A >= Addr && A < end(); }
  unsigned localEntryOffset() const {
    if (!OtherKnown)
      return 8; // The global entry prologue's length, if it has one.
    // ELFv2 ABI: values 2-6 of the st_other field encode 1 << value bytes
    // (in instructions: 1, 2, 4, 8, 16); 0 and 1 mean "at the global entry".
    unsigned V = (Other & encoding::StOtherLocalEntryMask) >> 5;
    return V >= 2 && V <= 6 ? 1u << V : 0;
  }
};

/// A symbol a relocation refers to.
struct RelocSymbol {
  std::string Name;
  bool Defined = false;
  bool IsSection = false;
  /// Global or weak with default visibility: another module's definition
  /// may take its place.
  bool Preemptible = false;
  uint64_t SectionIndex = 0;
  uint64_t Value = 0;
};

struct Reloc {
  uint32_t Type = 0;
  int64_t Addend = 0;
  std::optional<RelocSymbol> Sym;
};

/// Where a direct branch goes.
struct Callee {
  enum KindTy {
    /// Inside the branching function (a local label; not its entry).
    Internal,
    /// A function of this file (possibly itself, through its entry).
    Local,
    /// A symbol of the object that is not one of its functions, or an
    /// undefined one (relocatable files).
    Symbol,
    /// A linker stub (linked files): an address outside every function
    /// of the file, or a function named like one (lld's __plt_foo).
    Stub,
  };
  KindTy Kind = Stub;
  const Function *F = nullptr;
  uint64_t Offset = 0;
  std::string Name;
  /// The call may end up in another module (and come back with its TOC).
  bool MayLeave = false;
  /// Through an R_PPC64_REL24_NOTOC relocation (pc-relative code).
  bool NoTOC = false;
  /// For a Stub: the symbol it calls, if known (lld names its stubs
  /// __plt_<symbol>; GNU ld's are decoded and their PLT slot looked up).
  std::string StubFor;
};

/// How an instruction transfers control.
enum class Flow {
  Normal,
  /// bl to another function (or to the branching function's entry).
  Call,
  /// bctrl, bcctrl, blrl, bclrl.
  IndirectCall,
  /// bl/bcl to a label inside the function (reads the PC).
  LocalCall,
  /// b/bc to another function.
  TailBranch,
  /// b/bc inside the function.
  Branch,
  /// blr (and conditional returns).
  Return,
  /// bctr: a jump table or an indirect tail call; targets unknown.
  IndirectJump,
  /// Not an instruction (data, padding, Go's UNDEF).
  Invalid,
};

struct Step {
  Flow Kind = Flow::Normal;
  bool Conditional = false;
  BranchInfo Branch;
  /// For Branch and LocalCall: the index of the target instruction.
  std::optional<size_t> Target;
  /// For Call and TailBranch.
  Callee Dest;
};

//===----------------------------------------------------------------------===//
// The checker
//===----------------------------------------------------------------------===//

class Checker {
public:
  Checker(const ELF64LEObjectFile &Obj, const CheckOptions &Opts,
          const PPCDecoder &D, FileReport &Report)
      : Obj(Obj), Opts(Opts), Conf(Opts.Conf), D(D), Report(Report) {}

  void run();

private:
  // Loading.
  bool validateTables();
  bool loadSections();
  bool loadFunctions();
  void addUnnamedFunctions();
  bool loadRelocations();
  void findTOC();
  bool loadPLTSlots();
  std::string identifyStub(uint64_t Addr) const;
  bool looksLikeStub(uint64_t Addr) const;
  bool isGlinkResolver(uint64_t Addr) const;
  const Function *findFunction(uint64_t SectionIndex, uint64_t Addr) const;
  std::optional<uint64_t> findSectionByAddress(uint64_t Addr) const;
  const Reloc *findBranchReloc(uint64_t SectionIndex, uint64_t Offset) const;
  const Reloc *findReloc(uint64_t SectionIndex, uint64_t Offset,
                         uint32_t Type) const;

  // Per function.
  void checkFunction(const Function &F);
  Step classify(const Function &F, const Insn &I) const;
  Callee resolveDirect(const Function &F, const Insn &I,
                       const BranchInfo &B) const;
  bool isExcluded(const Function &F) const;
  bool isCalleeNamed(const Callee &C, StringRef Name) const;
  bool isCalleePrefixed(const Callee &C, StringRef Prefix) const;

  /// The function being checked, decoded.
  struct Code {
    const Function *F = nullptr;
    std::vector<Insn> Insns;
    std::vector<Step> Steps;
    DenseMap<uint64_t, size_t> IndexOf;
    std::vector<bool> IsBranchTarget;
    std::vector<Finding> Findings;
  };
  void checkGlobalEntry(Code &C);
  void checkTOCSave(Code &C, std::vector<bool> &BeforeFrame);
  void checkIndirectCalls(Code &C, const std::vector<bool> &BeforeFrame);
  void checkModuleCalls(Code &C);
  void checkDeferreturnPad(Code &C);
  void checkReservedRegisters(Code &C, const std::vector<bool> &BeforeFrame);
  void checkUnappliedRelocations(ArrayRef<const Function *> Scanned);
  bool isMorestackCall(const Code &C, size_t I) const;
  bool isLongjmpTOCRestore(const Code &C, size_t I) const;
  /// Whether instruction \p I is the `ld 1,16(rB)` of the run whose TOC
  /// restore isLongjmpTOCRestore accepts.
  bool isLongjmpStackRestore(const Code &C, size_t I) const;
  bool isTargetInR12(const Code &C, size_t Call, std::string &Why,
                     std::vector<size_t> &Quote) const;
  bool isMovedFromR12OnAllPaths(const Code &C, size_t Call) const;
  /// Whether `mr 12, Source` precedes instruction \p Move in its block with
  /// neither r12 nor \p Source written in between.
  bool isCopiedToR12Before(const Code &C, size_t Move, unsigned Source) const;
  bool writesCallRegister(const Code &C, size_t I, bool ViaCTR) const;
  void addFinding(Code &C, Rule R, size_t At, const Twine &Message,
                  ArrayRef<size_t> Quote);
  void fileFindings(Code &C);

  const ELF64LEObjectFile &Obj;
  const CheckOptions &Opts;
  const Config &Conf;
  const PPCDecoder &D;
  FileReport &Report;

  bool Relocatable = false;
  struct SectionInfo {
    uint64_t Addr = 0;
    uint64_t Size = 0;
    StringRef Contents;
    bool Executable = false;
    std::string Name;
  };
  std::map<uint64_t, SectionInfo> Sections;
  std::vector<std::unique_ptr<Function>> Functions;
  /// Per section index, sorted by address.
  std::map<uint64_t, std::vector<const Function *>> FunctionsBySection;
  /// Relocations by section index and (word-aligned) offset.
  std::map<uint64_t, DenseMap<uint64_t, SmallVector<Reloc, 1>>> Relocs;
  std::unique_ptr<GoFuncTab> GoTab;
  /// Number of entries of each symbol table, by section index.
  std::map<uint64_t, uint64_t> SymbolCounts;
  /// Linked files: the symbol of each dynamic relocation, by address (the
  /// PLT slots GNU ld's call stubs load from).
  DenseMap<uint64_t, std::string> PLTSlots;
  /// The module's TOC pointer (linked files), and where it came from.
  std::optional<uint64_t> TOC;
};

std::string hex(uint64_t V) { return "0x" + utohexstr(V, /*LowerCase=*/true); }

/// Code the linker generated and named: lld's thunks (__plt_foo,
/// __long_branch_foo, ...) and GNU ld's stubs with --emit-stub-syms
/// (00000000.plt_call.foo, ...). They follow the ELFv2 ABI, not Go's
/// conventions, and are not functions of the program.
bool isLinkerStub(StringRef Name) {
  for (StringRef Prefix : {"__plt_", "__long_branch_", "__toc_save_",
                           "__gep_setup_", "__glink_PLTresolve"})
    if (Name.starts_with(Prefix))
      return true;
  for (StringRef Infix :
       {".plt_call.", ".plt_branch.", ".long_branch.", ".plt_pcrel."})
    if (Name.contains(Infix))
      return true;
  return false;
}

/// A stub through which a call may reach another module (a PLT call).
bool isPLTStub(StringRef Name) {
  return Name.starts_with("__plt_") || Name.contains(".plt_call.") ||
         Name.contains(".plt_branch.") || Name.contains(".plt_pcrel.");
}

/// The symbol a named PLT stub calls: __plt_foo (lld),
/// 00000000.plt_call.foo+0 (GNU ld --emit-stub-syms).
std::string getPLTStubTarget(StringRef Name) {
  if (Name.consume_front("__plt_pcrel_") || Name.consume_front("__plt_"))
    return Name.str();
  for (StringRef Infix : {".plt_call.", ".plt_branch.", ".plt_pcrel."}) {
    size_t At = Name.find(Infix);
    if (At != StringRef::npos)
      return Name.substr(At + Infix.size()).split('+').first.str();
  }
  return "";
}

SmallVector<size_t, 2> successors(const std::vector<Step> &Steps, size_t I,
                                  bool &Unknown);

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

bool Checker::validateTables() {
  // ELFObjectFile's symbol and relocation accessors report malformed
  // tables with report_fatal_error (or divide by a zero sh_entsize). Every
  // table they will read is validated here first, through ELFFile's
  // Expected-returning API, so that bad input becomes an error message.
  const auto &EF = Obj.getELFFile();
  auto Fail = [&](const Twine &What, Error E) {
    Report.Error = (What + ": " + toString(std::move(E))).str();
    return false;
  };
  auto Secs = EF.sections();
  if (!Secs)
    return Fail("bad section header table", Secs.takeError());
  for (const auto &Sec : *Secs) {
    if (Sec.sh_type != ELF::SHT_SYMTAB && Sec.sh_type != ELF::SHT_DYNSYM)
      continue;
    uint64_t Index = &Sec - &Secs->front();
    auto Syms = EF.symbols(&Sec);
    if (!Syms)
      return Fail("bad symbol table", Syms.takeError());
    auto Strings = EF.getStringTableForSymtab(Sec, *Secs);
    if (!Strings)
      return Fail("bad symbol table", Strings.takeError());
    SymbolCounts[Index] = Syms->size();
  }
  for (const auto &Sec : *Secs) {
    uint64_t Count;
    if (Sec.sh_type == ELF::SHT_RELA) {
      auto Relas = EF.relas(Sec);
      if (!Relas)
        return Fail("bad relocation section", Relas.takeError());
      Count = Relas->size();
    } else if (Sec.sh_type == ELF::SHT_REL) {
      auto Rels = EF.rels(Sec);
      if (!Rels)
        return Fail("bad relocation section", Rels.takeError());
      Count = Rels->size();
    } else {
      continue;
    }
    if (Count == 0)
      continue;
    auto Symtab = SymbolCounts.find(Sec.sh_link);
    uint64_t NumSymbols = Symtab == SymbolCounts.end() ? 0 : Symtab->second;
    auto BadSymbol = [&](uint32_t Sym) {
      return Sym != 0 && Sym >= NumSymbols;
    };
    bool Bad = false;
    if (Sec.sh_type == ELF::SHT_RELA) {
      for (const auto &R : cantFail(EF.relas(Sec)))
        Bad |= BadSymbol(R.getSymbol(false));
    } else {
      for (const auto &R : cantFail(EF.rels(Sec)))
        Bad |= BadSymbol(R.getSymbol(false));
    }
    if (Bad)
      return Fail("bad relocation section",
                  createStringError(inconvertibleErrorCode(),
                                    "a relocation refers to a symbol "
                                    "outside the symbol table (sh_link " +
                                        Twine(Sec.sh_link) + ")"));
  }
  return true;
}

bool Checker::loadSections() {
  for (const SectionRef &Sec : Obj.sections()) {
    SectionInfo Info;
    Info.Addr = Sec.getAddress();
    Info.Size = Sec.getSize();
    Info.Executable = Sec.isText() && !Sec.isVirtual();
    Expected<StringRef> Name = Sec.getName();
    if (Name)
      Info.Name = Name->str();
    else
      consumeError(Name.takeError());
    if (Info.Executable) {
      Expected<StringRef> Contents = Sec.getContents();
      if (!Contents) {
        Report.Error = "cannot read section " + Info.Name + ": " +
                       toString(Contents.takeError());
        return false;
      }
      Info.Contents = *Contents;
      Info.Size = Contents->size();
    }
    Sections[Sec.getIndex()] = std::move(Info);
  }
  return true;
}

/// STT_FUNC, or a global symbol without a type (hand-written assembly that
/// omits `.type f,@function`); local untyped symbols in code are labels.
static bool isFunctionSymbol(const ELFSymbolRef &Sym, bool &Untyped) {
  uint8_t Type = Sym.getELFType();
  Untyped = Type == ELF::STT_NOTYPE && Sym.getBinding() != ELF::STB_LOCAL;
  return Type == ELF::STT_FUNC || Type == ELF::STT_GNU_IFUNC || Untyped;
}

bool Checker::loadFunctions() {
  std::vector<std::string> UntypedNames;
  auto Collect =
      [&](ELFObjectFileBase::elf_symbol_iterator_range Range) -> bool {
    // Symbols by (section, address): aliases become one function.
    std::map<std::pair<uint64_t, uint64_t>, Function *> ByAddr;
    for (const ELFSymbolRef &Sym : Range) {
      bool Untyped;
      if (!isFunctionSymbol(Sym, Untyped))
        continue;
      Expected<section_iterator> Sec = Sym.getSection();
      if (!Sec) {
        Report.Error = "bad symbol section index: " + toString(Sec.takeError());
        return false;
      }
      if (*Sec == Obj.section_end())
        continue; // Undefined.
      auto It = Sections.find((*Sec)->getIndex());
      if (It == Sections.end() || !It->second.Executable)
        continue;
      Expected<StringRef> Name = Sym.getName();
      if (!Name) {
        Report.Error =
            "bad function symbol name: " + toString(Name.takeError());
        return false;
      }
      Expected<uint64_t> Value = Sym.getValue();
      if (!Value) {
        Report.Error = "bad value of function symbol " + Name->str() + ": " +
                       toString(Value.takeError());
        return false;
      }
      uint64_t SecIdx = (*Sec)->getIndex();
      const SectionInfo &SI = It->second;
      uint64_t Base = Relocatable ? 0 : SI.Addr;
      if (*Value < Base || *Value - Base > SI.Size) {
        Report.Notes.push_back(("function symbol " + *Name + " at " +
                                hex(*Value) + " lies outside its section " +
                                SI.Name + "; not checked")
                                   .str());
        continue;
      }
      Function *&F = ByAddr[{SecIdx, *Value}];
      if (!F) {
        Functions.push_back(std::make_unique<Function>());
        F = Functions.back().get();
        F->SectionIndex = SecIdx;
        F->Addr = *Value;
        F->Other = Sym.getOther();
      }
      uint64_t Size = Sym.getSize();
      // The name of a symbol with a size is the better one (Go's
      // runtime.text has size 0 and aliases the first function).
      if (F->Name.empty() || (Size > F->Size && F->Size == 0))
        F->Name = Name->str();
      F->Names.push_back(Name->str());
      if (Untyped)
        UntypedNames.push_back(Name->str());
      F->Size = std::max(F->Size, Size);
      F->Other |= Sym.getOther();
    }
    return true;
  };

  if (!Collect(Obj.symbols()))
    return false;
  if (Functions.empty() && !Relocatable) {
    if (!Collect(Obj.getDynamicSymbolIterators()))
      return false;
    addUnnamedFunctions();
  }

  if (!UntypedNames.empty())
    Report.Notes.push_back("global symbols without a type, taken as "
                           "functions: " +
                           join(UntypedNames, ", "));
  for (auto &F : Functions)
    FunctionsBySection[F->SectionIndex].push_back(F.get());
  for (auto &[SecIdx, List] : FunctionsBySection) {
    llvm::sort(List, [](const Function *A, const Function *B) {
      return A->Addr < B->Addr;
    });
    const SectionInfo &SI = Sections[SecIdx];
    uint64_t SecEnd = (Relocatable ? 0 : SI.Addr) + SI.Size;
    for (size_t I = 0, E = List.size(); I != E; ++I) {
      Function *F = const_cast<Function *>(List[I]);
      uint64_t Next = I + 1 != E ? List[I + 1]->Addr : SecEnd;
      if (F->Size == 0)
        F->Size = Next - F->Addr; // No size: up to the next function.
      if (F->Addr + F->Size > SecEnd || F->Addr + F->Size < F->Addr) {
        Report.Notes.push_back("function " + F->Name + " at " + hex(F->Addr) +
                               " extends past the end of its section; "
                               "checked up to the end");
        F->Size = SecEnd - F->Addr;
      }
    }
  }
  return true;
}

void Checker::addUnnamedFunctions() {
  // A stripped file: .dynsym names only what the file exports. The Go
  // function table (it survives -ldflags=-s) and the unwind tables' FDEs
  // (every C or C++ function compiled with unwind information) give the
  // extent of the others; such functions have no st_other.
  size_t FromDynsym = Functions.size(), FromGo = 0, FromEHFrame = 0;
  std::set<uint64_t> Known;
  for (const auto &F : Functions)
    Known.insert(F->Addr);
  auto Add = [&](uint64_t Addr, uint64_t Size, std::string Name) {
    std::optional<uint64_t> SecIdx = findSectionByAddress(Addr);
    if (!SecIdx || !Known.insert(Addr).second)
      return false;
    Functions.push_back(std::make_unique<Function>());
    Function &F = *Functions.back();
    F.SectionIndex = *SecIdx;
    F.Addr = Addr;
    F.Size = Size;
    F.OtherKnown = false;
    F.Name = Name;
    F.Names.push_back(std::move(Name));
    return true;
  };
  if (GoTab)
    for (const auto &[Addr, GF] : GoTab->Functions)
      FromGo += Add(Addr, GF.Size, GF.Name);
  for (const auto &[Idx, SI] : Sections) {
    if (SI.Name != ".eh_frame")
      continue;
    auto Sec = Obj.getELFFile().getSection(Idx);
    if (!Sec) {
      consumeError(Sec.takeError());
      continue;
    }
    auto Contents = Obj.getELFFile().getSectionContents(**Sec);
    if (!Contents) {
      Report.Notes.push_back("cannot read .eh_frame: " +
                             toString(Contents.takeError()));
      continue;
    }
    std::string Error;
    for (const FDERange &R :
         readEHFrame(toStringRef(*Contents), SI.Addr, Error))
      FromEHFrame += Add(R.Begin, R.Size,
                         isGlinkResolver(R.Begin) ? "__glink_PLTresolve"
                                                  : "fde@" + hex(R.Begin));
    if (!Error.empty())
      Report.Notes.push_back(Error + "; the functions after it are not found");
  }
  if (!Functions.empty())
    Report.Notes.push_back(
        "no .symtab (stripped): functions found from .dynsym (" +
        utostr(FromDynsym) + "), the Go function table (" + utostr(FromGo) +
        ") and .eh_frame (" + utostr(FromEHFrame) +
        "; named fde@address); code described by none of them is not "
        "checked");
}

bool Checker::loadRelocations() {
  for (const SectionRef &Sec : Obj.sections()) {
    uint32_t Type = ELFSectionRef(Sec).getType();
    if (Type != ELF::SHT_RELA && Type != ELF::SHT_REL)
      continue; // CREL and RELR are not produced for relocatable code.
    Expected<section_iterator> Target = Sec.getRelocatedSection();
    if (!Target) {
      Report.Error = "bad relocation section: " + toString(Target.takeError());
      return false;
    }
    if (*Target == Obj.section_end())
      continue;
    uint64_t TargetIdx = (*Target)->getIndex();
    auto SI = Sections.find(TargetIdx);
    if (SI == Sections.end() || !SI->second.Executable)
      continue;
    auto &Map = Relocs[TargetIdx];
    for (const RelocationRef &RR : Sec.relocations()) {
      ELFRelocationRef R(RR);
      Reloc Rel;
      Rel.Type = R.getType();
      Expected<int64_t> Addend = R.getAddend();
      if (Addend)
        Rel.Addend = *Addend;
      else
        consumeError(Addend.takeError()); // REL: no addend.
      elf_symbol_iterator SymIt = R.getSymbol();
      if (SymIt != Obj.symbol_end()) {
        const ELFSymbolRef &Sym = *SymIt;
        RelocSymbol S;
        Expected<StringRef> Name = Sym.getName();
        if (Name)
          S.Name = Name->str();
        else
          consumeError(Name.takeError());
        Expected<section_iterator> SymSec = Sym.getSection();
        if (!SymSec) {
          Report.Error =
              "bad relocation symbol: " + toString(SymSec.takeError());
          return false;
        }
        S.Defined = *SymSec != Obj.section_end();
        if (S.Defined)
          S.SectionIndex = (*SymSec)->getIndex();
        S.IsSection = Sym.getELFType() == ELF::STT_SECTION;
        uint8_t Binding = Sym.getBinding();
        S.Preemptible =
            (Binding == ELF::STB_GLOBAL || Binding == ELF::STB_WEAK) &&
            (Sym.getOther() & 3) == ELF::STV_DEFAULT;
        Expected<uint64_t> Value = Sym.getValue();
        if (Value)
          S.Value = *Value;
        else
          consumeError(Value.takeError());
        if (S.IsSection && S.Name.empty())
          S.Name = Sections[S.SectionIndex].Name;
        Rel.Sym = std::move(S);
      }
      Map[R.getOffset() & ~uint64_t(3)].push_back(std::move(Rel));
    }
  }
  return true;
}

void Checker::findTOC() {
  if (Relocatable)
    return;
  for (const SymbolRef &Sym : Obj.symbols()) {
    Expected<StringRef> Name = Sym.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    if (*Name != ".TOC.")
      continue;
    Expected<uint64_t> Value = Sym.getValue();
    if (!Value) {
      consumeError(Value.takeError());
      continue;
    }
    TOC = *Value;
    Report.Notes.push_back("TOC pointer " + hex(*TOC) + " (symbol .TOC.)");
    return;
  }
  for (const auto &[Idx, SI] : Sections)
    if (SI.Name == ".got") {
      TOC = SI.Addr + encoding::TOCBias;
      Report.Notes.push_back("TOC pointer " + hex(*TOC) +
                             " (.got + 0x8000; no .TOC. symbol)");
      return;
    }
  Report.Notes.push_back("no .TOC. symbol and no .got: the global entry "
                         "prologues are checked for their form only");
}

bool Checker::loadPLTSlots() {
  // validateTables has checked every relocation section and its symbols.
  const auto &EF = Obj.getELFFile();
  auto Secs = cantFail(EF.sections());
  for (const auto &Sec : Secs) {
    if (Sec.sh_type != ELF::SHT_RELA || Sec.sh_link >= Secs.size() ||
        Secs[Sec.sh_link].sh_type != ELF::SHT_DYNSYM)
      continue;
    const auto &DynSym = Secs[Sec.sh_link];
    auto Syms = cantFail(EF.symbols(&DynSym));
    auto Strings = cantFail(EF.getStringTableForSymtab(DynSym, Secs));
    for (const auto &R : cantFail(EF.relas(Sec))) {
      uint32_t Index = R.getSymbol(false);
      if (Index == 0 || Index >= Syms.size())
        continue;
      Expected<StringRef> Name = Syms[Index].getName(Strings);
      if (!Name) {
        consumeError(Name.takeError());
        continue;
      }
      PLTSlots[R.r_offset] = Name->str();
    }
  }
  return true;
}

std::string Checker::identifyStub(uint64_t Addr) const {
  // GNU ld's ELFv2 PLT call stubs:
  //   std 2,24(1); addis 12,2,hi; ld 12,lo(12); mtctr 12; bctr
  //   std 2,24(1); ld 12,lo(2); mtctr 12; bctr
  // The slot they load is .TOC. + offset; its dynamic relocation names the
  // callee.
  if (!TOC)
    return "";
  std::optional<uint64_t> SecIdx = findSectionByAddress(Addr);
  if (!SecIdx)
    return "";
  const SectionInfo &SI = Sections.at(*SecIdx);
  uint64_t Off = Addr - SI.Addr;
  auto Word = [&](unsigned I) -> std::optional<uint32_t> {
    if (Off + 4 * (I + 1) > SI.Contents.size())
      return std::nullopt;
    return support::endian::read32le(SI.Contents.data() + Off + 4 * I);
  };
  auto SExt16 = [](uint32_t W) { return int64_t(int16_t(W & 0xffff)); };
  std::optional<uint32_t> W0 = Word(0), W1 = Word(1), W2 = Word(2);
  if (!W0 || !W1 || *W0 != encoding::SaveTOC)
    return "";
  std::optional<uint64_t> Slot;
  if ((*W1 & 0xffff0000) == 0x3d820000 && W2 &&
      (*W2 & 0xffff0003) == 0xe98c0000) // addis 12,2,hi; ld 12,lo(12)
    Slot = *TOC + uint64_t(SExt16(*W1) << 16) + uint64_t(SExt16(*W2 & ~3u));
  else if ((*W1 & 0xffff0003) == 0xe9820000) // ld 12,lo(2)
    Slot = *TOC + uint64_t(SExt16(*W1 & ~3u));
  if (!Slot)
    return "";
  auto It = PLTSlots.find(*Slot);
  return It == PLTSlots.end() ? "" : It->second;
}

bool Checker::isGlinkResolver(uint64_t Addr) const {
  // GNU ld's __glink_PLTresolve, which has an FDE: mflr 0 (or 12);
  // bcl 20,31,.+4; mflr 11 (it finds its own address).
  std::optional<uint64_t> SecIdx = findSectionByAddress(Addr);
  if (!SecIdx)
    return false;
  StringRef Bytes = Sections.at(*SecIdx).Contents.substr(
      Addr - Sections.at(*SecIdx).Addr, 12);
  if (Bytes.size() != 12)
    return false;
  uint32_t W0 = support::endian::read32le(Bytes.data()),
           W1 = support::endian::read32le(Bytes.data() + 4),
           W2 = support::endian::read32le(Bytes.data() + 8);
  return (W0 == 0x7c0802a6 || W0 == 0x7d8802a6) && W1 == 0x429f0005 &&
         W2 == 0x7d6802a6;
}

bool Checker::looksLikeStub(uint64_t Addr) const {
  // A linker's call stub loads the callee's address into r12 from the
  // GOT/PLT and branches to it: [std 2,24(1);] then ld 12,lo(2), or
  // addis rX,2,hi; ld 12,lo(rX) (rX = 11, 12), or Power10's pld 12; then
  // mtctr 12; bctr. Code without a symbol that does not look like that is
  // one of the module's own functions (a stripped file's static function).
  std::optional<uint64_t> SecIdx = findSectionByAddress(Addr);
  if (!SecIdx)
    return true; // Not code of this file: the branch leaves it anyway.
  const SectionInfo &SI = Sections.at(*SecIdx);
  uint64_t Off = Addr - SI.Addr;
  auto Word = [&](unsigned I) -> uint32_t {
    if (Off + 4 * (I + 1) > SI.Contents.size())
      return 0;
    return support::endian::read32le(SI.Contents.data() + Off + 4 * I);
  };
  unsigned I = Word(0) == encoding::SaveTOC ? 1 : 0;
  uint32_t W = Word(I);
  if ((W & 0xffff0003) == 0xe9820000) // ld 12,lo(2)
    I += 1;
  else if (((W & 0xffff0000) == 0x3d820000 &&
            (Word(I + 1) & 0xffff0003) == 0xe98c0000) || // addis 12 / ld 12
           ((W & 0xffff0000) == 0x3d620000 &&
            (Word(I + 1) & 0xffff0003) == 0xe98b0000)) // addis 11 / ld 12
    I += 2;
  else if ((W >> 26) == 1 && (Word(I + 1) & 0xffe00000) == 0xe5800000)
    I += 2; // pld 12 (prefix, then the load word)
  else
    return false;
  constexpr uint32_t MtctrR12 = 0x7d8903a6, Bctr = 0x4e800420;
  return Word(I) == MtctrR12 && Word(I + 1) == Bctr;
}

const Function *Checker::findFunction(uint64_t SectionIndex,
                                      uint64_t Addr) const {
  auto It = FunctionsBySection.find(SectionIndex);
  if (It == FunctionsBySection.end())
    return nullptr;
  const auto &List = It->second;
  auto Next = llvm::upper_bound(
      List, Addr, [](uint64_t A, const Function *F) { return A < F->Addr; });
  if (Next == List.begin())
    return nullptr;
  const Function *F = *std::prev(Next);
  return F->contains(Addr) ? F : nullptr;
}

std::optional<uint64_t> Checker::findSectionByAddress(uint64_t Addr) const {
  for (const auto &[Idx, SI] : Sections)
    if (SI.Executable && Addr >= SI.Addr && Addr - SI.Addr < SI.Size)
      return Idx;
  return std::nullopt;
}

static bool isBranchReloc(uint32_t Type) {
  switch (Type) {
  case ELF::R_PPC64_REL24:
  case ELF::R_PPC64_REL24_NOTOC:
  case ELF::R_PPC64_REL14:
  case ELF::R_PPC64_REL14_BRTAKEN:
  case ELF::R_PPC64_REL14_BRNTAKEN:
  case ELF::R_PPC64_ADDR24:
  case ELF::R_PPC64_ADDR14:
    return true;
  default:
    return false;
  }
}

const Reloc *Checker::findReloc(uint64_t SectionIndex, uint64_t Offset,
                                uint32_t Type) const {
  auto Sec = Relocs.find(SectionIndex);
  if (Sec == Relocs.end())
    return nullptr;
  auto It = Sec->second.find(Offset);
  if (It == Sec->second.end())
    return nullptr;
  for (const Reloc &R : It->second)
    if (R.Type == Type)
      return &R;
  return nullptr;
}

const Reloc *Checker::findBranchReloc(uint64_t SectionIndex,
                                      uint64_t Offset) const {
  auto Sec = Relocs.find(SectionIndex);
  if (Sec == Relocs.end())
    return nullptr;
  auto It = Sec->second.find(Offset);
  if (It == Sec->second.end())
    return nullptr;
  for (const Reloc &R : It->second)
    if (isBranchReloc(R.Type))
      return &R;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Instructions
//===----------------------------------------------------------------------===//

/// Names a Go binary gives a function besides its Go name: the linker's
/// "local." prefix under external linking and the ".abi0" suffix of
/// assembly functions' ABI wrappers.
static StringRef stripDecorations(StringRef Name) {
  Name.consume_front("local.");
  Name.consume_back(".abi0");
  return Name;
}

bool Checker::isCalleeNamed(const Callee &C, StringRef Name) const {
  if (C.Kind == Callee::Stub)
    return !C.StubFor.empty() && stripDecorations(C.StubFor) == Name;
  if (C.F)
    return any_of(C.F->Names,
                  [&](const std::string &N) {
                    return stripDecorations(N) == Name;
                  }) ||
           (!C.F->GoName.empty() && C.F->GoName == Name);
  return stripDecorations(C.Name) == Name;
}

bool Checker::isCalleePrefixed(const Callee &C, StringRef Prefix) const {
  if (C.Kind == Callee::Stub)
    return !C.StubFor.empty() &&
           stripDecorations(C.StubFor).starts_with(Prefix);
  if (C.F)
    return any_of(C.F->Names, [&](const std::string &N) {
      return stripDecorations(N).starts_with(Prefix);
    });
  return stripDecorations(C.Name).starts_with(Prefix);
}

Callee Checker::resolveDirect(const Function &F, const Insn &I,
                              const BranchInfo &B) const {
  Callee C;
  bool Dynlink = callsMayLeaveModule(Conf.Mode);
  auto AtAddress = [&](uint64_t SecIdx, uint64_t Target) {
    const Function *G = findFunction(SecIdx, Target);
    if (!G && !Relocatable && !looksLikeStub(Target)) {
      // Code of the module without a symbol (a stripped file).
      C.Kind = Callee::Local;
      C.Name = hex(Target) + " (no symbol)";
      return;
    }
    if (!G) {
      C.Kind = Callee::Stub;
      C.Name = hex(Target);
      C.MayLeave = true;
      if (!Relocatable)
        C.StubFor = identifyStub(Target);
      return;
    }
    if (!Relocatable && isPLTStub(G->Name)) {
      C.Kind = Callee::Stub;
      C.F = G;
      C.Name = G->Name;
      C.StubFor = getPLTStubTarget(G->Name);
      C.MayLeave = true;
      return;
    }
    C.F = G;
    C.Name = G->Name;
    C.Offset = Target - G->Addr;
    // Inside the function: a branch (a jump back to its own entry is a
    // loop), or a bl that reads the PC. Only a bl to its entry recurses.
    bool AtEntry = C.Offset == 0 || C.Offset == G->localEntryOffset();
    if (G == &F && (!AtEntry || !B.Link)) {
      C.Kind = Callee::Internal;
      return;
    }
    C.Kind = Callee::Local;
  };

  if (Relocatable) {
    if (const Reloc *R = findBranchReloc(F.SectionIndex, I.Addr)) {
      C.NoTOC = R->Type == ELF::R_PPC64_REL24_NOTOC;
      if (!R->Sym) {
        C.Kind = Callee::Stub;
        C.MayLeave = true;
        return C;
      }
      const RelocSymbol &S = *R->Sym;
      if (!S.Defined) {
        C.Kind = Callee::Symbol;
        C.Name = S.Name;
        C.MayLeave = true;
        return C;
      }
      AtAddress(S.SectionIndex, S.Value + uint64_t(R->Addend));
      if (C.Kind == Callee::Stub) {
        // A defined symbol that is not a function (or not at one).
        C.Kind = Callee::Symbol;
        C.Name = S.Name;
        C.MayLeave = Dynlink && S.Preemptible;
        return C;
      }
      if (!S.IsSection) {
        C.Name = S.Name;
        // A `b` through the function's own symbol is a self tail call (the
        // frame is gone; the linker lands it on the local entry), not a
        // loop: LLVM branches to its own blocks through local labels.
        if (C.Kind == Callee::Internal && &F == C.F && !B.Link &&
            (C.Offset == 0 || C.Offset == F.localEntryOffset()))
          C.Kind = Callee::Local;
        if (C.Kind != Callee::Internal)
          C.MayLeave = Dynlink && S.Preemptible;
      }
      return C;
    }
    // Resolved by the assembler: within the section.
    AtAddress(F.SectionIndex, B.Target);
    if (C.Kind != Callee::Internal)
      C.MayLeave = false;
    return C;
  }

  std::optional<uint64_t> SecIdx = findSectionByAddress(B.Target);
  if (!SecIdx) {
    C.Kind = Callee::Stub;
    C.Name = hex(B.Target);
    C.MayLeave = true;
    C.StubFor = identifyStub(B.Target);
    return C;
  }
  AtAddress(*SecIdx, B.Target);
  return C;
}

Step Checker::classify(const Function &F, const Insn &I) const {
  Step S;
  if (!I.Valid) {
    S.Kind = Flow::Invalid;
    return S;
  }
  S.Branch = decodeBranch(I.Word, I.Addr);
  S.Conditional = S.Branch.Conditional;
  switch (S.Branch.Kind) {
  case BranchInfo::None:
    S.Kind = Flow::Normal;
    break;
  case BranchInfo::ToLR:
    S.Kind = S.Branch.Link ? Flow::IndirectCall : Flow::Return;
    break;
  case BranchInfo::ToCTR:
    S.Kind = S.Branch.Link ? Flow::IndirectCall : Flow::IndirectJump;
    break;
  case BranchInfo::Direct: {
    S.Dest = resolveDirect(F, I, S.Branch);
    bool Internal = S.Dest.Kind == Callee::Internal;
    if (S.Branch.Link)
      S.Kind = Internal ? Flow::LocalCall : Flow::Call;
    else
      S.Kind = Internal ? Flow::Branch : Flow::TailBranch;
    break;
  }
  }
  return S;
}

bool Checker::isExcluded(const Function &F) const {
  if (!F.GoName.empty() && Conf.NoTOCPrologue.matches(F.GoName))
    return true;
  return any_of(F.Names, [&](const std::string &N) {
    return Conf.NoTOCPrologue.matches(N) ||
           Conf.NoTOCPrologue.matches(stripDecorations(N));
  });
}

//===----------------------------------------------------------------------===//
// Relocations the linker left unapplied (linked files)
//===----------------------------------------------------------------------===//

/// bl .+0: a call whose R_PPC64_REL24 was never applied (a branch to itself).
static constexpr uint32_t SelfCallWord = 0x48000001;

/// What to do about an unapplied relocation (docs/GoIntegration.md).
static const char *const UnappliedRecipe =
    ": the linker left its relocation unapplied. Go 1.19's internal linker "
    "does this to a host object (.syso) in a -buildmode=exe program without "
    "dynamic imports (it links with -d): add //go:cgo_import_dynamic _ _ "
    "\"libc.so.6\" to the package and link with "
    "-ldflags=-I=/lib64/ld64.so.2 (docs/GoIntegration.md, exe)";

void Checker::checkUnappliedRelocations(ArrayRef<const Function *> Scanned) {
  // A linked file keeps no relocations for its code, so an unapplied one
  // shows as the field the assembler left: 0. Two forms cannot be anything
  // else. `bl .+0` (0x48000001), a call to itself, loops forever; a
  // global entry `addis 2,12,0; addi 2,2,0` sets r2 to the function's own
  // address, which is the module's TOC pointer in no file a linker wrote
  // (it points into .got, not to code). Go's internal linker lists a .syso's
  // whole .text as one function (pkg(.text), st_other 0), so the words are
  // scanned over every checked or --ignore'd function, not only at
  // function starts, and --ignore does not hide them: no convention makes
  // such a program work. Each word is reported once, in the innermost
  // function that contains it.
  std::set<uint64_t> Seen;
  for (const Function *Outer : Scanned) {
    const SectionInfo &SI = Sections[Outer->SectionIndex];
    if (Outer->Addr < SI.Addr || Outer->end() > SI.Addr + SI.Contents.size())
      continue;
    StringRef Bytes = SI.Contents.substr(Outer->Addr - SI.Addr, Outer->Size);
    auto WordAt = [&](uint64_t Off) {
      return support::endian::read32le(Bytes.data() + Off);
    };
    for (uint64_t Off = 0; Off + 4 <= Bytes.size(); Off += 4) {
      uint32_t W = WordAt(Off);
      uint64_t Addr = Outer->Addr + Off;
      bool SelfCall = W == SelfCallWord;
      bool ZeroPair = W == encoding::GlobalEntryAddis &&
                      Off + 8 <= Bytes.size() &&
                      WordAt(Off + 4) == encoding::GlobalEntryAddi &&
                      !(TOC && *TOC == Addr);
      if ((!SelfCall && !ZeroPair) || !Seen.insert(Addr).second)
        continue;
      const Function *F = Outer;
      for (const Function *G : Scanned)
        if (G->SectionIndex == Outer->SectionIndex && G->contains(Addr) &&
            G->Addr > F->Addr)
          F = G;
      Code C;
      C.F = F;
      for (unsigned K = 0; K != (ZeroPair ? 2u : 1u); ++K)
        C.Insns.push_back(D.decode(
            arrayRefFromStringRef(Bytes.substr(Off + 4 * K, 4)), Addr + 4 * K));
      C.Steps.resize(C.Insns.size());
      if (SelfCall)
        addFinding(C, Rule::DynlinkCall, 0,
                   Twine("bl to itself (bl .+0): an unrelocated "
                         "R_PPC64_REL24, the program loops here") +
                       UnappliedRecipe,
                   {});
      else
        addFinding(C, Rule::GlobalEntry, 0,
                   Twine("global entry prologue with both immediates 0 "
                         "(addis 2,12,0; addi 2,2,0): r2 would be the "
                         "function's own address, not the module's TOC "
                         "pointer") +
                       (TOC ? " " + hex(*TOC) : std::string()) +
                       " - unrelocated R_PPC64_REL16_HA/LO .TOC." +
                       UnappliedRecipe,
                   {1});
      fileFindings(C);
    }
  }
}

//===----------------------------------------------------------------------===//
// Findings
//===----------------------------------------------------------------------===//

void Checker::addFinding(Code &C, Rule R, size_t At, const Twine &Message,
                         ArrayRef<size_t> Quote) {
  const Function &F = *C.F;
  Finding Fd;
  Fd.Function = C.F->Name;
  Fd.FunctionAddr = C.F->Addr;
  Fd.R = R;
  Fd.Message = Message.str();
  Fd.Addr = At < C.Insns.size() ? C.Insns[At].Addr : C.F->Addr;
  SmallVector<size_t, 4> Sorted(Quote.begin(), Quote.end());
  if (At < C.Insns.size())
    Sorted.push_back(At);
  llvm::sort(Sorted);
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end()), Sorted.end());
  for (size_t Idx : Sorted) {
    if (Idx >= C.Insns.size())
      continue;
    const Insn &I = C.Insns[Idx];
    QuotedInsn Q;
    Q.Addr = I.Addr;
    Q.Word = I.Word;
    Q.Text = D.print(I);
    const Step &S = C.Steps[Idx];
    if ((S.Kind == Flow::Call || S.Kind == Flow::TailBranch) &&
        !S.Dest.Name.empty() &&
        (S.Dest.Kind != Callee::Stub || S.Dest.F || !S.Dest.StubFor.empty())) {
      std::string Target =
          S.Dest.Kind == Callee::Stub
              ? (S.Dest.F ? S.Dest.Name : "stub for " + S.Dest.StubFor)
          : S.Dest.Offset ? S.Dest.Name + "+" + hex(S.Dest.Offset)
                          : S.Dest.Name;
      // A relocated branch's field is still 0 in a relocatable file: name
      // the symbol instead of the meaningless address.
      if (Relocatable && findBranchReloc(F.SectionIndex, I.Addr))
        Q.Text = StringRef(Q.Text).split(' ').first.str() + " " + Target;
      else
        Q.Text += " <" + Target + ">";
    }
    Q.Offending = Idx == At;
    Fd.Instrs.push_back(std::move(Q));
  }
  C.Findings.push_back(std::move(Fd));
}

void Checker::fileFindings(Code &C) {
  const Function &F = *C.F;
  StringRef GoName = F.GoName.empty() ? StringRef(F.Name) : F.GoName;
  for (Finding &Fd : C.Findings) {
    const KnownExceptionEntry *E =
        GoTab ? findKnownException(stripDecorations(GoName), Fd.R) : nullptr;
    if (!E) {
      if (F.IsGoAssembly)
        Fd.Message += " [Go assembly function, not in the checker's "
                      "known-exceptions table]";
      Report.Violations.push_back(std::move(Fd));
      continue;
    }
    auto Existing =
        llvm::find_if(Report.Exceptions, [&](const KnownException &K) {
          return K.First.FunctionAddr == Fd.FunctionAddr && K.First.R == Fd.R;
        });
    if (Existing != Report.Exceptions.end()) {
      ++Existing->Count;
      continue;
    }
    KnownException K;
    K.Reason = (Twine(E->Reason) + " (" + E->Source + ")").str();
    K.Count = 1;
    K.First = std::move(Fd);
    Report.Exceptions.push_back(std::move(K));
  }
}

//===----------------------------------------------------------------------===//
// Rule 1: the global entry prologue
//===----------------------------------------------------------------------===//

static bool isGlobalEntry(uint32_t First, uint32_t Second) {
  return (First & encoding::ImmediateMask) == encoding::GlobalEntryAddis &&
         (Second & encoding::ImmediateMask) == encoding::GlobalEntryAddi;
}

void Checker::checkGlobalEntry(Code &C) {
  const Function &F = *C.F;
  bool HasPrologue =
      C.Insns.size() >= 2 && isGlobalEntry(C.Insns[0].Word, C.Insns[1].Word);
  unsigned LocalEntry = F.Other & encoding::StOtherLocalEntryMask;

  if (isExcluded(F)) {
    if (HasPrologue)
      addFinding(C, Rule::GlobalEntry, 0,
                 "function is excluded from the global entry prologue "
                 "(--no-toc-prologue; callers branch to fixed offsets in it) "
                 "but starts with one",
                 {1});
    else if (LocalEntry != 0 && F.OtherKnown)
      addFinding(C, Rule::GlobalEntry, 0,
                 "function is excluded from the global entry prologue "
                 "(--no-toc-prologue) but its st_other local entry field is " +
                     Twine(LocalEntry >> 5) + ", not 0",
                 {});
    return;
  }

  if (LocalEntry == encoding::StOtherNoTOC && F.OtherKnown) {
    addFinding(C, Rule::Target, 0,
               "st_other local entry field is 1: the function neither sets "
               "up nor preserves r2 (pc-relative code, -mcpu=pwr10); the Go "
               "TOC conventions cannot hold for it",
               {});
    return;
  }
  if (!HasPrologue) {
    addFinding(C, Rule::GlobalEntry, 0,
               "function does not start with the global entry prologue "
               "addis 2,12,.TOC.-f@ha; addi 2,2,.TOC.-f@l",
               {1});
    return;
  }
  if (LocalEntry != encoding::LocalEntryStOther && F.OtherKnown)
    addFinding(C, Rule::GlobalEntry, 0,
               "st_other local entry field is " + Twine(LocalEntry >> 5) +
                   " (local entry at +" + Twine(F.localEntryOffset()) +
                   "), expected 3 (+8): callers in the module would enter "
                   "at the wrong instruction",
               {1});

  if (Relocatable) {
    const Reloc *HA = findReloc(F.SectionIndex, F.Addr, ELF::R_PPC64_REL16_HA);
    const Reloc *LO =
        findReloc(F.SectionIndex, F.Addr + 4, ELF::R_PPC64_REL16_LO);
    auto IsTOC = [](const Reloc *R, int64_t Addend) {
      return R && R->Sym && R->Sym->Name == ".TOC." && R->Addend == Addend;
    };
    if (!IsTOC(HA, 0) || !IsTOC(LO, 4))
      addFinding(C, Rule::GlobalEntry, 0,
                 "the global entry prologue is not relocated against .TOC. "
                 "(expected R_PPC64_REL16_HA .TOC.+0 at +0 and "
                 "R_PPC64_REL16_LO .TOC.+4 at +4): r2 would not point to "
                 "the module's TOC",
                 {1});
    return;
  }
  if (C.Insns[0].Word == encoding::GlobalEntryAddis &&
      C.Insns[1].Word == encoding::GlobalEntryAddi && !(TOC && *TOC == F.Addr))
    return; // Unapplied relocations: checkUnappliedRelocations reports it.
  if (TOC) {
    uint64_t High = uint64_t(int64_t(int16_t(C.Insns[0].Word & 0xffff))) << 16;
    uint64_t Low = uint64_t(int64_t(int16_t(C.Insns[1].Word & 0xffff)));
    uint64_t Computed = F.Addr + High + Low;
    if (Computed != *TOC)
      addFinding(C, Rule::GlobalEntry, 0,
                 "the global entry prologue sets r2 to " + hex(Computed) +
                     ", not to the module's TOC pointer " + hex(*TOC),
                 {1});
  }
}

//===----------------------------------------------------------------------===//
// Rule 2: the TOC save
//===----------------------------------------------------------------------===//

bool Checker::isMorestackCall(const Code &C, size_t I) const {
  const Step &S = C.Steps[I];
  if (S.Kind != Flow::Call && S.Kind != Flow::IndirectCall)
    return false;
  if (I + 1 < C.Insns.size() &&
      C.Insns[I + 1].Word == encoding::MorestackReloadTOC)
    return true;
  return S.Kind == Flow::Call &&
         isCalleePrefixed(S.Dest, encoding::MorestackPrefix);
}

/// The successors of instruction \p I; \p Unknown is set for an indirect
/// jump.
SmallVector<size_t, 2> successors(const std::vector<Step> &Steps, size_t I,
                                  bool &Unknown) {
  SmallVector<size_t, 2> Succs;
  const Step &S = Steps[I];
  bool FallsThrough = true;
  switch (S.Kind) {
  case Flow::Branch:
    if (S.Target)
      Succs.push_back(*S.Target);
    else
      Unknown = true;
    FallsThrough = S.Conditional;
    break;
  case Flow::LocalCall:
    if (S.Target)
      Succs.push_back(*S.Target);
    break;
  case Flow::TailBranch:
  case Flow::Return:
    FallsThrough = S.Conditional;
    break;
  case Flow::IndirectJump:
    FallsThrough = S.Conditional;
    Unknown = true;
    break;
  case Flow::Invalid:
    FallsThrough = false;
    break;
  case Flow::Normal:
  case Flow::Call:
  case Flow::IndirectCall:
    break;
  }
  if (FallsThrough && I + 1 < Steps.size())
    Succs.push_back(I + 1);
  return Succs;
}

void Checker::checkTOCSave(Code &C, std::vector<bool> &BeforeFrame) {
  size_t N = C.Insns.size();
  std::vector<bool> IsCall(N), WritesSP(N);
  bool AnyCall = false;
  for (size_t I = 0; I != N; ++I) {
    Flow K = C.Steps[I].Kind;
    IsCall[I] =
        (K == Flow::Call || K == Flow::IndirectCall) && !isMorestackCall(C, I);
    AnyCall |= IsCall[I];
    WritesSP[I] = D.changesGPR(C.Insns[I], 1);
  }

  // BeforeFrame: reachable from the entry without passing an instruction
  // that moves r1. A call there has no frame of its own to save r2 in.
  {
    SmallVector<size_t, 16> Work;
    if (N) {
      BeforeFrame[0] = true;
      Work.push_back(0);
    }
    while (!Work.empty()) {
      size_t I = Work.pop_back_val();
      if (WritesSP[I])
        continue;
      bool Unknown = false;
      for (size_t S : successors(C.Steps, I, Unknown))
        if (!BeforeFrame[S]) {
          BeforeFrame[S] = true;
          Work.push_back(S);
        }
    }
  }
  if (!maintainsTOC(Conf.Mode))
    return;

  for (size_t I = 0; I != N; ++I)
    if (IsCall[I] && BeforeFrame[I] && !WritesSP[I])
      addFinding(C, Rule::TOCSave, I,
                 "call before the function allocates a frame: there is no "
                 "TOC save slot of its own at 24(1) (the caller's would be "
                 "overwritten)",
                 {});
  if (!AnyCall)
    return; // A leaf saves nothing, frame or not.

  // ReachesCall: a call can execute after this instruction starts.
  std::vector<bool> ReachesCall(N);
  std::vector<SmallVector<size_t, 2>> Preds(N);
  SmallVector<size_t, 16> Work;
  for (size_t I = 0; I != N; ++I) {
    bool Unknown = false;
    for (size_t S : successors(C.Steps, I, Unknown))
      Preds[S].push_back(I);
    // An indirect jump may go anywhere in the function.
    if (IsCall[I] || Unknown) {
      ReachesCall[I] = true;
      Work.push_back(I);
    }
  }
  while (!Work.empty()) {
    size_t I = Work.pop_back_val();
    for (size_t P : Preds[I])
      if (!ReachesCall[P]) {
        ReachesCall[P] = true;
        Work.push_back(P);
      }
  }

  for (size_t I = 0; I != N; ++I) {
    if (!WritesSP[I] || IsCall[I])
      continue;
    bool Unknown = false;
    bool CallFollows = false;
    for (size_t S : successors(C.Steps, I, Unknown))
      CallFollows |= ReachesCall[S];
    if (!CallFollows && !Unknown)
      continue;
    if (I + 1 < N && C.Insns[I + 1].Word == encoding::SaveTOC)
      continue;
    // __builtin_longjmp's `ld 1,16(rB)`: r1 becomes the __builtin_setjmp
    // frame's again, whose TOC save its function made, and the run leaves
    // this frame by the bctr after the TOC restore.
    if (isLongjmpStackRestore(C, I))
      continue;
    addFinding(C, Rule::TOCSave, I,
               "r1 changes here and a call can follow, but the next "
               "instruction is not std 2,24(1): the new frame's TOC save "
               "slot would not hold the module's TOC",
               {I + 1});
  }
}

//===----------------------------------------------------------------------===//
// Rule 3: indirect calls
//===----------------------------------------------------------------------===//

/// Whether instruction \p I of \p C writes CTR (\p ViaCTR) or LR. MC lists
/// CTR among the implicit defs of every conditional branch and LR among
/// those of some branches without LK; the branch fields say what happens.
bool Checker::writesCallRegister(const Code &C, size_t I, bool ViaCTR) const {
  const BranchInfo &B = C.Steps[I].Branch;
  if (B.Kind != BranchInfo::None) {
    if (!ViaCTR)
      return B.Link;
    // `b`/`bl` (primary opcode 18, I-form) have no BO field: those bits
    // are part of the displacement, and the branch never touches CTR.
    if ((C.Insns[I].Word >> 26) == 18)
      return false;
    // BO bit 2 (0b00100) clear: the branch decrements CTR.
    unsigned BO = (C.Insns[I].Word >> 21) & 31;
    return B.Kind != BranchInfo::ToCTR && !(BO & 4);
  }
  return ViaCTR ? D.writesCTR(C.Insns[I]) : D.writesLR(C.Insns[I]);
}

bool Checker::isCopiedToR12Before(const Code &C, size_t Move,
                                  unsigned Source) const {
  for (size_t I = Move; I-- > 0;) {
    auto Copy = D.getRegisterCopy(C.Insns[I]);
    if (Copy && Copy->first == 12 && Copy->second == Source)
      return true;
    if (D.changesGPR(C.Insns[I], 12) || D.changesGPR(C.Insns[I], Source) ||
        C.IsBranchTarget[I] || (I > 0 && C.Steps[I - 1].Kind != Flow::Normal))
      return false;
  }
  return false;
}

bool Checker::isMovedFromR12OnAllPaths(const Code &C, size_t Call) const {
  // Walk backwards from the call along every path: each must reach
  // `mtctr 12` / `mtlr 12` (for the call's register) without passing an
  // instruction that writes r12 or, first, another write of that register.
  bool ViaCTR = C.Steps[Call].Branch.Kind == BranchInfo::ToCTR;
  size_t N = C.Insns.size();
  std::vector<SmallVector<size_t, 2>> Preds(N);
  for (size_t I = 0; I != N; ++I) {
    bool Unknown = false;
    for (size_t S : successors(C.Steps, I, Unknown))
      Preds[S].push_back(I);
  }
  std::vector<bool> Seen(N);
  SmallVector<size_t, 16> Work(Preds[Call].begin(), Preds[Call].end());
  if (Work.empty())
    return false;
  while (!Work.empty()) {
    size_t I = Work.pop_back_val();
    if (Seen[I])
      continue;
    Seen[I] = true;
    const Insn &In = C.Insns[I];
    if (writesCallRegister(C, I, ViaCTR)) {
      std::optional<unsigned> Source =
          ViaCTR ? D.getMoveToCTRSource(In) : D.getMoveToLRSource(In);
      // `mtctr 12`, or `mr 12, rS; ...; mtctr rS` in the same block with
      // neither register written in between (LLVM's copy of a target held
      // in rS): r12 holds the target on this path.
      if (Source != 12u && !(Source && isCopiedToR12Before(C, I, *Source)))
        return false;
      continue; // This path is fine.
    }
    if (D.changesGPR(In, 12) || Preds[I].empty())
      return false;
    Work.append(Preds[I].begin(), Preds[I].end());
  }
  return true;
}

bool Checker::isTargetInR12(const Code &C, size_t Call, std::string &Why,
                            std::vector<size_t> &Quote) const {
  bool ViaCTR = C.Steps[Call].Branch.Kind == BranchInfo::ToCTR;
  const char *Reg = ViaCTR ? "CTR" : "LR";
  auto Writes = [&](size_t I) { return writesCallRegister(C, I, ViaCTR); };
  // Straight-line code before the call: stop at a label or a branch.
  auto BlockStart = [&](size_t I) {
    return C.IsBranchTarget[I] ||
           (I > 0 && C.Steps[I - 1].Kind != Flow::Normal);
  };

  if (isMovedFromR12OnAllPaths(C, Call))
    return true;

  std::optional<size_t> Setter, R12Def;
  for (size_t I = Call; I-- > 0;) {
    if (Writes(I)) {
      Setter = I;
      break;
    }
    if (!R12Def && D.changesGPR(C.Insns[I], 12))
      R12Def = I;
    if (BlockStart(I))
      break;
  }
  if (!Setter) {
    Why = formatv("no instruction before the call in its block sets {0}", Reg);
    return false;
  }
  Quote.push_back(*Setter);
  std::optional<unsigned> Source = ViaCTR
                                       ? D.getMoveToCTRSource(C.Insns[*Setter])
                                       : D.getMoveToLRSource(C.Insns[*Setter]);
  if (!Source) {
    Why = formatv("{0} is not set by mt{1} from a register", Reg,
                  StringRef(Reg).lower());
    return false;
  }
  auto IsCopyFromSource = [&](size_t I) {
    auto Copy = D.getRegisterCopy(C.Insns[I]);
    return Copy && Copy->first == 12 && Copy->second == *Source;
  };
  // The last write of GPR \p R before instruction \p Before, in the block.
  auto LastWriteBefore = [&](unsigned R,
                             size_t Before) -> std::optional<size_t> {
    for (size_t I = Before; I-- > 0;) {
      if (D.changesGPR(C.Insns[I], R))
        return I;
      if (BlockStart(I))
        break;
    }
    return std::nullopt;
  };
  // LLVM loads a constant target into both registers: `li 3, 4096;
  // li 12, 4096; mtctr 3`. True if \p R12Write loads (li/lis) the value the
  // source's last write before the mt* loaded.
  auto LoadsSameImmediateAsSource = [&](size_t R12Write) {
    std::optional<size_t> SourceWrite = LastWriteBefore(*Source, *Setter);
    if (!SourceWrite)
      return false;
    auto A = D.getLoadedImmediate(C.Insns[R12Write]);
    auto B = D.getLoadedImmediate(C.Insns[*SourceWrite]);
    if (!A || !B || A->second != B->second)
      return false;
    Quote.push_back(*SourceWrite);
    return true;
  };

  if (!R12Def) {
    if (*Source == 12)
      return true;
    // r12 set before the mt*: a copy of the source, which is unchanged
    // from the copy to the mt*.
    if (!BlockStart(*Setter))
      for (size_t I = *Setter; I-- > 0;) {
        if (D.changesGPR(C.Insns[I], 12)) {
          Quote.push_back(I);
          if (IsCopyFromSource(I) || LoadsSameImmediateAsSource(I))
            return true;
          break;
        }
        if (D.changesGPR(C.Insns[I], *Source)) {
          std::optional<size_t> R12Write = LastWriteBefore(12, I);
          if (R12Write && LoadsSameImmediateAsSource(*R12Write)) {
            Quote.push_back(*R12Write);
            return true;
          }
          break;
        }
        if (BlockStart(I))
          break;
      }
    Why = formatv("the target comes from r{0} and r12 is not a copy of it",
                  *Source);
    return false;
  }

  // r12 set between the mt* and the call: `mfctr 12` (`mflr 12`), the
  // plugin's repair, reads the target itself.
  Quote.push_back(*R12Def);
  if (C.Insns[*R12Def].Word ==
      (ViaCTR ? encoding::MoveFromCTRToR12 : encoding::MoveFromLRToR12))
    return true;
  // Or the constant the source held, or `mr 12, source` with the source
  // unchanged in between.
  if (LoadsSameImmediateAsSource(*R12Def))
    return true;
  if (IsCopyFromSource(*R12Def)) {
    bool Clobbered = false;
    for (size_t I = *Setter + 1; I != *R12Def; ++I)
      Clobbered |= D.changesGPR(C.Insns[I], *Source);
    if (!Clobbered)
      return true;
  }
  Why = formatv("r12 is changed after {0} is set and does not hold the "
                "target",
                Reg);
  return false;
}

void Checker::checkIndirectCalls(Code &C,
                                 const std::vector<bool> &BeforeFrame) {
  for (size_t I = 0, N = C.Insns.size(); I != N; ++I) {
    if (C.Steps[I].Kind != Flow::IndirectCall)
      continue;
    std::string Why;
    std::vector<size_t> Quote;
    if (!isTargetInR12(C, I, Why, Quote))
      addFinding(C, Rule::IndirectCall, I,
                 "the target of the indirect call is not provably in r12 (" +
                     Why + "); the callee's global entry derives r2 from r12",
                 Quote);
    uint32_t Next = I + 1 < N ? C.Insns[I + 1].Word : 0;
    if (Next == encoding::LoadTOC)
      continue;
    // The stack-growth exception: the dynlink morestack call, before the
    // frame, reloads r2 from 8(1).
    if (Next == encoding::MorestackReloadTOC && BeforeFrame[I])
      continue;
    addFinding(C, Rule::IndirectCall, I,
               "indirect call is not followed by ld 2,24(1): the callee may "
               "belong to another module and return with its TOC in r2",
               {I + 1});
  }
}

//===----------------------------------------------------------------------===//
// Rule 4: calls that may leave the module
//===----------------------------------------------------------------------===//

void Checker::checkModuleCalls(Code &C) {
  bool Dynlink = callsMayLeaveModule(Conf.Mode);
  for (size_t I = 0, N = C.Insns.size(); I != N; ++I) {
    const Step &S = C.Steps[I];
    if (S.Kind != Flow::Call && S.Kind != Flow::TailBranch)
      continue;
    if (S.Dest.NoTOC) {
      addFinding(C, Rule::Target, I,
                 "call through R_PPC64_REL24_NOTOC (pc-relative code, "
                 "-mcpu=pwr10): the Go TOC conventions cannot hold",
                 {});
      continue;
    }
    std::string Callee = S.Dest.Name;
    if (S.Dest.Kind == Callee::Stub) {
      std::string For = S.Dest.StubFor.empty() ? "" : " for " + S.Dest.StubFor;
      Callee = S.Dest.F ? S.Dest.Name + " (a linker stub" + For + ")"
                        : "a linker stub at " + S.Dest.Name + For;
    }
    if (S.Kind == Flow::TailBranch) {
      if (S.Dest.MayLeave)
        addFinding(C, Rule::DynlinkCall, I,
                   "tail branch to " + Callee +
                       ", which may leave the module: the callee would "
                       "return to our caller with another module's TOC in "
                       "r2",
                   {});
      continue;
    }
    bool NeedsNop = Dynlink || S.Dest.MayLeave;
    if (!NeedsNop)
      continue;
    uint32_t Next = I + 1 < N ? C.Insns[I + 1].Word : 0;
    bool OK =
        Next == encoding::Nop || (!Relocatable && Next == encoding::LoadTOC);
    if (OK)
      continue;
    addFinding(C, Rule::DynlinkCall, I,
               "call to " + Callee +
                   (Dynlink ? " (dynlink: any call may leave the module)"
                            : " (may leave the module)") +
                   " is not followed by a nop" +
                   (Relocatable ? "" : " or ld 2,24(1)") +
                   ": the linker has nowhere to restore r2",
               {I + 1});
  }
}

//===----------------------------------------------------------------------===//
// Rule 5: the deferreturn pad
//===----------------------------------------------------------------------===//

void Checker::checkDeferreturnPad(Code &C) {
  SmallVector<PadInstr, 2> Pad = getDeferreturnPad(Conf.Version, Conf.Mode);
  if (Pad.empty())
    return;
  for (size_t I = 0, N = C.Insns.size(); I != N; ++I) {
    const Step &S = C.Steps[I];
    if ((S.Kind != Flow::Call && S.Kind != Flow::TailBranch) ||
        !isCalleeNamed(S.Dest, Conf.DeferreturnSymbol))
      continue;
    if (S.Kind == Flow::TailBranch) {
      addFinding(C, Rule::DeferreturnPad, I,
                 "tail branch to " + Conf.DeferreturnSymbol +
                     ": jmpdefer returns to the call's address minus 8, "
                     "which needs a padded call",
                 {});
      continue;
    }
    bool OK = I >= Pad.size();
    std::vector<size_t> Quote;
    for (size_t K = 0; K != Pad.size(); ++K) {
      if (I < Pad.size() - K)
        continue;
      size_t At = I - Pad.size() + K;
      Quote.push_back(At);
      OK &= C.Insns[At].Word == encoding::padWord(Pad[K]);
    }
    if (OK)
      continue;
    std::string Expected =
        maintainsTOC(Conf.Mode) ? "nop; ld 2,24(1)" : "nop; nop";
    addFinding(C, Rule::DeferreturnPad, I,
               "call to " + Conf.DeferreturnSymbol + " is not preceded by " +
                   Expected + " (Go " + Conf.Version.str() + ", " +
                   getBuildModeName(Conf.Mode) +
                   "): runtime.jmpdefer re-enters the call 8 bytes early",
               Quote);
  }
}

//===----------------------------------------------------------------------===//
// Rule 6: r2 is the TOC pointer and nothing else
//===----------------------------------------------------------------------===//

/// Whether instruction \p I is the TOC restore of LLVM's __builtin_longjmp
/// (encoding::Longjmp*): `ld 2,24(rB)` in a straight run of code that also
/// loads r1 from 16(rB) and the resume address from 8(rB) into CTR, with rB
/// unchanged between the loads, and ends in `bctr` with nothing writing r2
/// after the restore. The jump resumes a __builtin_setjmp of this module with
/// the TOC it saved.
bool Checker::isLongjmpStackRestore(const Code &C, size_t I) const {
  using namespace encoding;
  std::optional<LoadDoubleword> Load = decodeLoadDoubleword(C.Insns[I].Word);
  if (!Load || Load->RT != 1 || Load->Offset != LongjmpStackOffset)
    return false;
  for (size_t J = I + 1; J < C.Insns.size() && !C.IsBranchTarget[J] &&
                         C.Steps[J - 1].Kind == Flow::Normal;
       ++J) {
    std::optional<LoadDoubleword> TOC = decodeLoadDoubleword(C.Insns[J].Word);
    if (TOC && TOC->RA == Load->RA && isLongjmpTOCRestore(C, J))
      return true;
  }
  return false;
}

bool Checker::isLongjmpTOCRestore(const Code &C, size_t I) const {
  using namespace encoding;
  std::optional<LoadDoubleword> Restore = decodeLoadDoubleword(C.Insns[I].Word);
  if (!Restore || Restore->RT != 2 || Restore->Offset != LongjmpTOCOffset ||
      Restore->RA == 0 || Restore->RA == 1 || Restore->RA == 2)
    return false;
  unsigned Base = Restore->RA;
  size_t N = C.Insns.size();
  // The straight run around I: from a label or the instruction after a
  // branch, to the first branch after I, which must be `bctr`.
  size_t Begin = I;
  while (Begin > 0 && !C.IsBranchTarget[Begin] &&
         C.Steps[Begin - 1].Kind == Flow::Normal)
    --Begin;
  size_t End = I + 1;
  while (End < N && C.Steps[End].Kind == Flow::Normal && !C.IsBranchTarget[End])
    ++End;
  if (End == N || C.IsBranchTarget[End] ||
      C.Steps[End].Kind != Flow::IndirectJump || C.Steps[End].Conditional)
    return false;

  bool StackLoaded = false, TOCLoaded = false, ResumeLoaded = false;
  int Resume = -1; // The GPR holding the resume address, while one does.
  bool ResumeInCTR = false;
  for (size_t J = Begin; J != End; ++J) {
    const Insn &In = C.Insns[J];
    std::optional<LoadDoubleword> L = decodeLoadDoubleword(In.Word);
    bool FromBuffer = L && L->RA == Base;
    if (J == I) {
      TOCLoaded = true;
    } else if (FromBuffer && L->RT == 1 && L->Offset == LongjmpStackOffset) {
      StackLoaded = true;
    } else if (FromBuffer && L->Offset == LongjmpResumeOffset) {
      ResumeLoaded = true;
      Resume = int(L->RT);
      ResumeInCTR = false;
    } else if (std::optional<unsigned> Src = D.getMoveToCTRSource(In)) {
      ResumeInCTR = Resume == int(*Src);
      continue;
    } else {
      if (TOCLoaded && D.writesGPR(In, 2))
        return false;
      if (D.writesCTR(In))
        ResumeInCTR = false;
      if (Resume >= 0 && D.writesGPR(In, unsigned(Resume)))
        Resume = -1;
    }
    // Once a load has read the base, only the last of the three may
    // overwrite it.
    bool AnyLoaded = StackLoaded || TOCLoaded || ResumeLoaded;
    bool AllLoaded = StackLoaded && TOCLoaded && ResumeLoaded;
    if (AnyLoaded && !AllLoaded && D.writesGPR(In, Base))
      return false;
  }
  return StackLoaded && TOCLoaded && ResumeInCTR;
}

void Checker::checkReservedRegisters(Code &C,
                                     const std::vector<bool> &BeforeFrame) {
  if (!reservesTOCRegister(Conf.Version, Conf.Mode))
    return;
  bool HasPrologue =
      C.Insns.size() >= 2 && isGlobalEntry(C.Insns[0].Word, C.Insns[1].Word);
  for (size_t I = 0, N = C.Insns.size(); I != N; ++I) {
    const Insn &In = C.Insns[I];
    if (!D.changesGPR(In, 2))
      continue;
    if (HasPrologue && I < 2)
      continue; // The global entry prologue.
    if (In.Word == encoding::LoadTOC)
      continue; // The reload from the TOC save slot.
    if (isLongjmpTOCRestore(C, I))
      continue; // __builtin_longjmp restores the TOC __builtin_setjmp saved.
    if (In.Word == encoding::MorestackReloadTOC && I > 0 &&
        isMorestackCall(C, I - 1) && BeforeFrame[I - 1])
      continue; // The stack-growth exception.
    addFinding(C, Rule::ReservedRegisters, I,
               "r2, the TOC pointer, is written by an ordinary instruction",
               {});
  }
}

//===----------------------------------------------------------------------===//
// Go's fixed registers (--fixed-regs): the control flow FixedRegsCheck reads
//===----------------------------------------------------------------------===//

static std::vector<FixedRegsStep>
getFixedRegsSteps(const std::vector<Step> &Steps) {
  std::vector<FixedRegsStep> Out(Steps.size());
  for (size_t I = 0, N = Steps.size(); I != N; ++I) {
    const Step &S = Steps[I];
    FixedRegsStep &F = Out[I];
    bool Unknown = false;
    F.Succs = successors(Steps, I, Unknown);
    switch (S.Kind) {
    case Flow::Call:
    case Flow::IndirectCall:
      F.Kind = FixedRegsStep::Call;
      F.What = S.Kind == Flow::Call ? "call to " + S.Dest.Name
                                    : std::string("indirect call");
      break;
    case Flow::TailBranch:
      F.Kind = FixedRegsStep::Exit;
      F.What = "tail branch to " + S.Dest.Name;
      break;
    case Flow::Return:
      F.Kind = FixedRegsStep::Exit;
      F.What = "return";
      break;
    case Flow::IndirectJump:
      F.Kind = FixedRegsStep::IndirectJump;
      F.What = "bctr (a jump table or an indirect tail call)";
      break;
    default:
      break;
    }
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

void Checker::checkFunction(const Function &F) {
  const SectionInfo &SI = Sections[F.SectionIndex];
  uint64_t Base = Relocatable ? 0 : SI.Addr;
  StringRef Bytes = SI.Contents.substr(F.Addr - Base, F.Size);

  Code C;
  C.F = &F;
  for (uint64_t Off = 0; Off + 4 <= Bytes.size();) {
    Insn I = D.decode(arrayRefFromStringRef(Bytes.substr(Off)), F.Addr + Off);
    C.IndexOf[I.Addr] = C.Insns.size();
    Off += I.Size;
    C.Insns.push_back(std::move(I));
  }
  size_t N = C.Insns.size();
  C.Steps.resize(N);
  C.IsBranchTarget.assign(N, false);
  for (size_t I = 0; I != N; ++I) {
    Step &S = C.Steps[I];
    S = classify(F, C.Insns[I]);
    if (S.Kind == Flow::Branch || S.Kind == Flow::LocalCall) {
      uint64_t Target = S.Dest.F ? S.Dest.F->Addr + S.Dest.Offset : 0;
      auto It = C.IndexOf.find(Target);
      if (It != C.IndexOf.end()) {
        S.Target = It->second;
        C.IsBranchTarget[It->second] = true;
      }
    }
  }

  std::vector<bool> BeforeFrame(N);
  if (maintainsTOC(Conf.Mode))
    checkGlobalEntry(C);
  checkTOCSave(C, BeforeFrame);
  if (maintainsTOC(Conf.Mode))
    checkIndirectCalls(C, BeforeFrame);
  if (maintainsTOC(Conf.Mode))
    checkModuleCalls(C);
  checkDeferreturnPad(C);
  checkReservedRegisters(C, BeforeFrame);
  if (Opts.FixedRegs)
    for (FixedRegsFinding &Fd :
         checkFixedRegisters(D, C.Insns, getFixedRegsSteps(C.Steps)))
      addFinding(C, Rule::FixedRegs, Fd.At, Fd.Message, Fd.Quote);
  fileFindings(C);
}

void Checker::run() {
  Relocatable = Obj.getELFFile().getHeader().e_type == ELF::ET_REL;
  switch (Obj.getELFFile().getHeader().e_type) {
  case ELF::ET_REL:
    Report.Kind = "relocatable object";
    break;
  case ELF::ET_EXEC:
    Report.Kind = "executable";
    break;
  case ELF::ET_DYN:
    Report.Kind = "shared object";
    break;
  default:
    Report.Error = "unsupported ELF file type " +
                   utostr(Obj.getELFFile().getHeader().e_type) +
                   " (expected a relocatable object, executable or shared "
                   "object)";
    return;
  }
  if (!validateTables() || !loadSections())
    return;
  std::string GoNote;
  if (std::optional<GoFuncTab> Tab = readGoFuncTab(Obj, GoNote);
      Tab && !Tab->Functions.empty()) // Unreadable: check everything.
    GoTab = std::make_unique<GoFuncTab>(std::move(*Tab));
  if (!GoNote.empty())
    Report.Notes.push_back(GoNote);
  if (!loadFunctions())
    return;
  if (Relocatable && !loadRelocations())
    return;

  if (GoTab)
    Report.Notes.push_back("Go binary (" + GoTab->Format + ", " +
                           utostr(GoTab->Functions.size()) +
                           " Go functions): only Go functions are checked; "
                           "Go's runtime assembly may be a known exception");
  findTOC();
  if (!Relocatable)
    loadPLTSlots();

  // The functions a linked file's relocations are checked in: every
  // checked and every --ignore'd one.
  std::vector<const Function *> Scanned;
  for (auto &FPtr : Functions) {
    Function &F = *FPtr;
    if (F.Size == 0)
      continue; // An end marker (runtime.etext).
    ++Report.NumFunctions;
    if (!Relocatable && isLinkerStub(F.Name)) {
      Report.Stubs.push_back(F.Name);
      continue;
    }
    if (!Relocatable && !Opts.CheckStartupCode &&
        any_of(F.Names,
               [](const std::string &N) { return isStartupCode(N); })) {
      Report.Startup.push_back(F.Name);
      continue;
    }
    if (GoTab) {
      auto It = GoTab->Functions.find(F.Addr);
      if (It == GoTab->Functions.end() ||
          (Relocatable && F.SectionIndex != GoTab->TextSection)) {
        Report.NotGo.push_back(F.Name);
        continue;
      }
      F.GoName = It->second.Name;
      F.IsGoAssembly = It->second.IsAssembly;
    }
    bool Ignored = any_of(Opts.Ignore, [&](const std::shared_ptr<Regex> &R) {
      return any_of(F.Names, [&](const std::string &N) { return R->match(N); });
    });
    Scanned.push_back(&F);
    if (Ignored) {
      Report.Ignored.push_back(F.Name);
      continue;
    }
    ++Report.NumChecked;
    checkFunction(F);
  }
  if (!Relocatable)
    checkUnappliedRelocations(Scanned);
  // Nothing checked is never a pass for an executable or shared object (a
  // stripped file whose functions cannot be found would otherwise conform
  // vacuously). A relocatable object keeps the symbols its linking needs:
  // one without functions holds only data.
  if (Relocatable && Report.NumFunctions == 0)
    Report.Notes.push_back("no function symbols in executable sections: "
                           "nothing to check");
  else if (Report.NumFunctions == 0)
    Report.Error = "no functions found: no function symbols (.symtab, "
                   ".dynsym), no Go function table and no .eh_frame "
                   "entries; nothing to check";
  else if (Report.NumChecked == 0 && Report.Ignored.empty())
    // What --ignore leaves out is the user's choice; the rest is not.
    Report.Error = "none of the " + utostr(Report.NumFunctions) +
                   " functions found is checkable (not Go code, linker stubs "
                   "or C startup code): nothing to check";
}

} // namespace

bool isStartupCode(StringRef Name) {
  // glibc's csu/ (crt1.o's _start, crti.o's _init/_fini, the pre-2.34
  // libc_nonshared.a __libc_csu_*, static-pie's _dl_relocate_static_pie) and
  // libgcc's crtstuff.c (crtbegin*.o, crtend*.o).
  return is_contained({"_start", "_init", "_fini", "__libc_csu_init",
                       "__libc_csu_fini", "_dl_relocate_static_pie",
                       "frame_dummy", "register_tm_clones",
                       "deregister_tm_clones", "__do_global_dtors_aux",
                       "__do_global_ctors_aux"},
                      Name);
}

std::optional<std::string> findUnsupportedInput(const Binary &Bin) {
  const auto *ELF = dyn_cast<ELFObjectFileBase>(&Bin);
  if (!ELF)
    return std::string("not an ELF file");
  if (!isa<ELF64LEObjectFile>(ELF)) {
    if (isa<ELF64BEObjectFile>(ELF))
      return std::string("big-endian ELF64 (ppc64, ELFv1 by default); the Go "
                         "TOC conventions are checked for powerpc64le only");
    return std::string("not a 64-bit little-endian ELF file; the Go TOC "
                       "conventions are checked for powerpc64le only");
  }
  const auto &Obj = cast<ELF64LEObjectFile>(*ELF);
  uint16_t Machine = Obj.getELFFile().getHeader().e_machine;
  if (Machine != ELF::EM_PPC64)
    return ("ELF machine " + Twine(Machine) +
            " is not PowerPC64 (21); the Go TOC conventions are checked for "
            "powerpc64le only")
        .str();
  unsigned ABI = Obj.getPlatformFlags() & ELF::EF_PPC64_ABI;
  if (ABI == 1)
    return std::string("ELFv1 ABI (e_flags 1): the Go TOC conventions need "
                       "ELFv2's global and local entry points");
  if (ABI == 3)
    return std::string("invalid ELF ABI version 3 in e_flags");
  return std::nullopt;
}

void checkObject(const ELF64LEObjectFile &Obj, const CheckOptions &Opts,
                 const PPCDecoder &Decoder, FileReport &Report) {
  Checker(Obj, Opts, Decoder, Report).run();
}

} // namespace checker
} // namespace ppcgoabi
