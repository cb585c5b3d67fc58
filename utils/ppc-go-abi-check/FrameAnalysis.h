//===- FrameAnalysis.h - Where a function has its own frame -----*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The frame analysis of one decoded function, computed once before any
/// rule runs and read by rules 2 (TOC save), 3 (indirect calls) and 6 (r2
/// reserved): which instructions are calls, which move r1, and which run
/// before the function has allocated a frame of its own.
///
/// It also holds Go's stack-growth exception (Conventions.h,
/// encoding::Morestack*), which rules 2, 3 and 6 make room for: the
/// stack-growth call in a Go prologue runs before the frame exists and keeps
/// r2 at 8(r1) around it, `std 2,8(1); bl runtime.morestack*; ld 2,8(1)`
/// (under dynlink an indirect call), so it needs no TOC save slot of its own
/// and its `ld 2,8(1)` is not an ordinary write of r2.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_CHECKER_FRAMEANALYSIS_H
#define PPCGOABI_CHECKER_FRAMEANALYSIS_H

#include "Function.h"

#include <vector>

namespace ppcgoabi {
namespace checker {

struct FrameAnalysis {
  /// A call (direct or indirect) other than the stack-growth call.
  std::vector<bool> IsCall;
  /// The instruction gives r1 a new value.
  std::vector<bool> WritesSP;
  /// Reachable from the entry without passing an instruction that moves
  /// r1: a call there has no frame of its own to save r2 in.
  std::vector<bool> BeforeFrame;
  /// Some instruction is a call (IsCall).
  bool AnyCall = false;
};

FrameAnalysis analyzeFrame(const DecodedFunction &C, const PPCDecoder &D);

/// Whether instruction \p I is the stack-growth call: a call followed by
/// `ld 2,8(1)`, or a direct call to runtime.morestack*.
bool isMorestackCall(const DecodedFunction &C, size_t I);

/// Whether instruction \p I is the `ld 2,8(1)` after the stack-growth call,
/// before the frame (the stack-growth exception of rules 3 and 6).
bool isStackGrowthTOCReload(const DecodedFunction &C,
                            const FrameAnalysis &Frame, size_t I);

} // namespace checker
} // namespace ppcgoabi

#endif // PPCGOABI_CHECKER_FRAMEANALYSIS_H
