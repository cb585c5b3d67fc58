//===- Function.cpp - One function, decoded, with its control flow --------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Guarantees: every byte of the function is decoded (a word the
// disassembler rejects is an Invalid step, which ends its path); every
// direct branch is resolved once, through the Image; the control-flow graph
// is built once per function, before any rule runs.
//
//===----------------------------------------------------------------------===//

#include "Function.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

/// How instruction \p I of \p C transfers control.
static Step classify(const Image &Img, const Function &F, const Insn &I,
                     BuildMode Mode) {
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
    S.Dest = Img.resolveBranch(F, I, S.Branch, Mode);
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

void DecodedFunction::buildCFG() {
  size_t N = Steps.size();
  Succs.assign(N, {});
  UnknownSucc.assign(N, false);
  Preds.assign(N, {});
  for (size_t I = 0; I != N; ++I) {
    const Step &S = Steps[I];
    bool FallsThrough = true;
    switch (S.Kind) {
    case Flow::Branch:
      if (S.Target)
        Succs[I].push_back(*S.Target);
      else
        UnknownSucc[I] = true;
      FallsThrough = S.Conditional;
      break;
    case Flow::LocalCall:
      if (S.Target)
        Succs[I].push_back(*S.Target);
      break;
    case Flow::TailBranch:
    case Flow::Return:
      FallsThrough = S.Conditional;
      break;
    case Flow::IndirectJump:
      FallsThrough = S.Conditional;
      UnknownSucc[I] = true;
      break;
    case Flow::Invalid:
      FallsThrough = false;
      break;
    case Flow::Normal:
    case Flow::Call:
    case Flow::IndirectCall:
      break;
    }
    if (FallsThrough && I + 1 < N)
      Succs[I].push_back(I + 1);
    for (size_t Succ : Succs[I])
      Preds[Succ].push_back(I);
  }
}

DecodedFunction decodeFunction(const Image &Img, const PPCDecoder &D,
                               const Function &F, BuildMode Mode) {
  const Image::SectionInfo &SI = Img.section(F.SectionIndex);
  uint64_t Base = Img.Relocatable ? 0 : SI.Addr;
  StringRef Bytes = SI.Contents.substr(F.Addr - Base, F.Size);

  DecodedFunction C;
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
    S = classify(Img, F, C.Insns[I], Mode);
    if (S.Kind == Flow::Branch || S.Kind == Flow::LocalCall) {
      uint64_t Target = S.Dest.F ? S.Dest.F->Addr + S.Dest.Offset : 0;
      auto It = C.IndexOf.find(Target);
      if (It != C.IndexOf.end()) {
        S.Target = It->second;
        C.IsBranchTarget[It->second] = true;
      }
    }
  }
  C.buildCFG();
  return C;
}

} // namespace checker
} // namespace ppcgoabi
