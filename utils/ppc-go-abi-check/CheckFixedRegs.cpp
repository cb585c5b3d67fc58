//===- CheckFixedRegs.cpp - Go's fixed registers on decoded code ----------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Checks the "fixed-regs" rule (ppc-go-abi-check --fixed-regs; issue 12) on
// one decoded function. Guarantees:
// - No instruction writes r30 or r13 (MCInstrDesc defs, the registers
//   resolved by name as for r2 in rule 6). Go keeps the current goroutine g
//   in r30 at every instruction (cmd/internal/obj/ppc64/a.out.go REGG): its
//   signal handler runtime·sigtramp reads it there, and since Go 1.14 a
//   signal (SIGURG, async preemption) can arrive at any instruction. r13 is
//   the thread pointer (REGTLS), reserved by the ELFv2 ABI itself.
// - r0 is zero at every call (bl to another function, bctrl, blrl, bclrl),
//   at every tail branch to another function, at every return (blr, and
//   conditional returns) and at every bctr that may be an indirect tail
//   call. Go code uses R0 as REGZERO: its
//   assembler builds constants as `oris rD, r0, hi` and its compiler stores
//   zero with `MOVD R0, x`, so any Go code reached with r0 != 0 computes
//   wrong values.
//
// How r0 is followed: a forward "may be non-zero" dataflow over the
// function's control flow. At the entry r0 is zero (the caller obeys the
// rule). `li 0,0`, `lis 0,0`, `xor 0,x,x` and `subf 0,x,x` make it zero (Go's
// SYSCALL is `li 0,N; sc; xor 0,0,0`); `ori 0,0,0` (the nop) and `mr 0,0`
// keep it; any other write of r0 may make it non-zero. After a call r0 is
// zero again: the rule requires every function to return with r0 zero, and
// each callee is checked for that on its own. That is Go's own assumption
// (its compiled code never re-zeroes r0 after a call, and the runtime
// re-zeroes it itself after calling C: asmcgocall's `XOR R0, R0`). It means
// that a call to code that breaks the rule (C compiled without it) is not
// caught at the call but in the callee, if the callee is checked.
//
// A bctr is either an indirect tail call or a jump inside the function (a
// jump table, a computed goto); the instruction alone does not say which.
// A tail call leaves the function, so it runs with the caller's r1: a bctr
// at which r1 holds the function's own frame on every path (a `stdu 1,-N(1)`
// or `stdux 1,1,rX` allocated it and nothing has moved r1 since) is a jump,
// and r0 may be anything there, as at any other branch inside the function.
// Any other bctr may be a tail call, and r0 must be zero there. The plugin
// zeroes r0 only at calls and returns, so a jump-table dispatch in an
// interpreter loop (Lua's luaV_execute, SQLite's yy_reduce) costs nothing.
// The targets of a bctr are unknown: every instruction that nothing but a
// bctr can reach (the entry does not reach it, and nothing falls or branches
// into it) starts with r0 as the bctrs leave it (non-zero if it may be
// non-zero at some jump), and the code after it is analysed from there. A
// target that is also reached otherwise is analysed with the other paths'
// state only: the limit of not knowing the jump tables. The plugin knows
// them, and zeroes r0 before every call and return it may reach.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"

#include <optional>

using namespace llvm;

namespace ppcgoabi {
namespace checker {

namespace {

/// How one instruction transfers control, as far as r0 is concerned.
struct FixedRegsStep {
  enum KindTy {
    /// Falls through or branches inside the function.
    Other,
    /// A call (bl to a symbol, bctrl, blrl, bclrl): r0 must be zero here,
    /// and the callee returns with r0 zero.
    Call,
    /// Leaves the function without returning to it: a tail branch to
    /// another function, or blr. r0 must be zero here.
    Exit,
    /// bctr that may be an indirect tail call (r1 may be the caller's):
    /// r0 must be zero here; its targets are unknown.
    IndirectJump,
    /// bctr while the function's own frame is allocated on every path: a
    /// jump inside the function (jump table, computed goto). r0 may be
    /// anything; its targets are unknown.
    LocalJump,
  };
  KindTy Kind = Other;
  /// Conditional exits, calls and jumps fall through as well; the
  /// successors inside the function (fall-through included).
  llvm::SmallVector<size_t, 2> Succs;
  /// For messages: "call to runtime.foo", "return", ...
  std::string What;
};

struct FixedRegsFinding {
  /// The instruction the finding is about.
  size_t At = 0;
  std::string Message;
  /// Other instructions worth quoting (the write that left r0 non-zero).
  std::vector<size_t> Quote;
};

/// What is known about r0 before an instruction.
struct R0State {
  bool Reached = false;
  /// The write that may have left r0 non-zero (on some path), if any.
  std::optional<size_t> NonZeroBy;

  /// Joins \p Other into this state; true if it changed.
  bool join(const R0State &Other) {
    if (!Other.Reached)
      return false;
    bool Changed = !Reached;
    Reached = true;
    if (Other.NonZeroBy && !NonZeroBy) {
      NonZeroBy = Other.NonZeroBy;
      Changed = true;
    }
    return Changed;
  }
};

std::string hexAddr(uint64_t A) { return "0x" + Twine::utohexstr(A).str(); }

/// Whether \p Word allocates a frame: `stdu 1,-N(1)` (DS-form, primary
/// opcode 62, XO 1, N > 0) or `stdux 1,1,rB` (X-form, 31/181).
bool allocatesFrame(uint32_t Word) {
  unsigned Primary = Word >> 26, RS = (Word >> 21) & 31, RA = (Word >> 16) & 31;
  if (RS != 1 || RA != 1)
    return false;
  if (Primary == 62 && (Word & 3) == 1)
    return int16_t(Word & 0xfffc) < 0;
  return Primary == 31 && ((Word >> 1) & 1023) == 181;
}

/// For each instruction of \p C: whether r1 may hold the caller's stack
/// pointer when it starts (on some path from the entry, no frame allocation
/// since the last other write of r1, or none at all).
std::vector<bool> mayHaveCallersSP(const DecodedFunction &C,
                                   const FrameAnalysis &Frame) {
  size_t N = C.size();
  std::vector<bool> May(N);
  if (!N)
    return May;
  // Out of an instruction: false after a frame allocation (it hides the
  // caller's r1), true after any other write of r1 (the epilogue's
  // `addi 1,1,N` or `ld 1,0(1)`, longjmp's `ld 1,16(rB)` may bring it back),
  // else as in.
  SmallVector<size_t, 16> Work;
  auto Propagate = [&](size_t I) {
    for (size_t S : C.Succs[I])
      if (S < N && !May[S]) {
        May[S] = true;
        Work.push_back(S);
      }
  };
  std::vector<bool> Allocates(N);
  for (size_t I = 0; I != N; ++I)
    Allocates[I] = Frame.WritesSP[I] && allocatesFrame(C.Insns[I].Word);
  May[0] = true;
  Work.push_back(0);
  for (size_t I = 0; I != N; ++I)
    if (Frame.WritesSP[I] && !Allocates[I])
      Propagate(I);
  while (!Work.empty()) {
    size_t I = Work.pop_back_val();
    if (!Allocates[I])
      Propagate(I);
  }
  return May;
}

/// The control flow of \p C as far as r0 is concerned.
std::vector<FixedRegsStep> getFixedRegsSteps(const DecodedFunction &C,
                                             const FrameAnalysis &Frame) {
  std::vector<FixedRegsStep> Out(C.size());
  std::vector<bool> CallersSP = mayHaveCallersSP(C, Frame);
  for (size_t I = 0, N = C.size(); I != N; ++I) {
    const Step &S = C.Steps[I];
    FixedRegsStep &F = Out[I];
    F.Succs = C.Succs[I];
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
      if (!CallersSP[I]) {
        F.Kind = FixedRegsStep::LocalJump;
        F.What = "bctr inside the function's frame";
        break;
      }
      F.Kind = FixedRegsStep::IndirectJump;
      F.What = "bctr (an indirect tail call, or a jump outside a frame)";
      break;
    default:
      break;
    }
  }
  return Out;
}

/// Checks the fixed-regs rule on \p Insns (one function, entry at index 0),
/// with \p Steps (one per instruction) giving its control flow.
std::vector<FixedRegsFinding>
checkFixedRegisters(const PPCDecoder &D, ArrayRef<Insn> Insns,
                    ArrayRef<FixedRegsStep> Steps) {
  std::vector<FixedRegsFinding> Findings;
  size_t N = Insns.size();

  // r30 and r13: any write, reachable or not.
  for (size_t I = 0; I != N; ++I) {
    if (D.writesGPR(Insns[I], 30))
      Findings.push_back(
          {I,
           "r30 is written: Go keeps the current goroutine (g) in r30 at "
           "every instruction, and its signal handler reads it there",
           {}});
    if (D.writesGPR(Insns[I], 13))
      Findings.push_back({I, "r13, the thread pointer, is written", {}});
  }
  if (N == 0)
    return Findings;

  // r0: forward "may be non-zero" dataflow.
  std::vector<R0State> In(N);
  std::vector<size_t> Work;
  auto Flow = [&](size_t I) {
    const R0State &S = In[I];
    const FixedRegsStep &Step = Steps[I];
    R0State Out = S;
    switch (Step.Kind) {
    case FixedRegsStep::Call:
      Out.NonZeroBy.reset(); // The callee returns with r0 zero.
      break;
    case FixedRegsStep::IndirectJump:
    case FixedRegsStep::LocalJump:
    case FixedRegsStep::Exit:
      break; // Checked below; only a conditional one falls through.
    case FixedRegsStep::Other:
      if (D.zeroesGPR(Insns[I], 0))
        Out.NonZeroBy.reset();
      else if (D.writesGPR(Insns[I], 0) && !D.preservesGPR(Insns[I], 0))
        Out.NonZeroBy = I;
      break;
    }
    for (size_t Succ : Step.Succs)
      if (Succ < N && In[Succ].join(Out))
        Work.push_back(Succ);
  };
  auto Solve = [&]() {
    while (!Work.empty()) {
      size_t I = Work.back();
      Work.pop_back();
      Flow(I);
    }
  };
  In[0].Reached = true;
  Work.push_back(0);
  Solve();

  // Targets of the bctrs are unknown: every instruction the entry does not
  // reach starts with r0 as the bctrs leave it (zero at a possible tail
  // call, where a non-zero r0 is reported anyway). A target's state may
  // reach another bctr, so repeat until the bctrs add nothing.
  std::vector<bool> FromEntry(N);
  for (size_t I = 0; I != N; ++I)
    FromEntry[I] = In[I].Reached;
  // Where a bctr may land: an instruction the entry does not reach and that
  // nothing else can reach either (no fall-through, no direct branch into
  // it). The rest of an unreached region is analysed by flowing from there.
  // Unreached nops are alignment padding (after an unconditional branch,
  // before an aligned block): they land nothing and lead nowhere.
  auto IsPadding = [&](size_t I) {
    return !FromEntry[I] && Insns[I].Word == encoding::Nop;
  };
  std::vector<bool> HasPred(N);
  for (size_t I = 0; I != N; ++I)
    if (!IsPadding(I))
      for (size_t S : Steps[I].Succs)
        if (S < N)
          HasPred[S] = true;
  std::vector<size_t> Landings;
  for (size_t I = 0; I != N; ++I)
    if (Insns[I].Valid && !FromEntry[I] && !HasPred[I] && !IsPadding(I))
      Landings.push_back(I);
  R0State AtJumps;
  for (;;) {
    bool Changed = false;
    for (size_t I = 0; I != N; ++I) {
      if (!In[I].Reached)
        continue;
      if (Steps[I].Kind == FixedRegsStep::IndirectJump)
        Changed |= AtJumps.join(R0State{true, std::nullopt});
      else if (Steps[I].Kind == FixedRegsStep::LocalJump)
        Changed |= AtJumps.join(In[I]);
    }
    if (!Changed)
      break;
    for (size_t I : Landings)
      if (In[I].join(AtJumps))
        Work.push_back(I);
    Solve();
  }

  for (size_t I = 0; I != N; ++I) {
    const FixedRegsStep &Step = Steps[I];
    if (Step.Kind == FixedRegsStep::Other ||
        Step.Kind == FixedRegsStep::LocalJump || !In[I].Reached ||
        !In[I].NonZeroBy)
      continue;
    size_t By = *In[I].NonZeroBy;
    Findings.push_back(
        {I,
         "r0 may be non-zero at this " + Step.What + " (written at " +
             hexAddr(Insns[By].Addr) +
             " and not zeroed on some path since): Go code relies on r0 "
             "being zero",
         {By}});
  }
  return Findings;
}

} // namespace

void checkFixedRegs(const RuleInput &In, FunctionFindings &Out) {
  for (FixedRegsFinding &Fd :
       checkFixedRegisters(In.D, In.C.Insns, getFixedRegsSteps(In.C, In.Frame)))
    Out.add(Rule::FixedRegs, Fd.At, Fd.Message, Fd.Quote);
}

} // namespace checker
} // namespace ppcgoabi
