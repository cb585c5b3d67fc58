//===- GoFuncTab.cpp - The function table of a Go binary ------------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Every read is bounds-checked against the section that holds the table: a
// damaged table yields a note and no table, never a crash.
//
// Layout (Go 1.18+, 64-bit; runtime/symtab.go pcHeader, runtime2.go _func,
// cmd/link/internal/ld/pcln.go generatePCHeader and writeFuncs):
//
//   pcHeader   magic u32, pad u8 u8, minLC u8, ptrSize u8, nfunc u64,
//              nfiles u64, textStart u64, funcnameOffset u64, cuOffset u64,
//              filetabOffset u64, pctabOffset u64, pclnOffset u64
//   functab    at pclnOffset: nfunc+1 pairs {entryoff u32, funcoff u32}
//   _func      at pclnOffset+funcoff: entryoff u32, nameoff i32, 7 more u32
//              (Go 1.20+: 8), then funcID u8, flag u8
//   names      NUL-terminated, at funcnameOffset+nameoff
//
//===----------------------------------------------------------------------===//

#include "GoFuncTab.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/Endian.h"

using namespace llvm;
using namespace llvm::object;

namespace ppcgoabi {
namespace checker {

namespace {

constexpr uint32_t MagicGo118 = 0xfffffff0; // Go 1.18, 1.19
constexpr uint32_t MagicGo120 = 0xfffffff1; // Go 1.20 and later
constexpr uint8_t FuncFlagASM = 1 << 2;     // runtime/symtab.go funcFlag_ASM

/// Bounds-checked little-endian reads from the table's bytes.
class Reader {
public:
  explicit Reader(StringRef Data) : Data(Data) {}
  bool in(uint64_t Off, uint64_t Size) const {
    return Off <= Data.size() && Size <= Data.size() - Off;
  }
  std::optional<uint64_t> u64(uint64_t Off) const {
    if (!in(Off, 8))
      return std::nullopt;
    return support::endian::read64le(Data.data() + Off);
  }
  std::optional<uint32_t> u32(uint64_t Off) const {
    if (!in(Off, 4))
      return std::nullopt;
    return support::endian::read32le(Data.data() + Off);
  }
  std::optional<uint8_t> u8(uint64_t Off) const {
    if (!in(Off, 1))
      return std::nullopt;
    return uint8_t(Data[Off]);
  }
  std::optional<StringRef> cstr(uint64_t Off) const {
    if (Off >= Data.size())
      return std::nullopt;
    StringRef S = Data.substr(Off);
    size_t End = S.find('\0');
    if (End == StringRef::npos)
      return std::nullopt;
    return S.substr(0, End);
  }

private:
  StringRef Data;
};

} // namespace

/// A candidate pclntab: its bytes (to the end of its section) and address.
struct TableCandidate {
  StringRef Data;
  uint64_t Addr = 0;
};

/// The bytes from the start of the pclntab to the end of its section, and
/// the value of runtime.text (and its section, for relocatable files).
static std::optional<TableCandidate> findTable(const ELF64LEObjectFile &Obj,
                                               uint64_t &TextSymbol,
                                               uint64_t &TextSection) {
  bool Relocatable = Obj.getELFFile().getHeader().e_type == ELF::ET_REL;
  std::optional<TableCandidate> Table;
  for (const SymbolRef &Sym : Obj.symbols()) {
    Expected<StringRef> Name = Sym.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    if (*Name != "runtime.pclntab" && *Name != "runtime.text")
      continue;
    Expected<uint64_t> Value = Sym.getValue();
    Expected<section_iterator> Sec = Sym.getSection();
    if (!Value || !Sec || *Sec == Obj.section_end()) {
      if (!Value)
        consumeError(Value.takeError());
      if (!Sec)
        consumeError(Sec.takeError());
      continue;
    }
    if (*Name == "runtime.text") {
      TextSymbol = *Value;
      TextSection = (*Sec)->getIndex();
      continue;
    }
    // Symbol values are section offsets in relocatable files.
    uint64_t Off = *Value - (Relocatable ? 0 : (*Sec)->getAddress());
    Expected<StringRef> Contents = (*Sec)->getContents();
    if (!Contents) {
      consumeError(Contents.takeError());
      continue;
    }
    if (Off < Contents->size())
      Table = TableCandidate{Contents->substr(Off), *Value};
  }
  if (Table)
    return Table;
  for (const SectionRef &Sec : Obj.sections()) {
    Expected<StringRef> Name = Sec.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    if (!Name->ends_with(".gopclntab") || Sec.isVirtual())
      continue;
    Expected<StringRef> Contents = Sec.getContents();
    if (!Contents) {
      consumeError(Contents.takeError());
      return std::nullopt;
    }
    return TableCandidate{*Contents, Sec.getAddress()};
  }
  return std::nullopt;
}

/// A stripped, externally linked Go binary (c-shared, plugin, -linkmode=
/// external with -s) has neither runtime.pclntab nor a .gopclntab section:
/// the system linker merged the table into .data.rel.ro. If the file says it
/// was built by Go (its .note.go.buildid or .go.buildinfo section), the
/// table is found by its header: the magic, zero padding, the instruction
/// size quantum 4 and pointer size 8 (runtime/symtab.go pcHeader).
static std::vector<TableCandidate> scanForTable(const ELF64LEObjectFile &Obj) {
  std::vector<TableCandidate> Found;
  bool IsGo = false;
  for (const SectionRef &Sec : Obj.sections()) {
    Expected<StringRef> Name = Sec.getName();
    if (!Name) {
      consumeError(Name.takeError());
      continue;
    }
    IsGo |= *Name == ".note.go.buildid" || *Name == ".go.buildinfo";
  }
  if (!IsGo)
    return Found;
  for (const SectionRef &Sec : Obj.sections()) {
    if (Sec.isText() || Sec.isVirtual() ||
        !(ELFSectionRef(Sec).getFlags() & ELF::SHF_ALLOC))
      continue;
    Expected<StringRef> Contents = Sec.getContents();
    if (!Contents) {
      consumeError(Contents.takeError());
      continue;
    }
    StringRef D = *Contents;
    // The linker aligns the table (Go: 32 bytes); 8 is enough to try.
    for (uint64_t Off = 0; Off + 8 <= D.size(); Off += 8) {
      uint32_t Magic = support::endian::read32le(D.data() + Off);
      if ((Magic != MagicGo118 && Magic != MagicGo120) || D[Off + 4] != 0 ||
          D[Off + 5] != 0 || D[Off + 6] != 4 || D[Off + 7] != 8)
        continue;
      Found.push_back({D.substr(Off), Sec.getAddress() + Off});
    }
  }
  return Found;
}

/// The value of the 8-byte field at \p Addr once the dynamic loader has
/// relocated it: the addend of its R_PPC64_RELATIVE relocation.
static std::optional<uint64_t> findRelativeValue(const ELF64LEObjectFile &Obj,
                                                 uint64_t Addr) {
  const auto &EF = Obj.getELFFile();
  auto Secs = EF.sections();
  if (!Secs) {
    consumeError(Secs.takeError());
    return std::nullopt;
  }
  for (const auto &Sec : *Secs) {
    if (Sec.sh_type != ELF::SHT_RELA)
      continue;
    auto Relas = EF.relas(Sec);
    if (!Relas) {
      consumeError(Relas.takeError());
      continue;
    }
    for (const auto &R : *Relas)
      if (R.r_offset == Addr && R.getType(false) == ELF::R_PPC64_RELATIVE)
        return uint64_t(R.r_addend);
  }
  return std::nullopt;
}

static std::optional<GoFuncTab>
parseTable(const ELF64LEObjectFile &Obj, const TableCandidate &Cand,
           uint64_t TextSymbol, uint64_t TextSection, std::string &Note);

std::optional<GoFuncTab> readGoFuncTab(const ELF64LEObjectFile &Obj,
                                       std::string &Note) {
  uint64_t TextSymbol = 0, TextSection = 0;
  if (std::optional<TableCandidate> Table =
          findTable(Obj, TextSymbol, TextSection))
    return parseTable(Obj, *Table, TextSymbol, TextSection, Note);
  if (Obj.getELFFile().getHeader().e_type == ELF::ET_REL)
    return std::nullopt;
  for (const TableCandidate &Cand : scanForTable(Obj)) {
    std::string CandNote;
    std::optional<GoFuncTab> Tab = parseTable(Obj, Cand, 0, 0, CandNote);
    if (Tab && !Tab->Functions.empty()) {
      Tab->Format += ", found by its header (no runtime.pclntab symbol)";
      return Tab;
    }
  }
  return std::nullopt;
}

static std::optional<GoFuncTab>
parseTable(const ELF64LEObjectFile &Obj, const TableCandidate &Cand,
           uint64_t TextSymbol, uint64_t TextSection, std::string &Note) {
  GoFuncTab Tab;
  Tab.TextSection = TextSection;
  std::optional<StringRef> Data = Cand.Data;
  Reader R(*Data);
  auto Unreadable = [&](const Twine &Why) {
    Note = ("a Go function table (pclntab) is present but " + Why +
            "; every function symbol is checked as Go code")
               .str();
    Tab.Functions.clear();
    return Tab;
  };

  std::optional<uint32_t> Magic = R.u32(0);
  if (!Magic)
    return Unreadable("truncated");
  if (*Magic != MagicGo118 && *Magic != MagicGo120)
    return Unreadable("its format (magic 0x" + Twine::utohexstr(*Magic) +
                      ") predates Go 1.18");
  if (R.u8(7) != uint8_t(8))
    return Unreadable("it is not for a 64-bit target");
  std::optional<uint64_t> NFunc = R.u64(8), TextStart = R.u64(24),
                          NameOff = R.u64(32), PclnOff = R.u64(64);
  if (!NFunc || !TextStart || !NameOff || !PclnOff)
    return Unreadable("its header is truncated");
  // Position-independent binaries may leave textStart to a dynamic
  // relocation; runtime.text is the same address.
  uint64_t Text = *TextStart ? *TextStart : TextSymbol;
  if (!Text && Obj.getELFFile().getHeader().e_type != ELF::ET_REL) {
    std::optional<uint64_t> Relocated = findRelativeValue(Obj, Cand.Addr + 24);
    if (!Relocated)
      return Unreadable("the start of its text is unknown (no runtime.text "
                        "and no relocation of pcHeader.textStart)");
    Text = *Relocated;
  }
  if (!R.in(*PclnOff, 0) || *NFunc > (Data->size() - *PclnOff) / 8)
    return Unreadable("its function count does not fit the table");
  // Go 1.20 added startLine before funcID and flag.
  uint64_t FlagOffset = *Magic == MagicGo118 ? 37 : 41;

  Tab.Format =
      *Magic == MagicGo118 ? "Go 1.18-1.19 pclntab" : "Go 1.20+ pclntab";
  for (uint64_t I = 0; I != *NFunc; ++I) {
    std::optional<uint32_t> EntryOff = R.u32(*PclnOff + I * 8),
                            FuncOff = R.u32(*PclnOff + I * 8 + 4);
    if (!EntryOff || !FuncOff)
      return Unreadable("its function list is truncated");
    uint64_t Func = *PclnOff + *FuncOff;
    std::optional<uint32_t> NameOffset = R.u32(Func + 4);
    std::optional<uint8_t> Flag = R.u8(Func + FlagOffset);
    if (!NameOffset || !Flag)
      return Unreadable("a function record is out of bounds");
    std::optional<StringRef> Name =
        R.cstr(*NameOff + uint64_t(int64_t(int32_t(*NameOffset))));
    if (!Name)
      return Unreadable("a function name is out of bounds");
    GoFunc &F = Tab.Functions[Text + *EntryOff];
    F.Name = Name->str();
    F.IsAssembly = *Flag & FuncFlagASM;
    // The table has nfunc+1 entries: the last one is the end of the text.
    std::optional<uint32_t> NextOff = R.u32(*PclnOff + (I + 1) * 8);
    if (NextOff && *NextOff > *EntryOff)
      F.Size = *NextOff - *EntryOff;
  }
  return Tab;
}

} // namespace checker
} // namespace ppcgoabi
