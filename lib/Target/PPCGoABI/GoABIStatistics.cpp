//===- GoABIStatistics.cpp - Counters that work in release builds ---------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The counters, their report, and ppc-go-abi-statistics: a pass that does
/// nothing per function and reports from its doFinalization, for the hook
/// that can only insert passes (LLVM 22). The LLVM 19 hook reports from its
/// own doFinalization. Either way the report comes once per module, after
/// every rule pass has run.
///
//===----------------------------------------------------------------------===//

#include "GoABIStatistics.h"
#include "PPCGoABI.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/CodeGen/MachineFunctionPass.h"
#include "llvm/PassRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>
#include <vector>

using namespace llvm;

namespace ppcgoabi {

static cl::opt<bool> PrintGoABIStats(
    "ppc-go-abi-stats",
    cl::desc("Print what the Go ABI passes changed (also with -stats)"),
    cl::init(false));

static std::vector<GoABICounter *> &getCounters() {
  static std::vector<GoABICounter *> Counters;
  return Counters;
}

GoABICounter::GoABICounter(const char *Pass, const char *Name,
                           const char *Description)
    : Pass(Pass), Name(Name), Description(Description) {
  getCounters().push_back(this);
}

void reportGoABIStatistics() {
  if (!PrintGoABIStats && !AreStatisticsEnabled())
    return;
  std::vector<GoABICounter *> Counters = getCounters();
  llvm::sort(Counters, [](const GoABICounter *A, const GoABICounter *B) {
    int ByPass = StringRef(A->Pass).compare(B->Pass);
    return ByPass < 0 || (ByPass == 0 && StringRef(A->Name) < B->Name);
  });
  raw_ostream &OS = errs();
  OS << "===" << std::string(73, '-') << "===\n"
     << "                          PPCGoABI statistics\n"
     << "===" << std::string(73, '-') << "===\n\n";
  for (GoABICounter *C : Counters) {
    if (C->value())
      OS << formatv("{0,8} {1} - {2}\n", C->value(), C->Pass, C->Description);
  }
  OS << '\n';
  // One report per compilation: a second module starts from zero.
  for (GoABICounter *C : Counters)
    C->reset();
}

namespace {

class GoABIStatistics : public MachineFunctionPass {
public:
  static char ID;
  GoABIStatistics() : MachineFunctionPass(ID) {}

  StringRef getPassName() const override {
    return "PowerPC Go ABI: statistics";
  }

  bool runOnMachineFunction(MachineFunction &) override { return false; }

  bool doFinalization(Module &) override {
    reportGoABIStatistics();
    return false;
  }

  void getAnalysisUsage(AnalysisUsage &AU) const override {
    AU.setPreservesAll();
    MachineFunctionPass::getAnalysisUsage(AU);
  }
};

} // namespace

char GoABIStatistics::ID = 0;
static RegisterPass<GoABIStatistics> X("ppc-go-abi-statistics",
                                       "PowerPC Go ABI: statistics");

FunctionPass *createGoABIStatisticsPass() { return new GoABIStatistics(); }

} // namespace ppcgoabi
