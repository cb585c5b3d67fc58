//===- StubWriter.h - Go declarations and ppc64le trampolines ---*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_STUBS_STUBWRITER_H
#define PPCGOABI_STUBS_STUBWRITER_H

#include "GoSignature.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace ppcgoabi {
namespace stubs {

/// One exported function: its signature and its stack bound.
struct Stub {
  GoSignature Sig;
  uint64_t StackBound = 0; ///< bytes below the callee's entry r1
  uint64_t FrameSize = 0;  ///< the stub's declared Go frame ($FRAME-args)
  /// Call with `CALL sym(SB)` (r12 still set) rather than through CTR.
  bool DirectCall = false;
  /// Also return, as a last uint64 result r0, what r0 held when the C
  /// function returned (before the stub zeroes it): to test C code against
  /// Go's r0 == 0 rule. Sig.ArgSize does not include it; see argSize().
  bool ReportR0 = false;

  /// The offset of the r0 result in Go's argument frame.
  unsigned r0Offset() const;
  /// The $frame-ARGSIZE of the TEXT directive.
  unsigned argSize() const;
};

/// The Go frame a stub declares for a callee that uses Bound bytes below its
/// entry r1: the C stack pointer is the frame's top, rounded down to 16
/// (ELFv2 alignment), and everything the callee writes - Bound bytes below
/// it and its caller's linkage area above it (CR at 8, LR at 16, TOC at 24)
/// - stays inside the frame, above the 32 bytes Go keeps at its bottom.
uint64_t frameSizeFor(uint64_t Bound);

void writeGoFile(llvm::raw_ostream &OS, const std::vector<Stub> &Stubs,
                 const std::string &Package, const std::string &Source);
void writeAsmFile(llvm::raw_ostream &OS, const std::vector<Stub> &Stubs,
                  const std::string &Source);

} // namespace stubs
} // namespace ppcgoabi

#endif
