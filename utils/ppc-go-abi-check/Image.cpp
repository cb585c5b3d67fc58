//===- Image.cpp - The ELF file as the checker sees it --------------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Guarantees:
// - Every function symbol (STT_FUNC in an executable section; extent = size,
//   or up to the next function symbol when the size is 0) becomes a
//   Function; a stripped file's functions come from .dynsym, the Go function
//   table and .eh_frame, with a note saying so. Nothing is dropped without a
//   note.
// - Malformed input is reported through FileReport::Error; every read from
//   the file is checked, so no input makes the checker crash.
// - The linker's stubs are recognised from one table of shapes (StubNames
//   by symbol name, StubLoads by instruction words): isLinkerStub, the PLT
//   stubs a call may leave the module through, the callee a stub names, and
//   the raw-word recognition all read it.
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

#include "Image.h"

#include "EHFrame.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/Endian.h"

#include <algorithm>
#include <set>

using namespace llvm;
using namespace llvm::object;

namespace ppcgoabi {
namespace checker {

std::string hex(uint64_t V) { return "0x" + utohexstr(V, /*LowerCase=*/true); }

unsigned Function::localEntryOffset() const {
  if (!OtherKnown)
    return 8; // The global entry prologue's length, if it has one.
  // ELFv2 ABI: values 2-6 of the st_other field encode 1 << value bytes
  // (in instructions: 1, 2, 4, 8, 16); 0 and 1 mean "at the global entry".
  unsigned V = (Other & encoding::StOtherLocalEntryMask) >> 5;
  return V >= 2 && V <= 6 ? 1u << V : 0;
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

bool Image::load() {
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
    return false;
  }
  if (!validateTables() || !loadSections())
    return false;
  std::string GoNote;
  if (std::optional<GoFuncTab> Tab = readGoFuncTab(Obj, GoNote);
      Tab && !Tab->Functions.empty()) // Unreadable: check everything.
    GoTab = std::make_unique<GoFuncTab>(std::move(*Tab));
  if (!GoNote.empty())
    Report.Notes.push_back(GoNote);
  if (!loadFunctions())
    return false;
  if (Relocatable && !loadRelocations())
    return false;

  if (GoTab)
    Report.Notes.push_back("Go binary (" + GoTab->Format + ", " +
                           utostr(GoTab->Functions.size()) +
                           " Go functions): only Go functions are checked; "
                           "Go's runtime assembly may be a known exception");
  findTOC();
  if (!Relocatable)
    loadPLTSlots();
  return true;
}

bool Image::validateTables() {
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

bool Image::loadSections() {
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

bool Image::loadFunctions() {
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

void Image::addUnnamedFunctions() {
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

bool Image::loadRelocations() {
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

void Image::findTOC() {
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

void Image::loadPLTSlots() {
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
}

//===----------------------------------------------------------------------===//
// Linker stubs: the one table of their shapes
//===----------------------------------------------------------------------===//

namespace {

/// A linker stub's symbol: a prefix (lld's thunks) or an infix (GNU ld's
/// --emit-stub-syms, 00000000.plt_call.foo+0) of its name.
struct StubNameShape {
  const char *Text;
  bool Infix;
  /// A PLT stub: a call through it may reach another module. Its name ends
  /// with the callee's (before any "+addend").
  bool PLT;
};

/// Prefixes first, and for each kind the PLT stubs in the order their
/// callee is looked for (__plt_pcrel_foo names foo, not pcrel_foo).
constexpr StubNameShape StubNames[] = {
    {"__plt_pcrel_", false, true},    {"__plt_", false, true},
    {"__long_branch_", false, false}, {"__toc_save_", false, false},
    {"__gep_setup_", false, false},   {"__glink_PLTresolve", false, false},
    {".plt_call.", true, true},       {".plt_branch.", true, true},
    {".long_branch.", true, false},   {".plt_pcrel.", true, true},
};

/// The first shape of the table \p Name matches (a PLT one if \p PLTOnly),
/// and where its text is in the name.
const StubNameShape *matchStubName(StringRef Name, bool PLTOnly, size_t &At) {
  for (const StubNameShape &S : StubNames) {
    if (PLTOnly && !S.PLT)
      continue;
    At = S.Infix ? Name.find(S.Text)
                 : (Name.starts_with(S.Text) ? 0 : StringRef::npos);
    if (At != StringRef::npos)
      return &S;
  }
  return nullptr;
}

/// A PLT stub's symbol (isPLTStub), through which a call may leave the module.
bool isPLTStub(StringRef Name) {
  size_t At;
  return matchStubName(Name, /*PLTOnly=*/true, At);
}

/// The symbol a named PLT stub calls: __plt_foo (lld),
/// 00000000.plt_call.foo+0 (GNU ld --emit-stub-syms).
std::string getPLTStubTarget(StringRef Name) {
  size_t At;
  const StubNameShape *S = matchStubName(Name, /*PLTOnly=*/true, At);
  if (!S)
    return "";
  StringRef Rest = Name.substr(At + StringRef(S->Text).size());
  return (S->Infix ? Rest.split('+').first : Rest).str();
}

/// One instruction word of a stub: Word & Mask == Value.
struct StubWord {
  uint32_t Mask, Value;
  bool matches(uint32_t W) const { return (W & Mask) == Value; }
};

/// How a linker's call stub loads the callee's address into r12 from the
/// GOT/PLT. The whole stub is [std 2,24(1);] then one of these, then
/// mtctr 12; bctr.
struct StubLoadShape {
  const char *Form;
  unsigned NumWords;
  StubWord Words[2];
  /// GNU ld's ELFv2 PLT call stubs (which always start with std 2,24(1)):
  /// the slot they load is .TOC. + the sign-extended displacements of the
  /// words; its dynamic relocation names the callee.
  bool NamesCallee;
};

constexpr StubLoadShape StubLoads[] = {
    {"ld 12,lo(2)", 1, {{0xffff0003, 0xe9820000}, {0, 0}}, true},
    {"addis 12,2,hi; ld 12,lo(12)",
     2,
     {{0xffff0000, 0x3d820000}, {0xffff0003, 0xe98c0000}},
     true},
    {"addis 11,2,hi; ld 12,lo(11)",
     2,
     {{0xffff0000, 0x3d620000}, {0xffff0003, 0xe98b0000}},
     false},
    {"pld 12 (prefix, then the load word)",
     2,
     {{0xfc000000, 0x04000000}, {0xffe00000, 0xe5800000}},
     false},
};

/// The stub's jump, after the load.
constexpr uint32_t StubTail[] = {0x7d8903a6 /* mtctr 12 */,
                                 0x4e800420 /* bctr */};

/// GNU ld's __glink_PLTresolve (it has an FDE): mflr 0 (or mflr 12);
/// bcl 20,31,.+4; mflr 11 (it finds its own address).
constexpr uint32_t GlinkResolverFirst[] = {0x7c0802a6, 0x7d8802a6};
constexpr uint32_t GlinkResolverRest[] = {0x429f0005, 0x7d6802a6};

/// The load shape among StubLoads at words \p I.. of \p Word.
template <typename WordFn>
const StubLoadShape *matchStubLoad(WordFn Word, unsigned I) {
  for (const StubLoadShape &S : StubLoads) {
    bool Matches = true;
    for (unsigned K = 0; K != S.NumWords; ++K)
      Matches &= S.Words[K].matches(Word(I + K));
    if (Matches)
      return &S;
  }
  return nullptr;
}

} // namespace

bool isLinkerStub(StringRef Name) {
  size_t At;
  return matchStubName(Name, /*PLTOnly=*/false, At);
}

uint32_t Image::wordAt(uint64_t Addr, unsigned Index) const {
  // 0 (no stub word) past the end of the section.
  std::optional<uint64_t> SecIdx = findSectionByAddress(Addr);
  if (!SecIdx)
    return 0;
  const SectionInfo &SI = Sections.at(*SecIdx);
  uint64_t Off = Addr - SI.Addr + 4 * uint64_t(Index);
  if (Off + 4 > SI.Contents.size())
    return 0;
  return support::endian::read32le(SI.Contents.data() + Off);
}

std::string Image::identifyStub(uint64_t Addr) const {
  if (!TOC || !findSectionByAddress(Addr))
    return "";
  auto Word = [&](unsigned I) { return wordAt(Addr, I); };
  if (Word(0) != encoding::SaveTOC)
    return "";
  const StubLoadShape *S = matchStubLoad(Word, 1);
  if (!S || !S->NamesCallee)
    return "";
  auto SExt16 = [](uint32_t W) { return int64_t(int16_t(W & 0xffff)); };
  // The last word is the ld (a DS-form displacement); one before it, the
  // addis (a high-adjusted displacement).
  uint64_t Slot = *TOC + uint64_t(SExt16(Word(S->NumWords) & ~3u));
  if (S->NumWords == 2)
    Slot += uint64_t(SExt16(Word(1)) << 16);
  auto It = PLTSlots.find(Slot);
  return It == PLTSlots.end() ? "" : It->second;
}

bool Image::isGlinkResolver(uint64_t Addr) const {
  std::optional<uint64_t> SecIdx = findSectionByAddress(Addr);
  if (!SecIdx)
    return false;
  return is_contained(GlinkResolverFirst, wordAt(Addr, 0)) &&
         wordAt(Addr, 1) == GlinkResolverRest[0] &&
         wordAt(Addr, 2) == GlinkResolverRest[1];
}

bool Image::looksLikeStub(uint64_t Addr) const {
  // Code without a symbol that does not look like a call stub is one of the
  // module's own functions (a stripped file's static function).
  if (!findSectionByAddress(Addr))
    return true; // Not code of this file: the branch leaves it anyway.
  auto Word = [&](unsigned I) { return wordAt(Addr, I); };
  unsigned I = Word(0) == encoding::SaveTOC ? 1 : 0;
  const StubLoadShape *S = matchStubLoad(Word, I);
  if (!S)
    return false;
  I += S->NumWords;
  return Word(I) == StubTail[0] && Word(I + 1) == StubTail[1];
}

const Function *Image::findFunction(uint64_t SectionIndex,
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

std::optional<uint64_t> Image::findSectionByAddress(uint64_t Addr) const {
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

const Reloc *Image::findReloc(uint64_t SectionIndex, uint64_t Offset,
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

const Reloc *Image::findBranchReloc(uint64_t SectionIndex,
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
// Callees
//===----------------------------------------------------------------------===//

/// Names a Go binary gives a function besides its Go name: the linker's
/// "local." prefix under external linking and the ".abi0" suffix of
/// assembly functions' ABI wrappers.
StringRef stripDecorations(StringRef Name) {
  Name.consume_front("local.");
  Name.consume_back(".abi0");
  return Name;
}

bool isCalleeNamed(const Callee &C, StringRef Name) {
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

bool isCalleePrefixed(const Callee &C, StringRef Prefix) {
  if (C.Kind == Callee::Stub)
    return !C.StubFor.empty() &&
           stripDecorations(C.StubFor).starts_with(Prefix);
  if (C.F)
    return any_of(C.F->Names, [&](const std::string &N) {
      return stripDecorations(N).starts_with(Prefix);
    });
  return stripDecorations(C.Name).starts_with(Prefix);
}

Callee Image::resolveBranch(const Function &F, const Insn &I,
                            const BranchInfo &B, BuildMode Mode) const {
  Callee C;
  bool Dynlink = callsMayLeaveModule(Mode);
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

} // namespace checker
} // namespace ppcgoabi
