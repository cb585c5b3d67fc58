//===- CheckReservedRegisters.cpp - Rule 6: r2 is reserved ----------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks rule 6 (reserved-registers), where the Go version and mode reserve
// r2 (reservesTOCRegister): r2 is the TOC pointer and nothing else, so no
// instruction gives it a new value except the global entry prologue, the
// reload `ld 2,24(1)`, the TOC restore of LLVM's __builtin_longjmp and the
// stack-growth exception's `ld 2,8(1)` (FrameAnalysis.h).
//
// The other half of this rule is lib/Target/PPCGoABI/GoABIVerifyRegisters.cpp.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

/// Whether instruction \p I is the TOC restore of LLVM's __builtin_longjmp
/// (encoding::Longjmp*): `ld 2,24(rB)` in a straight run of code that also
/// loads r1 from 16(rB) and the resume address from 8(rB) into CTR, with rB
/// unchanged between the loads, and ends in `bctr` with nothing writing r2
/// after the restore. The jump resumes a __builtin_setjmp of this module with
/// the TOC it saved.
bool isLongjmpTOCRestore(const PPCDecoder &D, const DecodedFunction &C,
                         size_t I) {
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

void checkReservedRegisters(const RuleInput &Input, FunctionFindings &Out) {
  const DecodedFunction &C = Input.C;
  const PPCDecoder &D = Input.D;
  if (!reservesTOCRegister(Input.Conf.Version, Input.Conf.Mode))
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
    if (isLongjmpTOCRestore(D, C, I))
      continue; // __builtin_longjmp restores the TOC __builtin_setjmp saved.
    if (isStackGrowthTOCReload(C, Input.Frame, I))
      continue; // The stack-growth exception.
    Out.add(Rule::ReservedRegisters, I,
            "r2, the TOC pointer, is written by an ordinary instruction", {});
  }
}

} // namespace checker
} // namespace ppcgoabi
