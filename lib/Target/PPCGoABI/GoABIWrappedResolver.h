//===- GoABIWrappedResolver.h - LLVM 19: wrapped pass analyses --*- C++ -*-===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The LLVM 19 hooks wrap passes the pipeline creates (GoABIAsmPrinterHook.cpp
/// wraps the AsmPrinter, GoABIPreRAHook.cpp three machine passes). The pass
/// manager knows only the wrapper, which presents the original's analysis
/// usage; the original asks its own resolver for those analyses. Sharing the
/// wrapper's resolver would make both passes delete it at exit, so the
/// original gets one of its own, refilled from the wrapper's before every
/// call into the original.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_LIB_GOABIWRAPPEDRESOLVER_H
#define PPCGOABI_LIB_GOABIWRAPPEDRESOLVER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/LegacyPassManagers.h"
#include "llvm/Pass.h"

namespace ppcgoabi {

class WrappedResolver {
public:
  /// Gives \p Original the analyses \p Wrapper's resolver holds now; a no-op
  /// before the pass manager has given \p Wrapper a resolver.
  void sync(llvm::Pass &Wrapper, llvm::Pass &Original) {
    llvm::AnalysisResolver *Mine = Wrapper.getResolver();
    if (!Mine)
      return;
    if (!Resolver) {
      Resolver = new llvm::AnalysisResolver(Mine->getPMDataManager());
      Original.setResolver(Resolver);
      // Computed once: AnalysisUsage::setPreservesCFG walks the whole
      // PassRegistry, too much to repeat for every function.
      llvm::AnalysisUsage AU;
      Original.getAnalysisUsage(AU);
      Required.assign(AU.getRequiredSet().begin(), AU.getRequiredSet().end());
    }
    Resolver->clearAnalysisImpls();
    for (llvm::AnalysisID ID : Required)
      if (llvm::Pass *Impl = Mine->findImplPass(ID))
        Resolver->addAnalysisImplsPair(ID, Impl);
  }

private:
  llvm::AnalysisResolver *Resolver = nullptr; // Owned by the original pass.
  /// The analyses the original requires; fixed once it is constructed.
  llvm::SmallVector<llvm::AnalysisID, 8> Required;
};

} // namespace ppcgoabi

#endif // PPCGOABI_LIB_GOABIWRAPPEDRESOLVER_H
