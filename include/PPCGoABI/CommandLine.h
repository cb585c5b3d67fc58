//===- PPCGoABI/CommandLine.h - cl::opt parsers for the conventions -*- C++
//-*-//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// cl::parser specialisations so that the plugin's and the checker's options
/// take Go versions and symbol lists directly: a bad value is rejected while
/// the command line is parsed, with LLVM's usual "for the -X option: ..."
/// message, before any code is generated or read.
///
//===----------------------------------------------------------------------===//

#ifndef PPCGOABI_COMMANDLINE_H
#define PPCGOABI_COMMANDLINE_H

#include "PPCGoABI/Conventions.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace llvm {
namespace cl {

template <>
class parser<ppcgoabi::GoVersion> : public basic_parser<ppcgoabi::GoVersion> {
public:
  parser(Option &O) : basic_parser(O) {}

  bool parse(Option &O, StringRef ArgName, StringRef Arg,
             ppcgoabi::GoVersion &Value) {
    Expected<ppcgoabi::GoVersion> V = ppcgoabi::GoVersion::parse(Arg);
    if (!V)
      return O.error(toString(V.takeError()));
    Value = *V;
    return false;
  }

  StringRef getValueName() const override { return "1.N"; }

  void printOptionDiff(const Option &O, ppcgoabi::GoVersion V,
                       OptionValue<ppcgoabi::GoVersion>,
                       size_t GlobalWidth) const {
    printOptionName(O, GlobalWidth);
    outs() << "= " << V.str() << '\n';
  }
};

template <>
class parser<ppcgoabi::SymbolList> : public basic_parser<ppcgoabi::SymbolList> {
public:
  parser(Option &O) : basic_parser(O) {}

  bool parse(Option &O, StringRef ArgName, StringRef Arg,
             ppcgoabi::SymbolList &Value) {
    Expected<ppcgoabi::SymbolList> L = ppcgoabi::SymbolList::parse(Arg);
    if (!L)
      return O.error(toString(L.takeError()));
    Value = std::move(*L);
    return false;
  }

  StringRef getValueName() const override { return "sym,prefix*,..."; }

  void printOptionDiff(const Option &O, const ppcgoabi::SymbolList &L,
                       OptionValue<ppcgoabi::SymbolList>,
                       size_t GlobalWidth) const {
    printOptionName(O, GlobalWidth);
    outs() << "= " << L.str() << '\n';
  }
};

} // namespace cl
} // namespace llvm

#endif // PPCGOABI_COMMANDLINE_H
