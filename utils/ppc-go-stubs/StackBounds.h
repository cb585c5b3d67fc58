//===- StackBounds.h - Bounded stack use of C functions ---------*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The most stack a function of an object can use below the stack pointer it
// is entered with, from the object's .stack_sizes section (each function's
// own frame, written by LLVM with -stack-size-section) and its call graph
// (the object's branch relocations, and the IR's indirect calls). A function
// whose use has no bound (a dynamic alloca, recursion, an indirect call or a
// call to a function the object does not define) gets an error that names
// the chain of calls that leads there.
//
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_STUBS_STACKBOUNDS_H
#define PPCGOABI_STUBS_STACKBOUNDS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Module;
namespace object {
class ObjectFile;
} // namespace object
} // namespace llvm

namespace ppcgoabi {
namespace stubs {

/// ELFv2's protected zone: a function may use 288 bytes below its stack
/// pointer without allocating them (LLVM does in leaf functions, whose
/// .stack_sizes entry is then 0).
constexpr uint64_t RedZoneSize = 288;

class StackBounds {
public:
  /// Reads the object. Returns false with Error set if it is not a
  /// powerpc64le ELF relocatable object with a .stack_sizes section.
  bool load(const llvm::object::ObjectFile &Obj, const llvm::Module &M,
            std::string &Error);

  /// Stack use the user asserts for a function the object does not define
  /// (e.g. a Go assembly callback), callees and red zone included.
  void assume(llvm::StringRef Name, uint64_t Bytes) { Assumed[Name] = Bytes; }

  /// Stack use the user asserts for every callee of Caller's indirect calls
  /// (e.g. a Go assembly callback reached through a function pointer),
  /// callees and red zone included.
  void assumeIndirect(llvm::StringRef Caller, uint64_t Bytes) {
    AssumedIndirect[Caller] = Bytes;
  }

  /// The bytes below its entry r1 that Fn may use, its callees' frames and
  /// the deepest red zone included; or nothing, with the reason in Error.
  std::optional<uint64_t> bound(llvm::StringRef Fn, std::string &Error);

  /// Whether the object defines Fn as a global function.
  bool definesGlobal(llvm::StringRef Fn) const;

  /// The frame size .stack_sizes gives for Fn, if any.
  std::optional<uint64_t> frameSize(llvm::StringRef Fn) const;

private:
  struct FuncInfo {
    bool Global = false;
    std::optional<uint64_t> FrameSize; // .stack_sizes entry
    std::vector<std::string> Callees;  // branch relocations
    bool IndirectCall = false;         // from the IR
    bool InIR = false;
  };
  llvm::StringMap<FuncInfo> Funcs;
  llvm::StringMap<uint64_t> Assumed;
  llvm::StringMap<uint64_t> AssumedIndirect;
  llvm::StringMap<uint64_t> Memo;
  std::vector<std::string> Path; // the call chain under evaluation

  std::optional<uint64_t> visit(llvm::StringRef Fn, std::string &Error);
  std::string chain(llvm::StringRef Last) const;
};

} // namespace stubs
} // namespace ppcgoabi

#endif
