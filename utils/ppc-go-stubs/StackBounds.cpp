//===- StackBounds.cpp - Bounded stack use of C functions -----------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A stub runs its C function on the goroutine's stack, inside a Go frame as
// large as the function's bound (docs/GoIntegration.md, "ppc-go-stubs",
// explains why not on the system stack). The bound must hold for the code
// that is linked, so it is read from that code, not estimated from the IR:
//
//   bound(f) = frame(f) + max(288, bound(g) for every g that f calls)
//
// frame(f) is f's .stack_sizes entry: LLVM's AsmPrinter writes one
// (address, ULEB128 size) pair per function when the object is compiled
// with -stack-size-section (llc) or -fstack-size-section (clang), and none
// for a function with variable-sized stack objects, which is how a dynamic
// alloca shows here. 288 is ELFv2's protected zone below r1, which leaf
// functions use without allocating. The callees are the targets of the
// object's R_PPC64_REL24/REL24_NOTOC/REL14 relocations in executable
// sections (calls and tail branches); an indirect call leaves no
// relocation, so it is taken from the IR of the same module, and so are
// the IR's direct calls (a call within one section can be resolved by the
// assembler without a relocation). A cycle, an
// indirect call, a callee the object does not define (unless the user gives
// its bound with --assume-stack) and a missing .stack_sizes entry each make
// the bound unknown, and the stub is refused. The user may give the bound of
// a function's indirect callees (--assume-indirect): it then counts as one
// more callee.
//
//===----------------------------------------------------------------------===//

#include "StackBounds.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/DataExtractor.h"
#include "llvm/Support/Error.h"

#include <algorithm>
#include <map>

using namespace llvm;
using namespace llvm::object;

namespace ppcgoabi {
namespace stubs {

namespace {

// A function symbol's place, to resolve section-relative relocations.
struct FuncSym {
  uint64_t Value;
  uint64_t Size;
  std::string Name;
};

using SectionFuncs = std::map<uint64_t, std::vector<FuncSym>>;

const FuncSym *findFunc(const SectionFuncs &BySection, uint64_t SecIndex,
                        uint64_t Offset, bool Containing) {
  auto It = BySection.find(SecIndex);
  if (It == BySection.end())
    return nullptr;
  for (const FuncSym &F : It->second) {
    if (F.Value == Offset)
      return &F;
    if (Containing && F.Value <= Offset && Offset < F.Value + F.Size)
      return &F;
  }
  return nullptr;
}

bool makesIndirectCall(const Function &F) {
  for (const Instruction &I : instructions(F)) {
    const auto *CB = dyn_cast<CallBase>(&I);
    if (CB && !CB->getCalledFunction() && !CB->isInlineAsm())
      return true;
  }
  return false;
}

} // namespace

bool StackBounds::load(const ObjectFile &Obj, const Module &M,
                       std::string &Error) {
  const auto *ELF = dyn_cast<ELF64LEObjectFile>(&Obj);
  if (!ELF || ELF->getELFFile().getHeader().e_machine != ELF::EM_PPC64) {
    Error = "is not a powerpc64le ELF object";
    return false;
  }
  if (ELF->getELFFile().getHeader().e_type != ELF::ET_REL) {
    Error = "is not a relocatable object (compile with -c)";
    return false;
  }

  // The object's functions, by section and offset.
  SectionFuncs BySection;
  for (const ELFSymbolRef &Sym : ELF->symbols()) {
    if (Sym.getELFType() != ELF::STT_FUNC)
      continue;
    auto Name = Sym.getName();
    auto Sec = Sym.getSection();
    auto Value = Sym.getValue();
    if (!Name || !Sec || !Value) {
      Error = "has an unreadable symbol table";
      consumeError(Name.takeError());
      consumeError(Sec.takeError());
      consumeError(Value.takeError());
      return false;
    }
    if (*Sec == ELF->section_end())
      continue;
    FuncInfo &Info = Funcs[*Name];
    Info.Global = Sym.getBinding() != ELF::STB_LOCAL;
    BySection[(*Sec)->getIndex()].push_back(
        {*Value, Sym.getSize(), Name->str()});
  }

  // Resolves a relocation's symbol (+ addend) to a function name; section
  // symbols of a section are resolved through the function at the addend.
  auto target = [&](const RelocationRef &R, std::string &Name) {
    symbol_iterator S = R.getSymbol();
    if (S == ELF->symbol_end())
      return false;
    ELFSymbolRef Sym(*S);
    if (Sym.getELFType() == ELF::STT_SECTION) {
      auto Sec = Sym.getSection();
      auto Addend = ELFRelocationRef(R).getAddend();
      if (!Sec || !Addend || *Sec == ELF->section_end()) {
        consumeError(Sec.takeError());
        consumeError(Addend.takeError());
        return false;
      }
      const FuncSym *F =
          findFunc(BySection, (*Sec)->getIndex(), *Addend, false);
      if (!F)
        return false;
      Name = F->Name;
      return true;
    }
    auto N = Sym.getName();
    if (!N) {
      consumeError(N.takeError());
      return false;
    }
    Name = N->str();
    return true;
  };

  bool HaveStackSizes = false;
  for (const SectionRef &RelSec : ELF->sections()) {
    auto Target = RelSec.getRelocatedSection();
    if (!Target) {
      Error = toString(Target.takeError());
      return false;
    }
    if (*Target == ELF->section_end())
      continue;
    const SectionRef &Sec = **Target;
    auto SecName = Sec.getName();
    if (!SecName) {
      Error = toString(SecName.takeError());
      return false;
    }

    if (*SecName == ".stack_sizes") {
      HaveStackSizes = true;
      auto Contents = Sec.getContents();
      if (!Contents) {
        Error = toString(Contents.takeError());
        return false;
      }
      std::map<uint64_t, std::string> AtOffset;
      for (const RelocationRef &R : RelSec.relocations()) {
        std::string Name;
        if (target(R, Name))
          AtOffset[R.getOffset()] = Name;
      }
      DataExtractor Data(*Contents, /*IsLittleEndian=*/true, 8);
      DataExtractor::Cursor C(0);
      while (C && C.tell() < Contents->size()) {
        uint64_t EntryOffset = C.tell();
        Data.getU64(C);
        uint64_t Size = Data.getULEB128(C);
        if (!C)
          break;
        auto It = AtOffset.find(EntryOffset);
        if (It != AtOffset.end())
          Funcs[It->second].FrameSize = Size;
      }
      if (!C) {
        Error =
            "has a malformed .stack_sizes section: " + toString(C.takeError());
        return false;
      }
      continue;
    }

    if (!(ELFSectionRef(Sec).getFlags() & ELF::SHF_EXECINSTR))
      continue;
    for (const RelocationRef &R : RelSec.relocations()) {
      uint64_t Type = R.getType();
      if (Type != ELF::R_PPC64_REL24 && Type != ELF::R_PPC64_REL24_NOTOC &&
          Type != ELF::R_PPC64_REL14)
        continue;
      const FuncSym *Caller =
          findFunc(BySection, Sec.getIndex(), R.getOffset(), true);
      if (!Caller)
        continue;
      // A branch whose target is no function of the object is a call to an
      // unknown function ("?section+offset"): never dropped, or the bound
      // would be too low.
      std::string Callee;
      if (!target(R, Callee))
        Callee = "?" + SecName->str() + "+0x" +
                 utohexstr(R.getOffset(), /*LowerCase=*/true);
      // A function's branches to its own symbol are calls (recursion):
      // LLVM branches within a function to local labels, not to symbols.
      std::vector<std::string> &Cs = Funcs[Caller->Name].Callees;
      if (std::find(Cs.begin(), Cs.end(), Callee) == Cs.end())
        Cs.push_back(Callee);
    }
  }
  if (!HaveStackSizes) {
    Error = "has no .stack_sizes section: compile it with "
            "-fstack-size-section (clang) or -stack-size-section (llc)";
    return false;
  }

  for (const Function &F : M) {
    if (F.isDeclaration())
      continue;
    auto It = Funcs.find(F.getName());
    if (It == Funcs.end())
      continue;
    FuncInfo &Info = It->second;
    Info.InIR = true;
    Info.IndirectCall = makesIndirectCall(F);
    // Direct calls the assembler resolved without a relocation (to a
    // function in the same section without a local entry) are only in the
    // IR: add its direct calls too. An extra edge can only raise the bound.
    for (const Instruction &I : instructions(F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
      if (!Callee || Callee->isIntrinsic())
        continue;
      std::string Name = Callee->getName().str();
      if (std::find(Info.Callees.begin(), Info.Callees.end(), Name) ==
          Info.Callees.end())
        Info.Callees.push_back(Name);
    }
  }
  return true;
}

bool StackBounds::definesGlobal(StringRef Fn) const {
  auto It = Funcs.find(Fn);
  return It != Funcs.end() && It->second.Global;
}

std::optional<uint64_t> StackBounds::frameSize(StringRef Fn) const {
  auto It = Funcs.find(Fn);
  if (It == Funcs.end())
    return std::nullopt;
  return It->second.FrameSize;
}

std::string StackBounds::chain(StringRef Last) const {
  std::string S;
  for (const std::string &F : Path)
    S += F + " -> ";
  return S + Last.str();
}

std::optional<uint64_t> StackBounds::bound(StringRef Fn, std::string &Error) {
  Path.clear();
  return visit(Fn, Error);
}

std::optional<uint64_t> StackBounds::visit(StringRef Fn, std::string &Error) {
  auto Memoized = Memo.find(Fn);
  if (Memoized != Memo.end())
    return Memoized->second;
  auto Assumption = Assumed.find(Fn);
  if (Assumption != Assumed.end())
    return Assumption->second;
  if (std::find(Path.begin(), Path.end(), Fn) != Path.end()) {
    Error = "unbounded stack: recursion (" + chain(Fn) + ")";
    return std::nullopt;
  }
  auto It = Funcs.find(Fn);
  if (It == Funcs.end() && Fn.starts_with("?")) {
    Error = "unbounded stack: the branch at " + Fn.drop_front().str() +
            " goes to no function of the object (" + chain("?") + ")";
    return std::nullopt;
  }
  if (It == Funcs.end()) {
    Error = "unbounded stack: calls " + Fn.str() +
            ", which the object does not define (" + chain(Fn) +
            "); give its stack use with --assume-stack=" + Fn.str() + "=BYTES";
    return std::nullopt;
  }
  const FuncInfo &Info = It->second;
  if (!Info.FrameSize) {
    Error = "unbounded stack: " + Fn.str() +
            " has no .stack_sizes entry, so it allocates stack at run time "
            "(alloca with a variable size, a variable-length array) (" +
            chain(Fn) + ")";
    return std::nullopt;
  }
  uint64_t Deepest = RedZoneSize;
  if (Info.IndirectCall) {
    auto Indirect = AssumedIndirect.find(Fn);
    if (Indirect == AssumedIndirect.end()) {
      Error = "unbounded stack: " + Fn.str() +
              " makes an indirect call, whose callee's stack use is unknown (" +
              chain(Fn) + "); give it with --assume-indirect=" + Fn.str() +
              "=BYTES";
      return std::nullopt;
    }
    Deepest = std::max(Deepest, Indirect->second);
  }
  Path.push_back(Fn.str());
  for (const std::string &Callee : Info.Callees) {
    std::optional<uint64_t> B = visit(Callee, Error);
    if (!B)
      return std::nullopt;
    Deepest = std::max(Deepest, *B);
  }
  Path.pop_back();
  uint64_t Bound = *Info.FrameSize + Deepest;
  Memo[Fn] = Bound;
  return Bound;
}

} // namespace stubs
} // namespace ppcgoabi
