//===- PPCDecoder.cpp - ppc64le instructions for the checker --------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Decoding goes through LLVM's MC layer only; nothing here shells out to a
// disassembler. The MC objects are created once per process for the triple
// powerpc64le-unknown-linux-gnu and CPU pwr10, so that every instruction an
// object may contain (Power10 prefixed ones included) decodes, and they are
// never mutated afterwards.
//
//===----------------------------------------------------------------------===//

#include "PPCDecoder.h"

#include "LLVMCompat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCDisassembler/MCDisassembler.h"
#include "llvm/MC/MCInstPrinter.h"
#include "llvm/MC/MCInstrDesc.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

static constexpr char TripleName[] = "powerpc64le-unknown-linux-gnu";
/// The newest CPU both LLVM 19 and 22 know: decodes every instruction.
static constexpr char CPUName[] = "pwr10";

//===----------------------------------------------------------------------===//
// Branch forms (Power ISA 3.1, Book I, 2.4)
//===----------------------------------------------------------------------===//

static int64_t signExtend(uint64_t Value, unsigned Bits) {
  uint64_t SignBit = uint64_t(1) << (Bits - 1);
  return int64_t((Value ^ SignBit) - SignBit);
}

/// BO with bits 0 and 2 set (0b1z1zz): branch always.
static bool isBranchAlways(unsigned BO) { return (BO & 0x14) == 0x14; }

BranchInfo decodeBranch(uint32_t Word, uint64_t Addr) {
  BranchInfo B;
  unsigned Opcode = Word >> 26;
  bool AA = Word & 2;
  B.Link = Word & 1;
  switch (Opcode) {
  case 18: { // I-form: b, ba, bl, bla
    int64_t LI = signExtend(Word & 0x03fffffc, 26);
    B.Kind = BranchInfo::Direct;
    B.Target = AA ? uint64_t(LI) : Addr + uint64_t(LI);
    return B;
  }
  case 16: { // B-form: bc, bca, bcl, bcla
    int64_t BD = signExtend(Word & 0xfffc, 16);
    B.Kind = BranchInfo::Direct;
    B.Conditional = !isBranchAlways((Word >> 21) & 31);
    B.Target = AA ? uint64_t(BD) : Addr + uint64_t(BD);
    return B;
  }
  case 19: { // XL-form: bclr, bcctr, bctar
    unsigned XO = (Word >> 1) & 0x3ff;
    if (XO != 16 && XO != 528 && XO != 560)
      break;
    B.Kind = XO == 16 ? BranchInfo::ToLR : BranchInfo::ToCTR;
    B.Conditional = !isBranchAlways((Word >> 21) & 31);
    return B;
  }
  default:
    break;
  }
  B.Link = false;
  return B;
}

std::optional<LoadDoubleword> decodeLoadDoubleword(uint32_t Word) {
  if (Word >> 26 != 58 || (Word & 3) != 0)
    return std::nullopt;
  LoadDoubleword L;
  L.RT = (Word >> 21) & 31;
  L.RA = (Word >> 16) & 31;
  L.Offset = signExtend(Word & 0xfffc, 16);
  return L;
}

//===----------------------------------------------------------------------===//
// The MC layer
//===----------------------------------------------------------------------===//

PPCDecoder::PPCDecoder() = default;
PPCDecoder::~PPCDecoder() = default;

Expected<std::unique_ptr<PPCDecoder>> PPCDecoder::create() {
  InitializeAllTargetInfos();
  InitializeAllTargetMCs();
  InitializeAllDisassemblers();

  auto Fail = [](const Twine &What) {
    return createStringError(inconvertibleErrorCode(),
                             "this LLVM cannot disassemble powerpc64le: " +
                                 What);
  };
  Triple TT(TripleName);
  std::string Err;
  const Target *T = TargetRegistry::lookupTarget(tripleArg(TT), Err);
  if (!T)
    return Fail(Err);

  std::unique_ptr<PPCDecoder> D(new PPCDecoder());
  D->MRI.reset(T->createMCRegInfo(tripleArg(TT)));
  if (!D->MRI)
    return Fail("no register info");
  MCTargetOptions Options;
  D->MAI.reset(T->createMCAsmInfo(*D->MRI, tripleArg(TT), Options));
  D->STI.reset(T->createMCSubtargetInfo(tripleArg(TT), CPUName, ""));
  D->MII.reset(T->createMCInstrInfo());
  if (!D->MAI || !D->STI || !D->MII)
    return Fail("no asm, subtarget or instruction info");
  D->Ctx =
      std::make_unique<MCContext>(TT, D->MAI.get(), D->MRI.get(), D->STI.get());
  D->Disassembler.reset(T->createMCDisassembler(*D->STI, *D->Ctx));
  D->Printer.reset(T->createMCInstPrinter(TT, /*SyntaxVariant=*/0, *D->MAI,
                                          *D->MII, *D->MRI));
  if (!D->Disassembler || !D->Printer)
    return Fail("no disassembler or instruction printer");
  D->Printer->setPrintBranchImmAsAddress(true);

  // Registers and opcodes by name: their numbers are private to the
  // PowerPC backend and differ between LLVM releases.
  StringMap<MCRegister> Regs;
  for (unsigned R = 1, E = D->MRI->getNumRegs(); R != E; ++R)
    Regs[D->MRI->getName(R)] = MCRegister(R);
  D->GPRNumbers.assign(D->MRI->getNumRegs(), -1);
  for (unsigned N = 0; N != 32; ++N) {
    for (const char *Prefix : {"R", "X"}) {
      auto It = Regs.find((Prefix + Twine(N)).str());
      if (It == Regs.end())
        return Fail("no register " + Twine(Prefix) + Twine(N));
      D->GPRNumbers[It->second.id()] = N;
      if (*Prefix == 'X')
        D->X[N] = It->second;
    }
  }
  for (const char *Zero : {"ZERO", "ZERO8"})
    if (auto It = Regs.find(Zero); It != Regs.end())
      D->GPRNumbers[It->second.id()] = 0;
  auto FindReg = [&](StringRef Name, MCRegister &Reg) {
    auto It = Regs.find(Name);
    if (It == Regs.end())
      return false;
    Reg = It->second;
    return true;
  };
  // CTR and CTR8 (LR and LR8) are distinct registers to MC, not a
  // register and its sub-register.
  if (!FindReg("CTR", D->CTR[0]) || !FindReg("CTR8", D->CTR[1]) ||
      !FindReg("LR", D->LR[0]) || !FindReg("LR8", D->LR[1]))
    return Fail("no register CTR, CTR8, LR or LR8");

  StringMap<unsigned> Opcodes;
  for (unsigned Opc = 0, E = D->MII->getNumOpcodes(); Opc != E; ++Opc)
    Opcodes[D->MII->getName(Opc)] = Opc;
  std::string Missing;
  auto FindOpcodes = [&](ArrayRef<const char *> Names,
                         SmallVectorImpl<unsigned> &List) {
    for (const char *Name : Names) {
      auto It = Opcodes.find(Name);
      if (It == Opcodes.end()) {
        Missing = Name;
        return false;
      }
      List.push_back(It->second);
    }
    return true;
  };
  // Each opcode is looked up once; the groups that extend another start as
  // a copy of it (PPCDecoder.h lists what each group is for).
  if (!FindOpcodes({"MTCTR", "MTCTR8"}, D->MoveToCTR) ||
      !FindOpcodes({"MTLR", "MTLR8"}, D->MoveToLR) ||
      !FindOpcodes({"OR", "OR8"}, D->Or) ||
      !FindOpcodes({"ORI", "ORI8", "ORIS", "ORIS8"}, D->OrImm) ||
      !FindOpcodes({"LI", "LI8"}, D->LoadImm) ||
      !FindOpcodes({"LIS", "LIS8"}, D->LoadImmShifted) ||
      !FindOpcodes({"XOR", "XOR8", "SUBF", "SUBF8"}, D->ZeroWithSameReg) ||
      !FindOpcodes({"RLDICL"}, D->RotateLeftClear))
    return Fail("no opcode " + Missing);
  D->IdentityWithZeroImm.assign(D->OrImm.begin(), D->OrImm.end());
  D->IdentityWithSameReg.assign(D->Or.begin(), D->Or.end());
  if (!FindOpcodes({"XORI", "XORI8", "XORIS", "XORIS8", "ADDI", "ADDI8"},
                   D->IdentityWithZeroImm) ||
      !FindOpcodes({"AND", "AND8"}, D->IdentityWithSameReg))
    return Fail("no opcode " + Missing);
  return D;
}

Insn PPCDecoder::decode(ArrayRef<uint8_t> Bytes, uint64_t Addr) const {
  Insn I;
  I.Addr = Addr;
  if (Bytes.size() >= 4)
    I.Word = uint32_t(Bytes[0]) | uint32_t(Bytes[1]) << 8 |
             uint32_t(Bytes[2]) << 16 | uint32_t(Bytes[3]) << 24;
  uint64_t Size = 0;
  I.Valid = Bytes.size() >= 4 &&
            Disassembler->getInstruction(I.Inst, Size, Bytes, Addr, nulls()) ==
                MCDisassembler::Success &&
            (Size == 4 || Size == 8);
  I.Size = I.Valid ? unsigned(Size) : 4;
  return I;
}

std::string PPCDecoder::print(const Insn &I) const {
  if (!I.Valid)
    return (".long 0x" + Twine::utohexstr(I.Word)).str();
  std::string S;
  raw_string_ostream OS(S);
  Printer->printInst(&I.Inst, I.Addr, "", *STI, OS);
  OS.flush();
  // The printer separates mnemonic and operands with a tab.
  std::replace(S.begin(), S.end(), '\t', ' ');
  return StringRef(S).trim().str();
}

std::optional<unsigned> PPCDecoder::getGPRNumber(MCRegister Reg) const {
  if (!Reg.isValid() || Reg.id() >= GPRNumbers.size() ||
      GPRNumbers[Reg.id()] < 0)
    return std::nullopt;
  return unsigned(GPRNumbers[Reg.id()]);
}

bool PPCDecoder::writesGPR(const Insn &I, unsigned N) const {
  if (!I.Valid)
    return false;
  // hasDefOfPhysReg compares with isSubRegisterEq: X<n> covers R<n>.
  return MII->get(I.Inst.getOpcode()).hasDefOfPhysReg(I.Inst, X[N], *MRI);
}

bool PPCDecoder::changesGPR(const Insn &I, unsigned N) const {
  if (!writesGPR(I, N))
    return false;
  const MCInst &MI = I.Inst;
  auto RegIs = [&](unsigned Op, unsigned Want) {
    return Op < MI.getNumOperands() && MI.getOperand(Op).isReg() &&
           getGPRNumber(MI.getOperand(Op).getReg()) == Want;
  };
  auto ImmIs = [&](unsigned Op, int64_t Want) {
    return Op < MI.getNumOperands() && MI.getOperand(Op).isImm() &&
           MI.getOperand(Op).getImm() == Want;
  };
  // Only the destination is N: the instruction's single def is operand 0.
  if (!RegIs(0, N) || MII->get(MI.getOpcode()).getNumDefs() != 1)
    return true;
  // addi rA,0,0 is `li rA,0`: r0 reads as zero there. The other forms read
  // the register itself.
  if (isOneOf(I, IdentityWithZeroImm))
    return !(RegIs(1, N) && ImmIs(2, 0) && N != 0);
  if (isOneOf(I, IdentityWithSameReg))
    return !(RegIs(1, N) && RegIs(2, N));
  if (isOneOf(I, RotateLeftClear))
    return !(RegIs(1, N) && ImmIs(2, 0) && ImmIs(3, 0));
  return true;
}

bool PPCDecoder::writesAny(const Insn &I, ArrayRef<MCRegister> Regs) const {
  if (!I.Valid)
    return false;
  const MCInstrDesc &Desc = MII->get(I.Inst.getOpcode());
  return any_of(Regs, [&](MCRegister R) {
    return Desc.hasDefOfPhysReg(I.Inst, R, *MRI);
  });
}

bool PPCDecoder::writesCTR(const Insn &I) const { return writesAny(I, CTR); }

bool PPCDecoder::writesLR(const Insn &I) const { return writesAny(I, LR); }

bool PPCDecoder::isOneOf(const Insn &I, ArrayRef<unsigned> Opcodes) const {
  return I.Valid && is_contained(Opcodes, I.Inst.getOpcode());
}

std::optional<unsigned>
PPCDecoder::getSourceOfMove(const Insn &I, ArrayRef<unsigned> Opcodes) const {
  if (!isOneOf(I, Opcodes) || I.Inst.getNumOperands() < 1 ||
      !I.Inst.getOperand(0).isReg())
    return std::nullopt;
  return getGPRNumber(I.Inst.getOperand(0).getReg());
}

std::optional<unsigned> PPCDecoder::getMoveToCTRSource(const Insn &I) const {
  return getSourceOfMove(I, MoveToCTR);
}

std::optional<unsigned> PPCDecoder::getMoveToLRSource(const Insn &I) const {
  return getSourceOfMove(I, MoveToLR);
}

std::optional<std::pair<unsigned, unsigned>>
PPCDecoder::getRegisterCopy(const Insn &I) const {
  // or rA, rS, rB with rS == rB is `mr rA, rS`.
  if (!isOneOf(I, Or) || I.Inst.getNumOperands() < 3)
    return std::nullopt;
  const MCOperand &A = I.Inst.getOperand(0), &S = I.Inst.getOperand(1),
                  &B = I.Inst.getOperand(2);
  if (!A.isReg() || !S.isReg() || !B.isReg())
    return std::nullopt;
  std::optional<unsigned> RA = getGPRNumber(A.getReg()),
                          RS = getGPRNumber(S.getReg()),
                          RB = getGPRNumber(B.getReg());
  if (!RA || !RS || RS != RB)
    return std::nullopt;
  return std::make_pair(*RA, *RS);
}

std::optional<std::pair<unsigned, int64_t>>
PPCDecoder::getLoadedImmediate(const Insn &I) const {
  bool Shifted = isOneOf(I, LoadImmShifted);
  if ((!Shifted && !isOneOf(I, LoadImm)) || I.Inst.getNumOperands() < 2 ||
      !I.Inst.getOperand(0).isReg() || !I.Inst.getOperand(1).isImm())
    return std::nullopt;
  std::optional<unsigned> RD = getGPRNumber(I.Inst.getOperand(0).getReg());
  if (!RD)
    return std::nullopt;
  int64_t Imm = I.Inst.getOperand(1).getImm();
  return std::make_pair(*RD, Shifted ? Imm * 65536 : Imm);
}

/// The GPR numbers of the first \p Count operands of \p I, if all are GPRs.
static std::optional<SmallVector<unsigned, 3>>
getGPROperands(const PPCDecoder &D, const Insn &I, unsigned Count) {
  if (I.Inst.getNumOperands() < Count)
    return std::nullopt;
  SmallVector<unsigned, 3> Regs;
  for (unsigned K = 0; K != Count; ++K) {
    const MCOperand &Op = I.Inst.getOperand(K);
    std::optional<unsigned> R =
        Op.isReg() ? D.getGPRNumber(Op.getReg()) : std::nullopt;
    if (!R)
      return std::nullopt;
    Regs.push_back(*R);
  }
  return Regs;
}

bool PPCDecoder::zeroesGPR(const Insn &I, unsigned N) const {
  if (auto Imm = getLoadedImmediate(I))
    return Imm->first == N && Imm->second == 0;
  // xor rA,rS,rB and subf rD,rA,rB: the destination is operand 0; equal
  // sources give zero.
  if (!isOneOf(I, ZeroWithSameReg))
    return false;
  auto Regs = getGPROperands(*this, I, 3);
  return Regs && (*Regs)[0] == N && (*Regs)[1] == (*Regs)[2];
}

bool PPCDecoder::preservesGPR(const Insn &I, unsigned N) const {
  if (auto Copy = getRegisterCopy(I))
    return Copy->first == N && Copy->second == N;
  // ori rA,rS,imm / oris rA,rS,imm: operands rA, rS, imm.
  if (!isOneOf(I, OrImm) || I.Inst.getNumOperands() < 3 ||
      !I.Inst.getOperand(2).isImm() || I.Inst.getOperand(2).getImm() != 0)
    return false;
  auto Regs = getGPROperands(*this, I, 2);
  return Regs && (*Regs)[0] == N && (*Regs)[1] == N;
}

} // namespace checker
} // namespace ppcgoabi
