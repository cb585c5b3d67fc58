//===- GoABIStatistics.h - Counters that work in release builds -*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the plugin changed, per rule: prologues added, saves added or already
/// present, pads, nops. LLVM's STATISTIC compiles to nothing unless LLVM was
/// built with assertions or LLVM_FORCE_ENABLE_STATS, which Debian's packages
/// are not, so `llc -stats` would show nothing. These counters always count
/// and are printed, in the same format, when llc or clang gets -stats or
/// -ppc-go-abi-stats. The code-size benchmark reads them.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_LIB_GOABISTATISTICS_H
#define PPCGOABI_LIB_GOABISTATISTICS_H

#include <atomic>
#include <cstdint>

namespace ppcgoabi {

class GoABICounter {
public:
  /// \p Pass is the pass's DEBUG_TYPE, \p Name the variable's name.
  GoABICounter(const char *Pass, const char *Name, const char *Description);

  GoABICounter &operator++() {
    Value.fetch_add(1, std::memory_order_relaxed);
    return *this;
  }
  uint64_t value() const { return Value.load(std::memory_order_relaxed); }
  void reset() { Value.store(0, std::memory_order_relaxed); }

  const char *const Pass;
  const char *const Name;
  const char *const Description;

private:
  std::atomic<uint64_t> Value{0};
};

/// Prints the non-zero counters to stderr if -stats or -ppc-go-abi-stats is
/// set, once per compilation, and resets them.
void reportGoABIStatistics();

} // namespace ppcgoabi

/// Declares a counter for the current DEBUG_TYPE, like STATISTIC.
#define GOABI_STATISTIC(VARNAME, DESC)                                         \
  static ppcgoabi::GoABICounter VARNAME(DEBUG_TYPE, #VARNAME, DESC)

#endif // PPCGOABI_LIB_GOABISTATISTICS_H
