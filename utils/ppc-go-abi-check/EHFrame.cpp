//===- EHFrame.cpp - Function ranges from .eh_frame -----------------------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Guarantees: every read is checked against the section's bounds; a record
// never extends past its own length; the walk advances by at least 4 bytes
// per record, so it ends on any input. Damage ends the walk with a message.
//
// Layout (LSB Core, Exception Frames):
//   record  length u32 (0xffffffff: u64 follows; 0: terminator),
//           id u32 (0: CIE; otherwise the distance back to the FDE's CIE)
//   CIE     version u8, augmentation string, ["eh" data], code alignment
//           uleb, data alignment sleb, return register (u8 in version 1,
//           uleb after), "z": augmentation data length uleb, then per
//           letter: R: FDE pointer encoding u8; P: encoding u8 + pointer;
//           L: LSDA encoding u8; S, B: nothing
//   FDE     pc_begin (the CIE's R encoding), pc_range (same format, not
//           relative), ...
//
//===----------------------------------------------------------------------===//

#include "EHFrame.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Support/Endian.h"

#include <optional>

using namespace llvm;

namespace ppcgoabi {
namespace checker {

namespace {

/// Bounds-checked reads in [Pos, End).
class Cursor {
public:
  Cursor(StringRef Data, uint64_t Pos, uint64_t End)
      : Pos(Pos), Data(Data), End(std::min<uint64_t>(End, Data.size())) {}
  uint64_t Pos;
  bool Failed = false;

  uint64_t fixed(unsigned Size) {
    if (Failed || Pos > End || Size > End - Pos) {
      Failed = true;
      return 0;
    }
    uint64_t V = 0;
    for (unsigned I = 0; I != Size; ++I)
      V |= uint64_t(uint8_t(Data[Pos + I])) << (8 * I);
    Pos += Size;
    return V;
  }
  uint64_t uleb() {
    uint64_t V = 0;
    for (unsigned Shift = 0;; Shift += 7) {
      uint8_t B = uint8_t(fixed(1));
      if (Failed || Shift > 63) {
        Failed = true;
        return 0;
      }
      V |= uint64_t(B & 0x7f) << Shift;
      if (!(B & 0x80))
        return V;
    }
  }
  int64_t sleb() {
    uint64_t V = 0;
    unsigned Shift = 0;
    uint8_t B;
    do {
      B = uint8_t(fixed(1));
      if (Failed || Shift > 63) {
        Failed = true;
        return 0;
      }
      V |= uint64_t(B & 0x7f) << Shift;
      Shift += 7;
    } while (B & 0x80);
    if (Shift < 64 && (B & 0x40))
      V |= ~uint64_t(0) << Shift;
    return int64_t(V);
  }
  StringRef cstr() {
    if (Failed || Pos >= End) {
      Failed = true;
      return "";
    }
    StringRef S = Data.slice(Pos, End);
    size_t Len = S.find('\0');
    if (Len == StringRef::npos) {
      Failed = true;
      return "";
    }
    Pos += Len + 1;
    return S.take_front(Len);
  }
  /// A pointer in DW_EH_PE encoding \p Enc; \p Base is the section's
  /// address (for pc-relative values). Only the value's format is applied
  /// when \p Absolute is false (pc_range).
  std::optional<uint64_t> pointer(uint8_t Enc, uint64_t Base, bool Relative) {
    uint64_t FieldAddr = Base + Pos;
    uint64_t V;
    switch (Enc & 0x0f) {
    case dwarf::DW_EH_PE_absptr:
    case dwarf::DW_EH_PE_udata8:
    case dwarf::DW_EH_PE_sdata8:
      V = fixed(8);
      break;
    case dwarf::DW_EH_PE_uleb128:
      V = uleb();
      break;
    case dwarf::DW_EH_PE_udata2:
      V = fixed(2);
      break;
    case dwarf::DW_EH_PE_sdata2:
      V = uint64_t(int64_t(int16_t(fixed(2))));
      break;
    case dwarf::DW_EH_PE_udata4:
      V = fixed(4);
      break;
    case dwarf::DW_EH_PE_sdata4:
      V = uint64_t(int64_t(int32_t(fixed(4))));
      break;
    case dwarf::DW_EH_PE_sleb128:
      V = uint64_t(sleb());
      break;
    default:
      Failed = true;
      return std::nullopt;
    }
    if (Failed)
      return std::nullopt;
    if (!Relative)
      return V;
    switch (Enc & 0x70) {
    case dwarf::DW_EH_PE_absptr:
      return V;
    case dwarf::DW_EH_PE_pcrel:
      return FieldAddr + V;
    default: // textrel, datarel, funcrel, aligned: not used on ppc64le.
      return std::nullopt;
    }
  }

private:
  StringRef Data;
  uint64_t End;
};

struct CIEInfo {
  uint8_t FDEEncoding = dwarf::DW_EH_PE_absptr;
  /// The FDE has augmentation data ("z").
  bool HasAugmentationData = false;
};

/// Parses the CIE whose body (after the id) is in [Pos, End).
std::optional<CIEInfo> parseCIE(StringRef Data, uint64_t Addr, uint64_t Pos,
                                uint64_t End, std::string &Why) {
  Cursor C(Data, Pos, End);
  CIEInfo Info;
  uint8_t Version = uint8_t(C.fixed(1));
  if (!C.Failed && Version != 1 && Version != 3 && Version != 4) {
    Why = "unknown CIE version " + std::to_string(Version);
    return std::nullopt;
  }
  StringRef Aug = C.cstr();
  if (Aug.consume_front("eh"))
    C.fixed(8);
  if (Version == 4)
    C.fixed(2); // address size, segment selector size
  C.uleb();
  C.sleb();
  if (Version == 1)
    C.fixed(1);
  else
    C.uleb();
  if (C.Failed) {
    Why = "a CIE is truncated";
    return std::nullopt;
  }
  if (!Aug.consume_front("z"))
    return Info; // No augmentation data: absolute pointers.
  Info.HasAugmentationData = true;
  uint64_t Len = C.uleb();
  uint64_t DataEnd = C.Pos + Len;
  if (C.Failed || DataEnd < C.Pos || DataEnd > End) {
    Why = "a CIE's augmentation data is out of bounds";
    return std::nullopt;
  }
  for (char Letter : Aug) {
    switch (Letter) {
    case 'R':
      Info.FDEEncoding = uint8_t(C.fixed(1));
      break;
    case 'L':
      C.fixed(1);
      break;
    case 'P': {
      uint8_t Enc = uint8_t(C.fixed(1));
      C.pointer(Enc, Addr, /*Relative=*/false);
      break;
    }
    case 'S':
    case 'B':
      break;
    default:
      // Unknown letters end what can be read; the length skips the rest.
      C.Pos = DataEnd;
      break;
    }
    if (C.Failed || C.Pos > DataEnd) {
      Why = "a CIE's augmentation data is malformed";
      return std::nullopt;
    }
  }
  return Info;
}

} // namespace

std::vector<FDERange> readEHFrame(StringRef Data, uint64_t Addr,
                                  std::string &Error) {
  std::vector<FDERange> Ranges;
  DenseMap<uint64_t, std::optional<CIEInfo>> CIEs;
  uint64_t Pos = 0;
  auto Fail = [&](const Twine &Why) {
    Error =
        (".eh_frame at offset 0x" + Twine::utohexstr(Pos) + ": " + Why).str();
    return Ranges;
  };
  while (Pos + 4 <= Data.size()) {
    Cursor Head(Data, Pos, Data.size());
    uint64_t Length = Head.fixed(4);
    if (Length == 0)
      break; // The terminator.
    if (Length == 0xffffffff)
      Length = Head.fixed(8);
    uint64_t Body = Head.Pos;
    if (Head.Failed || Length > Data.size() - Body || Length < 4)
      return Fail("record length out of bounds");
    uint64_t End = Body + Length;
    uint64_t Id = Head.fixed(4);
    if (Id == 0) {
      Pos = End; // A CIE: parsed when an FDE refers to it.
      continue;
    }
    if (Id > Body)
      return Fail("an FDE's CIE pointer is out of bounds");
    uint64_t CIEPos = Body - Id;
    auto It = CIEs.find(CIEPos);
    if (It == CIEs.end()) {
      std::string Why;
      Cursor CH(Data, CIEPos, Data.size());
      uint64_t CIELength = CH.fixed(4);
      uint64_t CIEId = 0;
      if (CIELength == 0xffffffff)
        CIELength = CH.fixed(8);
      uint64_t CIEBody = CH.Pos;
      if (!CH.Failed && CIELength >= 4 && CIELength <= Data.size() - CIEBody)
        CIEId = CH.fixed(4);
      else
        CH.Failed = true;
      std::optional<CIEInfo> Info;
      if (CH.Failed || CIEId != 0)
        Why = "an FDE's CIE pointer does not point to a CIE";
      else
        Info = parseCIE(Data, Addr, CH.Pos, CIEBody + CIELength, Why);
      if (!Info)
        return Fail(Why);
      It = CIEs.try_emplace(CIEPos, Info).first;
    }
    const CIEInfo &CIE = *It->second;
    Cursor C(Data, Head.Pos, End);
    std::optional<uint64_t> Begin = C.pointer(CIE.FDEEncoding, Addr, true);
    std::optional<uint64_t> Size = C.pointer(CIE.FDEEncoding, Addr, false);
    if (!Begin || !Size)
      return Fail("an FDE's address range cannot be read");
    // An FDE of a discarded function (its location was resolved to 0) or
    // with an empty range describes no code.
    if (*Size != 0 && *Begin != 0)
      Ranges.push_back({*Begin, *Size});
    Pos = End;
  }
  return Ranges;
}

} // namespace checker
} // namespace ppcgoabi
