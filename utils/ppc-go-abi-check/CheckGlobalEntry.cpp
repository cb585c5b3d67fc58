//===- CheckGlobalEntry.cpp - Rule 1 on decoded code: the global entry ----===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks rule 1 (global-entry): every function starts with the global entry
// prologue `addis 2,12,.TOC.-f@ha; addi 2,2,.TOC.-f@l` and has its local
// entry at +8 (st_other 3). In a relocatable object the two instructions
// must carry R_PPC64_REL16_HA/LO against .TOC.; in a linked file they must
// compute the module's TOC pointer. A function excluded from the prologue
// (--no-toc-prologue) must have neither the prologue nor a local entry
// offset; st_other 1 (pc-relative code) is a target violation.
//
// The other half of this rule is lib/Target/PPCGoABI/GoABIGlobalEntry.cpp.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/BinaryFormat/ELF.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

bool isGlobalEntry(uint32_t First, uint32_t Second) {
  return (First & encoding::ImmediateMask) == encoding::GlobalEntryAddis &&
         (Second & encoding::ImmediateMask) == encoding::GlobalEntryAddi;
}

/// Whether \p F is excluded from the global entry prologue
/// (--no-toc-prologue), under any of its names.
static bool isExcluded(const Config &Conf, const Function &F) {
  if (!F.GoName.empty() && Conf.NoTOCPrologue.matches(F.GoName))
    return true;
  return any_of(F.Names, [&](const std::string &N) {
    return Conf.NoTOCPrologue.matches(N) ||
           Conf.NoTOCPrologue.matches(stripDecorations(N));
  });
}

void checkGlobalEntry(const RuleInput &In, FunctionFindings &Out) {
  const DecodedFunction &C = In.C;
  const Function &F = *C.F;
  const Image &Img = In.Img;
  bool HasPrologue =
      C.Insns.size() >= 2 && isGlobalEntry(C.Insns[0].Word, C.Insns[1].Word);
  unsigned LocalEntry = F.Other & encoding::StOtherLocalEntryMask;

  if (isExcluded(In.Conf, F)) {
    if (HasPrologue)
      Out.add(Rule::GlobalEntry, 0,
              "function is excluded from the global entry prologue "
              "(--no-toc-prologue; callers branch to fixed offsets in it) "
              "but starts with one",
              {1});
    else if (LocalEntry != 0 && F.OtherKnown)
      Out.add(Rule::GlobalEntry, 0,
              "function is excluded from the global entry prologue "
              "(--no-toc-prologue) but its st_other local entry field is " +
                  Twine(LocalEntry >> 5) + ", not 0",
              {});
    return;
  }

  if (LocalEntry == encoding::StOtherNoTOC && F.OtherKnown) {
    Out.add(Rule::Target, 0,
            "st_other local entry field is 1: the function neither sets "
            "up nor preserves r2 (pc-relative code, -mcpu=pwr10); the Go "
            "TOC conventions cannot hold for it",
            {});
    return;
  }
  if (!HasPrologue) {
    Out.add(Rule::GlobalEntry, 0,
            "function does not start with the global entry prologue "
            "addis 2,12,.TOC.-f@ha; addi 2,2,.TOC.-f@l",
            {1});
    return;
  }
  if (LocalEntry != encoding::LocalEntryStOther && F.OtherKnown)
    Out.add(Rule::GlobalEntry, 0,
            "st_other local entry field is " + Twine(LocalEntry >> 5) +
                " (local entry at +" + Twine(F.localEntryOffset()) +
                "), expected 3 (+8): callers in the module would enter "
                "at the wrong instruction",
            {1});

  if (Img.Relocatable) {
    const Reloc *HA =
        Img.findReloc(F.SectionIndex, F.Addr, ELF::R_PPC64_REL16_HA);
    const Reloc *LO =
        Img.findReloc(F.SectionIndex, F.Addr + 4, ELF::R_PPC64_REL16_LO);
    auto IsTOC = [](const Reloc *R, int64_t Addend) {
      return R && R->Sym && R->Sym->Name == ".TOC." && R->Addend == Addend;
    };
    if (!IsTOC(HA, 0) || !IsTOC(LO, 4))
      Out.add(Rule::GlobalEntry, 0,
              "the global entry prologue is not relocated against .TOC. "
              "(expected R_PPC64_REL16_HA .TOC.+0 at +0 and "
              "R_PPC64_REL16_LO .TOC.+4 at +4): r2 would not point to "
              "the module's TOC",
              {1});
    return;
  }
  const std::optional<uint64_t> &TOC = Img.TOC;
  if (C.Insns[0].Word == encoding::GlobalEntryAddis &&
      C.Insns[1].Word == encoding::GlobalEntryAddi && !(TOC && *TOC == F.Addr))
    return; // Unapplied relocations: checkUnappliedRelocations reports it.
  if (TOC) {
    uint64_t High = uint64_t(int64_t(int16_t(C.Insns[0].Word & 0xffff))) << 16;
    uint64_t Low = uint64_t(int64_t(int16_t(C.Insns[1].Word & 0xffff)));
    uint64_t Computed = F.Addr + High + Low;
    if (Computed != *TOC)
      Out.add(Rule::GlobalEntry, 0,
              "the global entry prologue sets r2 to " + hex(Computed) +
                  ", not to the module's TOC pointer " + hex(*TOC),
              {1});
  }
}

} // namespace checker
} // namespace ppcgoabi
