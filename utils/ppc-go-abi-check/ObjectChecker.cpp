//===- ObjectChecker.cpp - Checks one ELF object against the rules --------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The driver: reads the file (Image), then for each function decodes it
// (Function.h), computes its frame analysis (FrameAnalysis.h) and runs the
// rule checks that apply to the mode (Rules.h, one file each), filing their
// findings (Report.cpp). It decides nothing about any rule itself.
//
// Guarantees:
// - Every function symbol (STT_FUNC in an executable section; extent = size,
//   or up to the next function symbol when the size is 0) is checked against
//   every rule of Conventions.h that applies to the mode and Go version, or
//   is listed in the report as ignored (--ignore), as not Go code (absent
//   from a Go binary's function table) or as a known exception (Go's own
//   runtime assembly, KnownExceptions.cpp). Nothing is skipped silently.
// - In a linked file, a `bl .+0` or a global entry `addis 2,12,0;
//   addi 2,2,0` (relocations the linker left unapplied) anywhere in a checked
//   or --ignore'd function is reported, with what to do.
// - Malformed input is reported through FileReport::Error; every read from
//   the file is checked, so no input makes the checker crash.
//
//===----------------------------------------------------------------------===//

#include "ObjectChecker.h"

#include "FrameAnalysis.h"
#include "Function.h"
#include "Image.h"
#include "Rules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"

using namespace llvm;
using namespace llvm::object;

namespace ppcgoabi {
namespace checker {

namespace {

class Checker {
public:
  Checker(const ELF64LEObjectFile &Obj, const CheckOptions &Opts,
          const PPCDecoder &D, FileReport &Report)
      : Img(Obj, Report), Opts(Opts), Conf(Opts.Conf), D(D), Report(Report) {}

  void run();

private:
  void checkFunction(const Function &F);

  Image Img;
  const CheckOptions &Opts;
  const Config &Conf;
  const PPCDecoder &D;
  FileReport &Report;
};

void Checker::checkFunction(const Function &F) {
  DecodedFunction C = decodeFunction(Img, D, F, Conf.Mode);
  FrameAnalysis Frame = analyzeFrame(C, D);
  RuleInput In{Img, D, Conf, C, Frame};
  FunctionFindings Out(Img, D, C);
  if (maintainsTOC(Conf.Mode)) {
    checkGlobalEntry(In, Out);
    checkTOCSave(In, Out);
    checkIndirectCall(In, Out);
    checkDynlinkCall(In, Out);
  }
  checkDeferreturnPad(In, Out);
  checkReservedRegisters(In, Out);
  if (Opts.FixedRegs)
    checkFixedRegs(In, Out);
  Out.fileInto(Report);
}

void Checker::run() {
  if (!Img.load())
    return;
  bool Relocatable = Img.Relocatable;
  const std::unique_ptr<GoFuncTab> &GoTab = Img.GoTab;

  // The functions a linked file's relocations are checked in: every
  // checked and every --ignore'd one.
  std::vector<const Function *> Scanned;
  for (auto &FPtr : Img.Functions) {
    Function &F = *FPtr;
    if (F.Size == 0)
      continue; // An end marker (runtime.etext).
    ++Report.NumFunctions;
    if (!Relocatable && isLinkerStub(F.Name)) {
      Report.Stubs.push_back(F.Name);
      continue;
    }
    if (!Relocatable && !Opts.CheckStartupCode &&
        any_of(F.Names,
               [](const std::string &N) { return isStartupCode(N); })) {
      Report.Startup.push_back(F.Name);
      continue;
    }
    if (GoTab) {
      auto It = GoTab->Functions.find(F.Addr);
      if (It == GoTab->Functions.end() ||
          (Relocatable && F.SectionIndex != GoTab->TextSection)) {
        Report.NotGo.push_back(F.Name);
        continue;
      }
      F.GoName = It->second.Name;
      F.IsGoAssembly = It->second.IsAssembly;
    }
    bool Ignored = any_of(Opts.Ignore, [&](const std::shared_ptr<Regex> &R) {
      return any_of(F.Names, [&](const std::string &N) { return R->match(N); });
    });
    Scanned.push_back(&F);
    if (Ignored) {
      Report.Ignored.push_back(F.Name);
      continue;
    }
    ++Report.NumChecked;
    checkFunction(F);
  }
  if (!Relocatable)
    checkUnappliedRelocations(Img, D, Scanned, Report);
  // Nothing checked is never a pass for an executable or shared object (a
  // stripped file whose functions cannot be found would otherwise conform
  // vacuously). A relocatable object keeps the symbols its linking needs:
  // one without functions holds only data.
  if (Relocatable && Report.NumFunctions == 0)
    Report.Notes.push_back("no function symbols in executable sections: "
                           "nothing to check");
  else if (Report.NumFunctions == 0)
    Report.Error = "no functions found: no function symbols (.symtab, "
                   ".dynsym), no Go function table and no .eh_frame "
                   "entries; nothing to check";
  else if (Report.NumChecked == 0 && Report.Ignored.empty())
    // What --ignore leaves out is the user's choice; the rest is not.
    Report.Error = "none of the " + utostr(Report.NumFunctions) +
                   " functions found is checkable (not Go code, linker stubs "
                   "or C startup code): nothing to check";
}

} // namespace

bool isStartupCode(StringRef Name) {
  // glibc's csu/ (crt1.o's _start, crti.o's _init/_fini, the pre-2.34
  // libc_nonshared.a __libc_csu_*, static-pie's _dl_relocate_static_pie) and
  // libgcc's crtstuff.c (crtbegin*.o, crtend*.o).
  return is_contained({"_start", "_init", "_fini", "__libc_csu_init",
                       "__libc_csu_fini", "_dl_relocate_static_pie",
                       "frame_dummy", "register_tm_clones",
                       "deregister_tm_clones", "__do_global_dtors_aux",
                       "__do_global_ctors_aux"},
                      Name);
}

std::optional<std::string> findUnsupportedInput(const Binary &Bin) {
  const auto *ELF = dyn_cast<ELFObjectFileBase>(&Bin);
  if (!ELF)
    return std::string("not an ELF file");
  if (!isa<ELF64LEObjectFile>(ELF)) {
    if (isa<ELF64BEObjectFile>(ELF))
      return std::string("big-endian ELF64 (ppc64, ELFv1 by default); the Go "
                         "TOC conventions are checked for powerpc64le only");
    return std::string("not a 64-bit little-endian ELF file; the Go TOC "
                       "conventions are checked for powerpc64le only");
  }
  const auto &Obj = cast<ELF64LEObjectFile>(*ELF);
  uint16_t Machine = Obj.getELFFile().getHeader().e_machine;
  if (Machine != ELF::EM_PPC64)
    return ("ELF machine " + Twine(Machine) +
            " is not PowerPC64 (21); the Go TOC conventions are checked for "
            "powerpc64le only")
        .str();
  unsigned ABI = Obj.getPlatformFlags() & ELF::EF_PPC64_ABI;
  if (ABI == 1)
    return std::string("ELFv1 ABI (e_flags 1): the Go TOC conventions need "
                       "ELFv2's global and local entry points");
  if (ABI == 3)
    return std::string("invalid ELF ABI version 3 in e_flags");
  return std::nullopt;
}

void checkObject(const ELF64LEObjectFile &Obj, const CheckOptions &Opts,
                 const PPCDecoder &Decoder, FileReport &Report) {
  Checker(Obj, Opts, Decoder, Report).run();
}

} // namespace checker
} // namespace ppcgoabi
