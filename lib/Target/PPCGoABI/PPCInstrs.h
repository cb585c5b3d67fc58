//===- PPCInstrs.h - PowerPC opcodes and registers by name ------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The PowerPC backend's opcode and register enums live in private headers
/// that Debian does not install, and their numbers change between LLVM
/// releases (BL8 is 622 in LLVM 19 and 649 in LLVM 22). This file resolves
/// the few the plugin needs by name, through the public TargetInstrInfo and
/// TargetRegisterInfo, once per process, and answers the questions the passes
/// ask about instructions. The questions asked of every instruction of a
/// function (is it a call, which kind) are answered inline, from the
/// instruction's descriptor and a per-opcode table.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_LIB_PPCINSTRS_H
#define PPCGOABI_LIB_PPCINSTRS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/CodeGen/MachineBasicBlock.h"
#include "llvm/CodeGen/MachineInstr.h"
#include "llvm/CodeGen/MachineOperand.h"
#include "llvm/CodeGen/Register.h"
#include "llvm/MC/MCRegister.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace llvm {
class MachineFunction;
} // namespace llvm

namespace ppcgoabi {

class PPCInstrs {
public:
  /// The table for \p MF's target; resolved on first use.
  static const PPCInstrs &get(const llvm::MachineFunction &MF);

  // Opcodes.
  unsigned NOP, LD, STD, MTCTR8, MFCTR8, OR8, BCTR8, LI, LI8;

  // Registers.
  llvm::MCRegister X1, X2, R2, X12, CTR8;
  /// Go's fixed registers (rule 7): r0 (zero), r13 (TLS), r30 (g).
  llvm::MCRegister X0, R0, X13, R13, X30, R30;

  /// `ld r2,24(r1)`.
  bool isTOCReload(const llvm::MachineInstr &MI) const;
  /// `ld r2,24(rB)` of LLVM's __builtin_longjmp expansion: the block also
  /// loads r1 from 16(rB) and the resume address from 8(rB) into CTR, and
  /// ends in `bctr`, with rB unchanged throughout (encoding::Longjmp*). It
  /// restores the TOC that __builtin_setjmp saved in the buffer.
  bool isLongjmpTOCRestore(const llvm::MachineInstr &MI) const;
  /// `std r2,24(r1)`, or `std rX,24(r1)` of a copy rX of r2 (LLVM at -O0).
  bool isTOCSave(const llvm::MachineInstr &MI) const;
  /// For LLVM's -O0 TOC save `mr rX, 2; std rX, 24(1)`: the `mr` whose copy
  /// \p MI stores. Null for anything else, `std 2, 24(1)` included.
  const llvm::MachineInstr *getSavedTOCCopy(const llvm::MachineInstr &MI) const;
  /// The register \p MI copies into its destination, if it is a copy
  /// (`mr Rd, Rs`, i.e. `or Rd, Rs, Rs`, or a COPY).
  std::optional<llvm::Register>
  getCopySource(const llvm::MachineInstr &MI) const;

  /// A call that returns here (not a tail branch): an instruction flagged as
  /// a call, or a pseudo that the AsmPrinter turns into one (isTLSCall).
  /// Rules 2 and 4 ask this, so that every `bl` in the output counts.
  bool isCall(const llvm::MachineInstr &MI) const {
    return (MI.isCall() && !MI.isReturn()) || isTLSCall(MI);
  }
  /// A general- or local-dynamic TLS pseudo (GETtlsADDR, GETtlsldADDR,
  /// ADDItls{gd,ld}LADDR and their PCREL forms) that becomes
  /// `bl __tls_get_addr(sym@tlsgd); nop` at emission (PPCAsmPrinter::
  /// EmitTlsCall) but is not flagged as a call.
  bool isTLSCall(const llvm::MachineInstr &MI) const {
    return hasKind(MI.getOpcode(), TLSCall);
  }
  /// A call that leaves the function for good (b sym, bctr).
  bool isTailBranch(const llvm::MachineInstr &MI) const {
    return MI.isCall() && MI.isReturn();
  }
  /// The symbol a direct call or tail branch targets, if any.
  std::optional<llvm::StringRef> getCallee(const llvm::MachineInstr &MI) const {
    if (!MI.isCall() || MI.getNumOperands() == 0)
      return std::nullopt;
    return getCalleeOperandName(MI.getOperand(0));
  }
  /// A call through CTR.
  bool isIndirectCall(const llvm::MachineInstr &MI) const {
    return isCall(MI) && !getCallee(MI) && MI.readsRegister(CTR8, nullptr);
  }
  /// An indirect call whose pseudo includes the TOC reload
  /// (BCTRL8_LDinto_toc and its _RM twin).
  bool includesTOCReload(const llvm::MachineInstr &MI) const {
    return hasKind(MI.getOpcode(), IndirectCallWithTOCReload);
  }
  /// A direct call whose pseudo is followed by a nop (BL8_NOP and kin, and
  /// the TLS calls, which the AsmPrinter emits with their nop).
  bool includesCallNop(const llvm::MachineInstr &MI) const {
    return hasKind(MI.getOpcode(), CallWithNop) || isTLSCall(MI);
  }
  /// The opcode that is \p MI's call followed by a nop, if there is one.
  std::optional<unsigned> getCallNopOpcode(const llvm::MachineInstr &MI) const;

  /// Whether \p MI writes r2 (X2 or its 32-bit half), explicitly or not.
  bool writesTOCRegister(const llvm::MachineInstr &MI) const;
  /// Whether \p MI reads r2.
  bool readsTOCRegister(const llvm::MachineInstr &MI) const;

  /// `li 0,0` (LI8 X0, 0 or LI R0, 0).
  bool isZeroR0(const llvm::MachineInstr &MI) const;
  /// Builds `li 0,0` before \p Where.
  llvm::MachineInstr *buildZeroR0(llvm::MachineBasicBlock &MBB,
                                  llvm::MachineBasicBlock::iterator Where,
                                  const llvm::DebugLoc &DL) const;

  /// Builds `ld r2,24(r1)` / `std r2,24(r1)` / `nop` before \p Where.
  llvm::MachineInstr *buildTOCReload(llvm::MachineBasicBlock &MBB,
                                     llvm::MachineBasicBlock::iterator Where,
                                     const llvm::DebugLoc &DL) const;
  llvm::MachineInstr *buildTOCSave(llvm::MachineBasicBlock &MBB,
                                   llvm::MachineBasicBlock::iterator Where,
                                   const llvm::DebugLoc &DL) const;
  llvm::MachineInstr *buildNop(llvm::MachineBasicBlock &MBB,
                               llvm::MachineBasicBlock::iterator Where,
                               const llvm::DebugLoc &DL) const;

private:
  PPCInstrs() = default;
  /// The symbol a call's target operand names, if it names one.
  static std::optional<llvm::StringRef>
  getCalleeOperandName(const llvm::MachineOperand &Target);
  /// The classes of call opcodes, as bits of Kinds: the rule passes ask
  /// about every instruction, so the answer is one table lookup.
  enum OpcodeKind : uint8_t {
    TLSCall = 1,
    CallWithNop = 2,
    IndirectCallWithTOCReload = 4,
  };
  bool hasKind(unsigned Opcode, OpcodeKind Kind) const {
    return Opcode < Kinds.size() && (Kinds[Opcode] & Kind);
  }

  /// Direct calls without the trailing nop, and their nop twins, index for
  /// index.
  llvm::SmallVector<unsigned, 8> CallsWithoutNop, CallsWithNop;
  llvm::SmallVector<unsigned, 4> IndirectCallsWithTOCReload;
  llvm::SmallVector<unsigned, 6> TLSCalls;
  /// OpcodeKind bits, indexed by opcode.
  std::vector<uint8_t> Kinds;
};

} // namespace ppcgoabi

#endif // PPCGOABI_LIB_PPCINSTRS_H
