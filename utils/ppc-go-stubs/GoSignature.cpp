//===- GoSignature.cpp - A C function's signature as Go ABI0 sees it ------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Go's ABI0 (the assembly calling convention, cmd/compile/abi-internal.md
// "ABI0") passes every argument and result in the caller's frame: the
// arguments in order, each aligned to its size, then the results from the
// next multiple of the pointer size. The stub reads them with x+off(FP) and
// puts them where ELFv2 (the 64-bit ELF ABI v2 for Power, "Parameter Passing
// in Registers") wants them:
//
//   - the Nth parameter (0-based) owns the Nth doubleword of the parameter
//     save area, passed in r(3+N) while N < 8;
//   - float and double take the next free FPR of f1-f13 instead, and their
//     doubleword's GPR is skipped: f(double a, long b) has a in f1, b in r4;
//   - integers narrower than 64 bits are extended by the caller as the IR's
//     signext/zeroext says (clang always says for C's char/short/int);
//   - a float is passed and returned in double format (lfs/stfs convert).
//
// Those rules make the stub a table lookup per parameter. What would need a
// memory copy or several registers (aggregates, byval, sret, i128, vectors,
// long double) or a parameter save area (more than 8 parameters, varargs)
// is refused: writing it is where hand-written stubs go wrong.
//
//===----------------------------------------------------------------------===//

#include "GoSignature.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Attributes.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace ppcgoabi {
namespace stubs {

namespace {

// Go types a stub can pass, with their ABI0 size and the Go assembler
// instructions that load (with the extension ELFv2 wants) and store them.
struct GoScalar {
  const char *GoType;
  unsigned Size;
  const char *LoadOp;
  const char *StoreOp;
  bool IsFloat;
  bool IsPointer;
};

const GoScalar Bool = {"bool", 1, "MOVBZ", "MOVB", false, false};
const GoScalar Int8 = {"int8", 1, "MOVB", "MOVB", false, false};
const GoScalar Uint8 = {"uint8", 1, "MOVBZ", "MOVB", false, false};
const GoScalar Int16 = {"int16", 2, "MOVH", "MOVH", false, false};
const GoScalar Uint16 = {"uint16", 2, "MOVHZ", "MOVH", false, false};
const GoScalar Int32 = {"int32", 4, "MOVW", "MOVW", false, false};
const GoScalar Uint32 = {"uint32", 4, "MOVWZ", "MOVW", false, false};
const GoScalar Int64 = {"int64", 8, "MOVD", "MOVD", false, false};
const GoScalar Pointer = {"unsafe.Pointer", 8, "MOVD", "MOVD", false, true};
const GoScalar Float32 = {"float32", 4, "FMOVS", "FMOVS", true, false};
const GoScalar Float64 = {"float64", 8, "FMOVD", "FMOVD", true, false};

std::string typeName(Type *T) {
  std::string S;
  raw_string_ostream OS(S);
  T->print(OS);
  return OS.str();
}

/// The Go scalar for an IR type with its extension attributes, or nothing
/// with the reason in Why.
std::optional<GoScalar> classify(Type *T, AttributeSet Attrs,
                                 std::string &Why) {
  for (Attribute::AttrKind K :
       {Attribute::ByVal, Attribute::StructRet, Attribute::InAlloca,
        Attribute::Preallocated, Attribute::ByRef}) {
    if (Attrs.hasAttribute(K)) {
      Why = "is passed in memory (" + Attribute::getNameFromAttrKind(K).str() +
            "): only integers, pointers, float and double are passed in "
            "registers by a stub";
      return std::nullopt;
    }
  }
  bool Signed = Attrs.hasAttribute(Attribute::SExt);
  bool Unsigned = Attrs.hasAttribute(Attribute::ZExt);
  if (auto *IT = dyn_cast<IntegerType>(T)) {
    switch (IT->getBitWidth()) {
    case 1:
      if (Signed) {
        Why = "is a signext i1: a Go bool is 0 or 1";
        return std::nullopt;
      }
      return Bool;
    case 8:
      return Unsigned ? Uint8 : Int8;
    case 16:
      return Unsigned ? Uint16 : Int16;
    case 32:
      return Unsigned ? Uint32 : Int32;
    case 64:
      return Int64;
    default:
      break;
    }
    Why = "has type " + typeName(T) +
          (IT->getBitWidth() > 64
               ? ": integers wider than 64 bits take two registers"
               : ": only i1, i8, i16, i32 and i64 have a Go type");
    return std::nullopt;
  }
  if (auto *PT = dyn_cast<PointerType>(T)) {
    if (PT->getAddressSpace() != 0) {
      Why = "has type " + typeName(T) + ": only address space 0 pointers";
      return std::nullopt;
    }
    return Pointer;
  }
  if (T->isDoubleTy())
    return Float64;
  if (T->isFloatTy())
    return Float32;
  Why = "has type " + typeName(T) + ": ";
  if (T->isVectorTy())
    Why += "vectors are passed in vector registers";
  else if (T->isStructTy() || T->isArrayTy())
    Why += "aggregates are passed in several registers or in memory";
  else if (T->isFloatingPointTy())
    Why += "only float and double are passed in FPRs";
  else
    Why += "no Go type corresponds";
  Why += "; only integers of at most 64 bits, pointers, float and double "
         "are supported";
  return std::nullopt;
}

bool isGoKeyword(StringRef S) {
  static const StringSet<> Keywords = {
      "break",     "case",   "chan",    "const",       "continue",
      "default",   "defer",  "else",    "fallthrough", "for",
      "func",      "go",     "goto",    "if",          "import",
      "interface", "map",    "package", "range",       "return",
      "select",    "struct", "switch",  "type",        "var"};
  return Keywords.contains(S);
}

GoValue makeValue(const GoScalar &S, std::string Name) {
  GoValue V;
  V.Name = std::move(Name);
  V.GoType = S.GoType;
  V.Size = S.Size;
  V.IsFloat = S.IsFloat;
  V.IsPointer = S.IsPointer;
  V.LoadOp = S.LoadOp;
  V.StoreOp = S.StoreOp;
  return V;
}

std::string describeParam(const Argument &A) {
  std::string S = "parameter " + std::to_string(A.getArgNo() + 1);
  if (A.hasName())
    S += " (%" + A.getName().str() + ")";
  else
    S += " (%" + std::to_string(A.getArgNo()) + ")";
  return S;
}

} // namespace

bool GoSignature::hasPointers() const {
  for (const GoValue &P : Params)
    if (P.IsPointer)
      return true;
  return Result && Result->IsPointer;
}

bool isGoIdentifier(StringRef S) {
  if (S.empty() || S == "_" || isGoKeyword(S))
    return false;
  if (!(isAlpha(S[0]) || S[0] == '_'))
    return false;
  for (char C : S.drop_front())
    if (!(isAlnum(C) || C == '_'))
      return false;
  return true;
}

std::optional<GoSignature> lowerSignature(const Function &F, StringRef GoName,
                                          std::string &Error) {
  std::string Fn = F.getName().str();
  auto Fail = [&](const std::string &Msg) {
    Error = Fn + ": " + Msg;
    return std::nullopt;
  };
  if (F.isDeclaration())
    return Fail("is only declared in the module, not defined: export the "
                "functions of the module the object was compiled from");
  if (F.hasLocalLinkage())
    return Fail("has internal linkage: the Go linker cannot see it (remove "
                "'static')");
  if (F.getCallingConv() != CallingConv::C)
    return Fail("does not use the C calling convention (calling convention " +
                std::to_string(F.getCallingConv()) + ")");
  if (F.isVarArg())
    return Fail("is variadic: ELFv2 varargs need a parameter save area and "
                "Go has no C varargs");
  if (F.arg_size() > MaxParams)
    return Fail(describeParam(*F.getArg(MaxParams)) + ": more than " +
                std::to_string(MaxParams) +
                " parameters: ELFv2 passes the ninth in memory");

  GoSignature Sig;
  Sig.CName = Fn;
  Sig.GoName = GoName.str();

  // Go names: the IR's when they are usable, else a0, a1, ...
  // "r0" is the extra result of --report-r0.
  StringSet<> Used = {"ret", "r0", "unsafe"};
  std::vector<std::string> Names;
  for (const Argument &A : F.args()) {
    std::string Name = A.getName().str();
    if (!isGoIdentifier(Name) || Used.contains(Name))
      Name.clear();
    if (!Name.empty())
      Used.insert(Name);
    Names.push_back(Name);
  }
  for (unsigned I = 0; I < Names.size(); ++I) {
    if (!Names[I].empty())
      continue;
    std::string Name = "a" + std::to_string(I);
    while (Used.contains(Name))
      Name = "_" + Name;
    Used.insert(Name);
    Names[I] = Name;
  }

  unsigned Offset = 0, NextFPR = 1;
  AttributeList Attrs = F.getAttributes();
  for (const Argument &A : F.args()) {
    std::string Why;
    std::optional<GoScalar> S =
        classify(A.getType(), Attrs.getParamAttrs(A.getArgNo()), Why);
    if (!S)
      return Fail(describeParam(A) + " " + Why);
    GoValue V = makeValue(*S, Names[A.getArgNo()]);
    Offset = alignTo(Offset, V.Size);
    V.Offset = Offset;
    Offset += V.Size;
    V.Reg = V.IsFloat ? "F" + std::to_string(NextFPR++)
                      : "R" + std::to_string(3 + A.getArgNo());
    if (V.IsPointer && !A.hasNoCaptureAttr())
      Sig.PointersNoCapture = false;
    Sig.Params.push_back(V);
  }

  Type *RetTy = F.getReturnType();
  if (!RetTy->isVoidTy()) {
    std::string Why;
    std::optional<GoScalar> S = classify(RetTy, Attrs.getRetAttrs(), Why);
    if (!S)
      return Fail("the result " + Why);
    GoValue V = makeValue(*S, "ret");
    Offset = alignTo(alignTo(Offset, 8), V.Size);
    V.Offset = Offset;
    Offset += V.Size;
    V.Reg = V.IsFloat ? "F1" : "R3";
    Sig.Result = V;
  }
  Sig.ArgSize = Offset;

  std::string Proto;
  raw_string_ostream OS(Proto);
  RetTy->print(OS);
  OS << " " << Fn << "(";
  for (const Argument &A : F.args()) {
    if (A.getArgNo())
      OS << ", ";
    A.getType()->print(OS);
  }
  OS << ")";
  Sig.IRPrototype = OS.str();
  return Sig;
}

} // namespace stubs
} // namespace ppcgoabi
