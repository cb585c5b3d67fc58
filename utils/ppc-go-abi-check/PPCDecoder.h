//===- PPCDecoder.h - ppc64le instructions for the checker ------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What ppc-go-abi-check needs to know about single instructions, and
/// nothing else: decoding and printing them (LLVM's MCDisassembler and
/// MCInstPrinter for powerpc64le), which general-purpose registers they write
/// (MCInstrDesc defs, with registers resolved by name, "X2"/"R2", because the
/// PowerPC register enums are private to the backend and renumbered between
/// LLVM releases), and what kind of branch they are.
///
/// Branches are classified from the instruction word (Power ISA I-, B- and
/// XL-forms) rather than from MCInstrDesc flags: LLVM decodes `bclrl 20,0,1`
/// (Go 1.19's indirect call) and `bcl 20,31,.+4` as generic conditional
/// branches with isCall() false, so the flags would miss calls. The ISA
/// fields are fixed; the Go-specific words (nop, ld 2,24(1), ...) come from
/// Conventions.h.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_PPCDECODER_H
#define PPCGOABI_CHECKER_PPCDECODER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCRegister.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class MCAsmInfo;
class MCContext;
class MCDisassembler;
class MCInstPrinter;
class MCInstrInfo;
class MCRegisterInfo;
class MCSubtargetInfo;
} // namespace llvm

namespace ppcgoabi {
namespace checker {

/// One decoded instruction.
struct Insn {
  /// Virtual address (linked files) or section offset (relocatable files).
  uint64_t Addr = 0;
  /// The first (or only) instruction word, little-endian.
  uint32_t Word = 0;
  /// 4, or 8 for a Power10 prefixed instruction.
  unsigned Size = 4;
  /// False for words the disassembler rejects (data, Go's UNDEF = 0).
  bool Valid = false;
  llvm::MCInst Inst;
};

/// How an instruction transfers control (Power ISA branch forms).
struct BranchInfo {
  enum KindTy {
    None,
    /// b/bc to an address (I-form, B-form).
    Direct,
    /// bclr: to the address in LR (blr, conditional returns, blrl).
    ToLR,
    /// bcctr/bctar: to the address in CTR or TAR (bctr, bctrl).
    ToCTR,
  };
  KindTy Kind = None;
  /// LK=1: the branch writes the return address into LR (a call, or the
  /// `bcl 20,31,.+4` idiom that reads the PC).
  bool Link = false;
  /// The branch may fall through (BO does not say "branch always").
  bool Conditional = false;
  /// The target of a Direct branch, computed from the word (for relocated
  /// branches in a relocatable file this is meaningless: use the
  /// relocation).
  uint64_t Target = 0;
};

/// Decodes branch fields from \p Word at \p Addr.
BranchInfo decodeBranch(uint32_t Word, uint64_t Addr);

/// `ld RT, Offset(RA)` (DS-form, primary opcode 58, XO 0).
struct LoadDoubleword {
  unsigned RT = 0, RA = 0;
  int64_t Offset = 0;
};
/// Decodes \p Word if it is `ld` (not ldu or lwa).
std::optional<LoadDoubleword> decodeLoadDoubleword(uint32_t Word);

/// The PowerPC MC layer, set up once for powerpc64le (all instructions up to
/// Power10 are decoded).
class PPCDecoder {
public:
  ~PPCDecoder();
  static llvm::Expected<std::unique_ptr<PPCDecoder>> create();

  /// Decodes the instruction at the start of \p Bytes (at \p Addr).
  Insn decode(llvm::ArrayRef<uint8_t> Bytes, uint64_t Addr) const;

  /// "addis 2, 12, 12" (branch targets as absolute addresses).
  std::string print(const Insn &I) const;

  /// The number (0-31) of a general-purpose register, by name (R<n>, X<n>,
  /// ZERO, ZERO8).
  std::optional<unsigned> getGPRNumber(llvm::MCRegister Reg) const;

  /// Whether \p I writes GPR \p N (explicit or implicit defs; 32- and
  /// 64-bit views alike).
  bool writesGPR(const Insn &I, unsigned N) const;
  /// Whether \p I gives GPR \p N a new value: writesGPR, except for the
  /// forms that write a register with its own value (`ori 2,2,0`, which GNU
  /// as pads code alignment with, `mr 2,2`, `addi 2,2,0`, ...): no-ops.
  bool changesGPR(const Insn &I, unsigned N) const;
  /// Whether \p I writes CTR / LR.
  bool writesCTR(const Insn &I) const;
  bool writesLR(const Insn &I) const;

  /// The source GPR of `mtctr rS` / `mtlr rS`.
  std::optional<unsigned> getMoveToCTRSource(const Insn &I) const;
  std::optional<unsigned> getMoveToLRSource(const Insn &I) const;
  /// For `mr rA, rS` (or rA,rS,rS): the pair {rA, rS}.
  std::optional<std::pair<unsigned, unsigned>>
  getRegisterCopy(const Insn &I) const;
  /// For `li rD, imm` / `lis rD, imm`: the pair {rD, the value loaded}.
  std::optional<std::pair<unsigned, int64_t>>
  getLoadedImmediate(const Insn &I) const;
  /// Whether \p I sets GPR \p N to zero whatever the other registers hold:
  /// `li N,0`, `lis N,0`, `xor N,rA,rA`, `subf N,rA,rA` (Go's SYSCALL ends
  /// with `xor 0,0,0`).
  bool zeroesGPR(const Insn &I, unsigned N) const;
  /// Whether \p I writes GPR \p N with the value it already holds:
  /// `ori N,N,0` (the hardware nop is `ori 0,0,0`), `oris N,N,0`, `mr N,N`.
  bool preservesGPR(const Insn &I, unsigned N) const;

private:
  PPCDecoder();
  bool isOneOf(const Insn &I, llvm::ArrayRef<unsigned> Opcodes) const;
  std::optional<unsigned>
  getSourceOfMove(const Insn &I, llvm::ArrayRef<unsigned> Opcodes) const;

  std::unique_ptr<llvm::MCRegisterInfo> MRI;
  std::unique_ptr<llvm::MCAsmInfo> MAI;
  std::unique_ptr<llvm::MCSubtargetInfo> STI;
  std::unique_ptr<llvm::MCInstrInfo> MII;
  std::unique_ptr<llvm::MCContext> Ctx;
  std::unique_ptr<llvm::MCDisassembler> Disassembler;
  std::unique_ptr<llvm::MCInstPrinter> Printer;

  bool writesAny(const Insn &I, llvm::ArrayRef<llvm::MCRegister> Regs) const;

  /// X0..X31, indexed by register number; CTR and CTR8, LR and LR8.
  llvm::MCRegister X[32];
  llvm::MCRegister CTR[2], LR[2];
  /// GPR number by MC register number (-1: not a GPR).
  std::vector<int> GPRNumbers;
  // Opcode groups, each opcode looked up once by name (create()).
  /// mtctr, mtlr; `or` (`mr` is or rA,rS,rS); li, lis.
  llvm::SmallVector<unsigned, 2> MoveToCTR, MoveToLR, Or, LoadImm,
      LoadImmShifted;
  /// ori, oris (and their 64-bit forms).
  llvm::SmallVector<unsigned, 4> OrImm;
  /// rD = rA op rA is zero: XOR, SUBF (and their 64-bit forms).
  llvm::SmallVector<unsigned, 4> ZeroWithSameReg;
  /// rA = rS op 0: OrImm, and XORI, XORIS, ADDI and their 64-bit forms.
  llvm::SmallVector<unsigned, 12> IdentityWithZeroImm;
  /// rA = rS op rS: Or, and AND, AND8.
  llvm::SmallVector<unsigned, 4> IdentityWithSameReg;
  /// rA = rotate(rS, 0) with no mask: RLDICL.
  llvm::SmallVector<unsigned, 1> RotateLeftClear;
};

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_PPCDECODER_H
