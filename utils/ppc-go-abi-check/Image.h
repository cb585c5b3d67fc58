//===- Image.h - The ELF file as the checker sees it ------------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The image layer of ppc-go-abi-check: what one ELF file holds, read once
/// and checked for consistency before any rule looks at it. Its sections,
/// its functions (symbols, or a stripped file's Go function table and
/// .eh_frame), its relocations (relocatable files), its TOC pointer and PLT
/// slots (linked files), and the linker's stubs: the one table of stub
/// shapes, by name and by instruction words, lives in Image.cpp.
///
/// It also says where a direct branch goes (resolveBranch): inside the
/// function, to another of its functions, to a symbol, or to a linker stub
/// that may leave the module.
///
/// Checks nothing itself; it gives every rule the same view of the file.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_IMAGE_H
#define PPCGOABI_CHECKER_IMAGE_H

#include "GoFuncTab.h"
#include "PPCDecoder.h"
#include "Report.h"

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Object/ELFObjectFile.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ppcgoabi {
namespace checker {

/// "0x1f" (the checker's notation for addresses in messages).
std::string hex(uint64_t V);

/// One function of the file: a function symbol (aliases merged), or an
/// extent from a stripped file's Go function table or .eh_frame.
struct Function {
  std::string Name;
  /// Every symbol name at this address (Name included).
  llvm::SmallVector<std::string, 1> Names;
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
  unsigned localEntryOffset() const;
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

/// Code the linker generated and named: lld's thunks (__plt_foo,
/// __long_branch_foo, ...) and GNU ld's stubs with --emit-stub-syms
/// (00000000.plt_call.foo, ...). They follow the ELFv2 ABI, not Go's
/// conventions, and are not functions of the program.
bool isLinkerStub(llvm::StringRef Name);

/// Names a Go binary gives a function besides its Go name: the linker's
/// "local." prefix under external linking and the ".abi0" suffix of
/// assembly functions' ABI wrappers.
llvm::StringRef stripDecorations(llvm::StringRef Name);

/// Whether the branch to \p C calls \p Name (through a stub, under any of
/// the callee's names, or its Go name).
bool isCalleeNamed(const Callee &C, llvm::StringRef Name);
/// Whether one of \p C's names starts with \p Prefix.
bool isCalleePrefixed(const Callee &C, llvm::StringRef Prefix);

class Image {
public:
  Image(const llvm::object::ELF64LEObjectFile &Obj, FileReport &Report)
      : Obj(Obj), Report(Report) {}

  /// Reads the file's tables, functions, relocations, TOC pointer and PLT
  /// slots, with notes in the report; false (Report.Error set) if the file
  /// cannot be read.
  bool load();

  /// ET_REL: addresses are section offsets and branches carry relocations.
  bool Relocatable = false;
  /// The module's TOC pointer (linked files).
  std::optional<uint64_t> TOC;
  /// Set for a Go binary with a readable, non-empty function table.
  std::unique_ptr<GoFuncTab> GoTab;
  /// Every function, in symbol table order (the order they are checked in).
  std::vector<std::unique_ptr<Function>> Functions;

  struct SectionInfo {
    uint64_t Addr = 0;
    uint64_t Size = 0;
    llvm::StringRef Contents;
    bool Executable = false;
    std::string Name;
  };
  const SectionInfo &section(uint64_t Index) const {
    return Sections.at(Index);
  }

  /// The function of section \p SectionIndex that contains \p Addr.
  const Function *findFunction(uint64_t SectionIndex, uint64_t Addr) const;
  /// The executable section that contains \p Addr (linked files).
  std::optional<uint64_t> findSectionByAddress(uint64_t Addr) const;
  /// The branch relocation (R_PPC64_REL24, ...) at \p Offset.
  const Reloc *findBranchReloc(uint64_t SectionIndex, uint64_t Offset) const;
  /// The relocation of type \p Type at \p Offset.
  const Reloc *findReloc(uint64_t SectionIndex, uint64_t Offset,
                         uint32_t Type) const;

  /// Where the direct branch \p I of \p F (fields \p B) goes, under \p Mode.
  Callee resolveBranch(const Function &F, const Insn &I, const BranchInfo &B,
                       BuildMode Mode) const;

private:
  bool validateTables();
  bool loadSections();
  bool loadFunctions();
  void addUnnamedFunctions();
  bool loadRelocations();
  void findTOC();
  void loadPLTSlots();

  // Linker stubs by their instruction words (the shapes are in Image.cpp).
  std::string identifyStub(uint64_t Addr) const;
  bool looksLikeStub(uint64_t Addr) const;
  bool isGlinkResolver(uint64_t Addr) const;
  uint32_t wordAt(uint64_t Addr, unsigned Index) const;

  const llvm::object::ELF64LEObjectFile &Obj;
  FileReport &Report;

  std::map<uint64_t, SectionInfo> Sections;
  /// Per section index, sorted by address.
  std::map<uint64_t, std::vector<const Function *>> FunctionsBySection;
  /// Relocations by section index and (word-aligned) offset.
  std::map<uint64_t, llvm::DenseMap<uint64_t, llvm::SmallVector<Reloc, 1>>>
      Relocs;
  /// Number of entries of each symbol table, by section index.
  std::map<uint64_t, uint64_t> SymbolCounts;
  /// Linked files: the symbol of each dynamic relocation, by address (the
  /// PLT slots GNU ld's call stubs load from).
  llvm::DenseMap<uint64_t, std::string> PLTSlots;
};

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_IMAGE_H
