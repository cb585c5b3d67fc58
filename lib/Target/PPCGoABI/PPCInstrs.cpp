//===- PPCInstrs.cpp - PowerPC opcodes and registers by name --------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "PPCInstrs.h"

#include "PPCGoABI/Conventions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/CodeGen/MachineFunction.h"
#include "llvm/CodeGen/MachineInstr.h"
#include "llvm/CodeGen/MachineInstrBuilder.h"
#include "llvm/CodeGen/TargetInstrInfo.h"
#include "llvm/CodeGen/TargetRegisterInfo.h"
#include "llvm/CodeGen/TargetSubtargetInfo.h"
#include "llvm/IR/GlobalValue.h"
#include "llvm/MC/MCSymbol.h"
#include "llvm/Support/ErrorHandling.h"

#include <memory>

using namespace llvm;

namespace ppcgoabi {

/// Direct calls without the trailing nop, paired with the pseudo that emits
/// the same call followed by `nop` (PPCInstr64Bit.td).
static const std::pair<const char *, const char *> CallNopTwins[] = {
    {"BL8", "BL8_NOP"},         {"BL8_RM", "BL8_NOP_RM"},
    {"BL8_TLS", "BL8_NOP_TLS"}, {"BL8_TLS_", "BL8_NOP_TLS"},
    {"BLA8", "BLA8_NOP"},       {"BLA8_RM", "BLA8_NOP_RM"},
};

/// `bctrl; ld 2,24(1)` as one pseudo.
static const char *const IndirectCallsWithTOCReloadNames[] = {
    "BCTRL8_LDinto_toc", "BCTRL8_LDinto_toc_RM"};

/// The TLS pseudos the AsmPrinter emits as `bl __tls_get_addr(...)`
/// followed by a nop (PPCAsmPrinter::EmitTlsCall; the ADDR forms first add
/// the @got@tls{gd,ld}@l half of the argument). The 32-bit and AIX forms do
/// not occur on ppc64le ELF; the PCREL forms are refused with pc-relative
/// code, but a call is a call.
static const char *const TLSCallNames[] = {
    "GETtlsADDR",     "GETtlsldADDR",    "ADDItlsgdLADDR",
    "ADDItlsldLADDR", "GETtlsADDRPCREL", "GETtlsldADDRPCREL"};

const PPCInstrs &PPCInstrs::get(const MachineFunction &MF) {
  // Opcode and register numbers are fixed for a given LLVM build, so one
  // table serves every PowerPC subtarget in the process.
  static const PPCInstrs *const Table = [&MF] {
    const TargetInstrInfo &TII = *MF.getSubtarget().getInstrInfo();
    const TargetRegisterInfo &TRI = *MF.getSubtarget().getRegisterInfo();
    StringMap<unsigned> Opcodes;
    for (unsigned Opc = 0, E = TII.getNumOpcodes(); Opc != E; ++Opc)
      Opcodes[TII.getName(Opc)] = Opc;
    StringMap<MCRegister> Regs;
    for (unsigned Reg = 1, E = TRI.getNumRegs(); Reg != E; ++Reg)
      Regs[TRI.getName(Reg)] = MCRegister(Reg);

    auto Opcode = [&](StringRef Name) {
      auto It = Opcodes.find(Name);
      if (It == Opcodes.end())
        report_fatal_error("ppc-go-abi: the PowerPC backend has no opcode '" +
                               Name + "'; this LLVM is not supported",
                           /*gen_crash_diag=*/false);
      return It->second;
    };
    auto Register = [&](StringRef Name) {
      auto It = Regs.find(Name);
      if (It == Regs.end())
        report_fatal_error("ppc-go-abi: the PowerPC backend has no register '" +
                               Name + "'; this LLVM is not supported",
                           /*gen_crash_diag=*/false);
      return It->second;
    };

    std::unique_ptr<PPCInstrs> T(new PPCInstrs());
    T->NOP = Opcode("NOP");
    T->LD = Opcode("LD");
    T->STD = Opcode("STD");
    T->MTCTR8 = Opcode("MTCTR8");
    T->MFCTR8 = Opcode("MFCTR8");
    T->OR8 = Opcode("OR8");
    T->BCTR8 = Opcode("BCTR8");
    T->LI = Opcode("LI");
    T->LI8 = Opcode("LI8");
    T->X1 = Register("X1");
    T->X2 = Register("X2");
    T->R2 = Register("R2");
    T->X12 = Register("X12");
    T->CTR8 = Register("CTR8");
    T->X0 = Register("X0");
    T->R0 = Register("R0");
    T->X13 = Register("X13");
    T->R13 = Register("R13");
    T->X30 = Register("X30");
    T->R30 = Register("R30");
    for (const auto &[Plain, WithNop] : CallNopTwins) {
      T->CallsWithoutNop.push_back(Opcode(Plain));
      T->CallsWithNop.push_back(Opcode(WithNop));
    }
    for (const char *Name : IndirectCallsWithTOCReloadNames)
      T->IndirectCallsWithTOCReload.push_back(Opcode(Name));
    for (const char *Name : TLSCallNames)
      T->TLSCalls.push_back(Opcode(Name));
    auto Mark = [&](ArrayRef<unsigned> Opcodes, OpcodeKind Kind) {
      for (unsigned Op : Opcodes) {
        if (Op >= T->Kinds.size())
          T->Kinds.resize(Op + 1, 0);
        T->Kinds[Op] |= Kind;
      }
    };
    Mark(T->TLSCalls, TLSCall);
    Mark(T->CallsWithNop, CallWithNop);
    Mark(T->IndirectCallsWithTOCReload, IndirectCallWithTOCReload);
    return T.release();
  }();
  return *Table;
}

/// `Op Reg, 24(r1)` for a load or store \p Opcode of \p Reg.
static bool isTOCSlotAccess(const MachineInstr &MI, unsigned Opcode,
                            MCRegister Reg, MCRegister SP) {
  return MI.getOpcode() == Opcode && MI.getNumOperands() >= 3 &&
         MI.getOperand(0).isReg() && MI.getOperand(0).getReg() == Reg &&
         MI.getOperand(1).isImm() &&
         MI.getOperand(1).getImm() == encoding::TOCSaveOffset &&
         MI.getOperand(2).isReg() && MI.getOperand(2).getReg() == SP;
}

bool PPCInstrs::isTOCReload(const MachineInstr &MI) const {
  return isTOCSlotAccess(MI, LD, X2, X1);
}

/// `ld Reg, Offset(Base)`; a null \p Reg matches any destination.
static bool isLoadFrom(const MachineInstr &MI, unsigned LD, Register Reg,
                       int64_t Offset, Register Base) {
  return MI.getOpcode() == LD && MI.getOperand(0).isReg() &&
         (!Reg || MI.getOperand(0).getReg() == Reg) &&
         MI.getOperand(1).isImm() && MI.getOperand(1).getImm() == Offset &&
         MI.getOperand(2).isReg() && MI.getOperand(2).getReg() == Base;
}

bool PPCInstrs::isLongjmpTOCRestore(const MachineInstr &MI) const {
  using namespace encoding;
  if (MI.getNumOperands() < 3 || !MI.getOperand(2).isReg())
    return false;
  Register Base = MI.getOperand(2).getReg();
  if (Base == X1 || Base == X2 ||
      !isLoadFrom(MI, LD, X2, LongjmpTOCOffset, Base))
    return false;
  const MachineBasicBlock &MBB = *MI.getParent();
  auto Last = MBB.getLastNonDebugInstr();
  if (Last == MBB.end() || Last->getOpcode() != BCTR8)
    return false;

  // Walk the block up to the bctr: the three loads from the buffer with its
  // base unchanged between the first and the last, the resume address moved
  // to CTR and kept there, and nothing writing r2 after the restore.
  bool StackLoaded = false, TOCLoaded = false, ResumeLoaded = false;
  Register Resume; // Holds the resume address, while it does.
  bool ResumeInCTR = false;
  for (const MachineInstr &I : make_range(MBB.begin(), Last)) {
    if (&I == &MI) {
      TOCLoaded = true;
    } else if (isLoadFrom(I, LD, X1, LongjmpStackOffset, Base)) {
      StackLoaded = true;
    } else if (isLoadFrom(I, LD, Register(), LongjmpResumeOffset, Base)) {
      ResumeLoaded = true;
      Resume = I.getOperand(0).getReg();
      ResumeInCTR = false;
    } else if (I.getOpcode() == MTCTR8) {
      ResumeInCTR = Resume && I.getOperand(0).getReg() == Resume;
      continue;
    } else {
      if (TOCLoaded && writesTOCRegister(I))
        return false;
      if (I.modifiesRegister(CTR8, nullptr))
        ResumeInCTR = false;
      if (Resume && I.modifiesRegister(Resume, nullptr))
        Resume = Register();
    }
    // Once a load has read the base, only the last of the three may
    // overwrite it.
    bool AnyLoaded = StackLoaded || TOCLoaded || ResumeLoaded;
    bool AllLoaded = StackLoaded && TOCLoaded && ResumeLoaded;
    if (AnyLoaded && !AllLoaded && I.modifiesRegister(Base, nullptr))
      return false;
  }
  return StackLoaded && TOCLoaded && ResumeInCTR;
}

bool PPCInstrs::isTOCSave(const MachineInstr &MI) const {
  return isTOCSlotAccess(MI, STD, X2, X1) || getSavedTOCCopy(MI);
}

const MachineInstr *PPCInstrs::getSavedTOCCopy(const MachineInstr &MI) const {
  // At -O0 LLVM saves the TOC through a copy: `mr 5, 2; std 5, 24(1)`.
  if (MI.getOpcode() != STD || !MI.getOperand(0).isReg() ||
      MI.getOperand(0).getReg() == X2 ||
      !isTOCSlotAccess(MI, STD, MI.getOperand(0).getReg(), X1))
    return nullptr;
  Register Stored = MI.getOperand(0).getReg();
  for (auto It = std::next(MI.getReverseIterator()),
            E = MI.getParent()->instr_rend();
       It != E; ++It)
    if (It->modifiesRegister(Stored, nullptr))
      return getCopySource(*It) == Register(X2) ? &*It : nullptr;
  return nullptr;
}

std::optional<Register> PPCInstrs::getCopySource(const MachineInstr &MI) const {
  if (MI.isCopy())
    return MI.getOperand(1).getReg();
  if (MI.getOpcode() == OR8 && MI.getOperand(1).isReg() &&
      MI.getOperand(2).isReg() &&
      MI.getOperand(1).getReg() == MI.getOperand(2).getReg())
    return MI.getOperand(1).getReg();
  return std::nullopt;
}

std::optional<StringRef>
PPCInstrs::getCalleeOperandName(const MachineOperand &Target) {
  if (Target.isGlobal())
    return Target.getGlobal()->getName();
  if (Target.isSymbol())
    return StringRef(Target.getSymbolName());
  if (Target.isMCSymbol())
    return Target.getMCSymbol()->getName();
  return std::nullopt;
}

std::optional<unsigned>
PPCInstrs::getCallNopOpcode(const MachineInstr &MI) const {
  for (unsigned I = 0, E = CallsWithoutNop.size(); I != E; ++I)
    if (CallsWithoutNop[I] == MI.getOpcode())
      return CallsWithNop[I];
  return std::nullopt;
}

bool PPCInstrs::writesTOCRegister(const MachineInstr &MI) const {
  return MI.modifiesRegister(X2, nullptr) || MI.modifiesRegister(R2, nullptr);
}

bool PPCInstrs::readsTOCRegister(const MachineInstr &MI) const {
  return MI.readsRegister(X2, nullptr) || MI.readsRegister(R2, nullptr);
}

static const TargetInstrInfo &getTII(const MachineBasicBlock &MBB) {
  return *MBB.getParent()->getSubtarget().getInstrInfo();
}

MachineInstr *PPCInstrs::buildTOCReload(MachineBasicBlock &MBB,
                                        MachineBasicBlock::iterator Where,
                                        const DebugLoc &DL) const {
  return BuildMI(MBB, Where, DL, getTII(MBB).get(LD), X2)
      .addImm(encoding::TOCSaveOffset)
      .addReg(X1);
}

MachineInstr *PPCInstrs::buildTOCSave(MachineBasicBlock &MBB,
                                      MachineBasicBlock::iterator Where,
                                      const DebugLoc &DL) const {
  return BuildMI(MBB, Where, DL, getTII(MBB).get(STD))
      .addReg(X2)
      .addImm(encoding::TOCSaveOffset)
      .addReg(X1);
}

MachineInstr *PPCInstrs::buildNop(MachineBasicBlock &MBB,
                                  MachineBasicBlock::iterator Where,
                                  const DebugLoc &DL) const {
  return BuildMI(MBB, Where, DL, getTII(MBB).get(NOP));
}

bool PPCInstrs::isZeroR0(const MachineInstr &MI) const {
  unsigned Opc = MI.getOpcode();
  if (Opc != LI8 && Opc != LI)
    return false;
  const MachineOperand &Dst = MI.getOperand(0);
  const MachineOperand &Imm = MI.getOperand(1);
  return Dst.isReg() && (Dst.getReg() == X0 || Dst.getReg() == R0) &&
         Imm.isImm() && Imm.getImm() == 0;
}

MachineInstr *PPCInstrs::buildZeroR0(MachineBasicBlock &MBB,
                                     MachineBasicBlock::iterator Where,
                                     const DebugLoc &DL) const {
  return BuildMI(MBB, Where, DL, getTII(MBB).get(LI8), X0).addImm(0);
}

} // namespace ppcgoabi
