//===- CheckUnappliedRelocations.cpp - What the linker left unapplied -----===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks a linked file for relocations its linker left unapplied: a `bl .+0`
// (rule 4, dynlink-call: an R_PPC64_REL24 never applied) or a global entry
// `addis 2,12,0; addi 2,2,0` (rule 1, global-entry: R_PPC64_REL16_HA/LO
// .TOC. never applied) anywhere in a checked or --ignore'd function is
// reported, with what to do (docs/GoIntegration.md).
//
// The plugin has no half of this check: it is about what a linker did to
// the code, which the plugin never sees.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "llvm/Support/Endian.h"

#include <set>

using namespace llvm;

namespace ppcgoabi {
namespace checker {

/// bl .+0: a call whose R_PPC64_REL24 was never applied (a branch to itself).
static constexpr uint32_t SelfCallWord = 0x48000001;

/// What to do about an unapplied relocation (docs/GoIntegration.md).
static const char *const UnappliedRecipe =
    ": the linker left its relocation unapplied. Go 1.19's internal linker "
    "does this to a host object (.syso) in a -buildmode=exe program without "
    "dynamic imports (it links with -d): add //go:cgo_import_dynamic _ _ "
    "\"libc.so.6\" to the package and link with "
    "-ldflags=-I=/lib64/ld64.so.2 (docs/GoIntegration.md, exe)";

void checkUnappliedRelocations(const Image &Img, const PPCDecoder &D,
                               ArrayRef<const Function *> Scanned,
                               FileReport &Report) {
  const std::optional<uint64_t> &TOC = Img.TOC;
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
    const Image::SectionInfo &SI = Img.section(Outer->SectionIndex);
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
      DecodedFunction C;
      C.F = F;
      for (unsigned K = 0; K != (ZeroPair ? 2u : 1u); ++K)
        C.Insns.push_back(D.decode(
            arrayRefFromStringRef(Bytes.substr(Off + 4 * K, 4)), Addr + 4 * K));
      C.Steps.resize(C.Insns.size());
      FunctionFindings Out(Img, D, C);
      if (SelfCall)
        Out.add(Rule::DynlinkCall, 0,
                Twine("bl to itself (bl .+0): an unrelocated "
                      "R_PPC64_REL24, the program loops here") +
                    UnappliedRecipe,
                {});
      else
        Out.add(Rule::GlobalEntry, 0,
                Twine("global entry prologue with both immediates 0 "
                      "(addis 2,12,0; addi 2,2,0): r2 would be the "
                      "function's own address, not the module's TOC "
                      "pointer") +
                    (TOC ? " " + hex(*TOC) : std::string()) +
                    " - unrelocated R_PPC64_REL16_HA/LO .TOC." +
                    UnappliedRecipe,
                {1});
      Out.fileInto(Report);
    }
  }
}

} // namespace checker
} // namespace ppcgoabi
