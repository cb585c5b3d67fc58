//===- ppc-go-abi-check.cpp - Does an object follow Go's TOC conventions? -===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// ppc-go-abi-check [--go=1.N] [--mode=shared|dynlink|static]
//                  [--deferreturn=SYM] [--no-toc-prologue=a,b,prefix*]
//                  [--ignore=REGEX]... [--check-startup-code]
//                  [--format=text|json] [--verbose]
//                  FILE...
//
// Tells whether powerpc64le ELF files (relocatable objects, archives of
// them, executables, shared objects) follow the Go toolchain's TOC-pointer
// conventions for a Go version and build mode, whoever produced them: this
// project's LLVM plugin, hand-written assembly, another compiler, Go itself.
// The rules, modes, versions and encodings are Conventions.h's, the same the
// plugin enforces.
//
// Exit status: 0 when every function of every file conforms, 1 when some
// rule is broken, 2 when an input cannot be read (not ELF, not ppc64le,
// truncated, corrupt) or the command line is invalid. A clear message is
// printed in every case; no input makes the checker crash.
//
//===----------------------------------------------------------------------===//

#include "ObjectChecker.h"
#include "PPCDecoder.h"
#include "Report.h"

#include "PPCGoABI/CommandLine.h"
#include "PPCGoABI/Conventions.h"

#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Object/Archive.h"
#include "llvm/Object/Binary.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace llvm::object;
using namespace ppcgoabi;
using namespace ppcgoabi::checker;

static cl::OptionCategory CheckerCategory("ppc-go-abi-check options");

static cl::opt<GoVersion>
    Version("go",
            cl::desc("The Go release whose conventions apply (1.6-1.17 pad "
                     "deferreturn calls; default 1.17, as the plugin)"),
            cl::init(DefaultGoVersion), cl::cat(CheckerCategory));

static cl::opt<std::string>
    ModeName("mode",
             cl::desc("Go build mode: shared (Go's -shared: pie, c-shared, "
                      "c-archive), dynlink (plugin, shared, -linkshared) or "
                      "static (exe); default shared"),
             cl::value_desc("shared|dynlink|static"), cl::init("shared"),
             cl::cat(CheckerCategory));

static cl::opt<std::string> DynlinkTailCallsName(
    "dynlink-tail-calls",
    cl::desc("Under --mode=dynlink, which tail branches are allowed, as the "
             "plugin's -ppc-go-dynlink-tail-calls: module-local (to callees "
             "that cannot be in another module; default) or none (Go's "
             "compiler)"),
    cl::value_desc("module-local|none"), cl::init("module-local"),
    cl::cat(CheckerCategory));

static cl::opt<std::string>
    Deferreturn("deferreturn",
                cl::desc("The function whose calls get the deferreturn pad"),
                cl::value_desc("symbol"), cl::init(DefaultDeferreturnSymbol),
                cl::cat(CheckerCategory));

static cl::opt<SymbolList> NoTOCPrologue(
    "no-toc-prologue",
    cl::desc("Functions without a global entry prologue; 'prefix*' matches a "
             "prefix (default: what the Go version excludes, "
             "runtime.duffzero,runtime.duffcopy,...)"),
    cl::cat(CheckerCategory));

static cl::opt<bool>
    FixedRegs("fixed-regs",
              cl::desc("Also check Go's fixed registers (rule fixed-regs): "
                       "r30 (g) and r13 never written, r0 zero at every "
                       "call, tail branch and return"),
              cl::init(false), cl::cat(CheckerCategory));

static cl::list<std::string>
    IgnorePatterns("ignore",
                   cl::desc("Do not check functions whose symbol name "
                            "matches this regular expression (repeatable)"),
                   cl::value_desc("regex"), cl::cat(CheckerCategory));

static cl::opt<bool> CheckStartupCode(
    "check-startup-code",
    cl::desc("Also check the C runtime's startup code in executables and "
             "shared objects (_start, _init, _fini, frame_dummy, "
             "register_tm_clones, ...), which is listed and not checked by "
             "default"),
    cl::init(false), cl::cat(CheckerCategory));

static cl::opt<std::string> Format("format",
                                   cl::desc("Output format: text or json"),
                                   cl::value_desc("text|json"),
                                   cl::init("text"), cl::cat(CheckerCategory));

static cl::opt<bool> Verbose("verbose",
                             cl::desc("Also list the functions not checked "
                                      "and the first finding of each known "
                                      "exception"),
                             cl::init(false), cl::cat(CheckerCategory));

static cl::list<std::string> Inputs(cl::Positional, cl::OneOrMore,
                                    cl::desc("<file>..."),
                                    cl::cat(CheckerCategory));

static constexpr int ExitConforms = 0;
static constexpr int ExitViolations = 1;
static constexpr int ExitUnreadable = 2;

static int usageError(const Twine &Msg) {
  WithColor::error(errs(), "ppc-go-abi-check") << Msg << '\n';
  return ExitUnreadable;
}

/// What to say about LLVM bitcode (from -flto, -emit-llvm or an LTO
/// archive): it holds no machine code yet, so there is nothing to check.
static const char BitcodeError[] =
    "LLVM bitcode, not machine code: there is nothing to check before code "
    "generation. Compile it with the plugin first (llc -load=PPCGoABI.so "
    "-ppc-go-abi -filetype=obj, or clang -c with the plugin), or, for -flto "
    "builds, check the linked output (docs/Checker.md)";

/// Checks \p Bin (an object, or an archive of objects) named \p Name.
static void checkBinary(Binary &Bin, StringRef Name, const CheckOptions &Opts,
                        const PPCDecoder &Decoder,
                        std::vector<FileReport> &Reports) {
  if (auto *A = dyn_cast<Archive>(&Bin)) {
    Error Err = Error::success();
    bool Any = false;
    for (const Archive::Child &C : A->children(Err)) {
      Expected<StringRef> MemberName = C.getName();
      std::string Member =
          MemberName ? MemberName->str() : toString(MemberName.takeError());
      std::string Full = (Name + "(" + Member + ")").str();
      Expected<MemoryBufferRef> Buffer = C.getMemoryBufferRef();
      if (Buffer &&
          identify_magic(Buffer->getBuffer()) == file_magic::bitcode) {
        Any = true;
        FileReport R;
        R.File = Full;
        R.Error = BitcodeError;
        Reports.push_back(std::move(R));
        continue;
      }
      if (!Buffer)
        consumeError(Buffer.takeError());
      Expected<std::unique_ptr<Binary>> Child = C.getAsBinary();
      if (!Child) {
        // Archives of objects may hold a symbol table or other files.
        consumeError(Child.takeError());
        continue;
      }
      Any = true;
      checkBinary(**Child, Full, Opts, Decoder, Reports);
    }
    if (Err) {
      FileReport R;
      R.File = Name.str();
      R.Error = "corrupt archive: " + toString(std::move(Err));
      Reports.push_back(std::move(R));
    } else if (!Any) {
      FileReport R;
      R.File = Name.str();
      R.Error = "archive holds no object file";
      Reports.push_back(std::move(R));
    }
    return;
  }

  FileReport R;
  R.File = Name.str();
  if (std::optional<std::string> Why = findUnsupportedInput(Bin))
    R.Error = *Why;
  else
    checkObject(cast<ELF64LEObjectFile>(Bin), Opts, Decoder, R);
  Reports.push_back(std::move(R));
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(CheckerCategory);
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "checks that powerpc64le ELF objects follow the Go toolchain's "
          "TOC-pointer conventions\n\n"
          "  Exit status: 0 all functions conform, 1 a rule is broken, 2 an "
          "input\n  cannot be read or the command line is invalid.\n",
          &ParseErrorStream)) {
    errs() << ParseErrorStream.str();
    return ExitUnreadable;
  }

  CheckOptions Opts;
  std::optional<BuildMode> Mode = parseBuildMode(ModeName);
  if (!Mode)
    return usageError("invalid --mode='" + ModeName +
                      "': expected shared, dynlink or static");
  Opts.Conf.Mode = *Mode;
  std::optional<DynlinkTailCalls> TailCalls =
      parseDynlinkTailCalls(DynlinkTailCallsName);
  if (!TailCalls)
    return usageError("invalid --dynlink-tail-calls='" + DynlinkTailCallsName +
                      "': expected module-local or none");
  if (DynlinkTailCallsName.getNumOccurrences() && !callsMayLeaveModule(*Mode))
    errs() << "ppc-go-abi-check: warning: --dynlink-tail-calls has no "
              "effect without --mode=dynlink\n";
  Opts.Conf.TailCalls = *TailCalls;
  Opts.Conf.Version = Version;
  Opts.Conf.DeferreturnSymbol = Deferreturn;
  Opts.FixedRegs = FixedRegs;
  if (Deferreturn.empty())
    return usageError("--deferreturn needs a symbol name");
  Opts.Conf.NoTOCPrologue = NoTOCPrologue.getNumOccurrences()
                                ? static_cast<const SymbolList &>(NoTOCPrologue)
                                : getDefaultNoTOCPrologue(Version);
  for (const std::string &Pattern : IgnorePatterns) {
    auto R = std::make_shared<Regex>(Pattern);
    std::string Why;
    if (!R->isValid(Why))
      return usageError("invalid --ignore regular expression '" + Pattern +
                        "': " + Why);
    Opts.Ignore.push_back(std::move(R));
  }
  Opts.CheckStartupCode = CheckStartupCode;
  if (Format != "text" && Format != "json")
    return usageError("invalid --format='" + Format +
                      "': expected text or json");

  Expected<std::unique_ptr<PPCDecoder>> Decoder = PPCDecoder::create();
  if (!Decoder)
    return usageError(toString(Decoder.takeError()));

  std::vector<FileReport> Reports;
  for (const std::string &Path : Inputs) {
    Expected<OwningBinary<Binary>> Bin = createBinary(Path);
    if (!Bin) {
      FileReport R;
      R.File = Path;
      R.Error = toString(Bin.takeError());
      file_magic Magic;
      if (!identify_magic(Path, Magic) && Magic == file_magic::bitcode)
        R.Error = BitcodeError;
      Reports.push_back(std::move(R));
      continue;
    }
    checkBinary(*Bin->getBinary(), Path, Opts, **Decoder, Reports);
  }

  RunInfo Run;
  Run.Version = Version;
  Run.Mode = *Mode;
  Run.Verbose = Verbose;
  Run.FixedRegs = FixedRegs;
  if (Format == "json")
    printJSON(outs(), Run, Reports);
  else
    printText(outs(), Run, Reports);

  int Status = ExitConforms;
  for (const FileReport &R : Reports) {
    if (!R.Error.empty())
      return ExitUnreadable;
    if (!R.Violations.empty())
      Status = ExitViolations;
  }
  return Status;
}
