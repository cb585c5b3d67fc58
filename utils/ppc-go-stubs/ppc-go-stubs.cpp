//===- ppc-go-stubs.cpp - Go stubs that call C functions on ppc64le -------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// ppc-go-stubs --object=FILE.o --export=NAME[=GoName],... [--package=P]
//              [--assume-stack=SYM=BYTES]... [--assume-indirect=FN=BYTES]...
//              [--call=ctr|direct] [--report-r0] --go-out=F.go
//              --asm-out=F_ppc64le.s MODULE.ll|MODULE.bc
//
// Writes the Go declarations and the Go assembly trampolines through which
// Go code calls C functions compiled for powerpc64le-linux-gnu (ELFv2),
// without cgo. The IR module gives the types (an object has none); the
// object compiled from it, with -fstack-size-section, gives the stack each
// function uses, which the trampoline's frame reserves on the goroutine
// stack (docs/GoIntegration.md, "ppc-go-stubs").
//
// Exit status: 0 when both files are written; 1 when a function cannot be
// exported (each reason is printed, naming the function and, for a type,
// the parameter), and then no file is written; 2 when an input cannot be
// read or the command line is invalid.
//
//===----------------------------------------------------------------------===//

#include "GoSignature.h"
#include "StackBounds.h"
#include "StubWriter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace ppcgoabi::stubs;

static cl::OptionCategory StubsCategory("ppc-go-stubs options");

static cl::opt<std::string> InputIR(cl::Positional, cl::Required,
                                    cl::desc("<module.ll|module.bc>"),
                                    cl::cat(StubsCategory));

static cl::opt<std::string> ObjectFile(
    "object", cl::Required,
    cl::desc("The object compiled from the module with -fstack-size-section "
             "(clang) or -stack-size-section (llc): its stack use"),
    cl::value_desc("file.o"), cl::cat(StubsCategory));

static cl::list<std::string>
    Exports("export", cl::CommaSeparated, cl::OneOrMore,
            cl::desc("C functions to export, optionally with their Go name "
                     "(default: the C name with its first letter in upper "
                     "case)"),
            cl::value_desc("name[=GoName],..."), cl::cat(StubsCategory));

static cl::opt<std::string> Package("package", cl::init("main"),
                                    cl::desc("Go package of the stubs"),
                                    cl::cat(StubsCategory));

static cl::list<std::string> AssumeStack(
    "assume-stack",
    cl::desc("Stack use (callees and red zone included) of a function the "
             "object calls but does not define"),
    cl::value_desc("sym=bytes"), cl::cat(StubsCategory));

static cl::list<std::string> AssumeIndirect(
    "assume-indirect",
    cl::desc("Stack use (callees and red zone included) of every function "
             "that FN calls through a pointer"),
    cl::value_desc("FN=bytes"), cl::cat(StubsCategory));

enum class CallKind { CTR, Direct };
static cl::opt<CallKind> Call(
    "call", cl::init(CallKind::CTR),
    cl::desc("How the stubs branch to the C function (r12 holds its address "
             "in both)"),
    cl::values(clEnumValN(CallKind::CTR, "ctr",
                          "through the count register (default; right in "
                          "every build mode)"),
               clEnumValN(CallKind::Direct, "direct",
                          "a direct CALL sym(SB): wrong with an external "
                          "linker in exe mode (docs/GoIntegration.md)")),
    cl::cat(StubsCategory));

static cl::opt<bool> ReportR0(
    "report-r0",
    cl::desc("Give each stub an extra uint64 result r0: what r0 held when "
             "the C function returned (tests of Go's r0 == 0 rule)"),
    cl::cat(StubsCategory));

static cl::opt<std::string> GoOut("go-out", cl::Required,
                                  cl::desc("Where to write the Go file"),
                                  cl::value_desc("file.go"),
                                  cl::cat(StubsCategory));

static cl::opt<std::string>
    AsmOut("asm-out", cl::Required,
           cl::desc("Where to write the Go assembly file (name it "
                    "*_ppc64le.s)"),
           cl::value_desc("file_ppc64le.s"), cl::cat(StubsCategory));

static int usageError(const Twine &Msg) {
  WithColor::error(errs(), "ppc-go-stubs") << Msg << "\n";
  return 2;
}

static std::string defaultGoName(StringRef C) {
  std::string S = C.str();
  if (!S.empty() && (S[0] >= 'a' && S[0] <= 'z'))
    S[0] = toUpper(S[0]);
  else if (!S.empty() && !(S[0] >= 'A' && S[0] <= 'Z'))
    S = "X" + S;
  return S;
}

static bool writeFile(StringRef Path, function_ref<void(raw_ostream &)> Fn) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC) {
    WithColor::error(errs(), "ppc-go-stubs")
        << "cannot write " << Path << ": " << EC.message() << "\n";
    return false;
  }
  Fn(OS);
  return true;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(StubsCategory);
  cl::ParseCommandLineOptions(
      argc, argv,
      "ppc-go-stubs: Go declarations and ppc64le assembly trampolines that "
      "call C functions (ELFv2) from Go without cgo\n");

  if (!isGoIdentifier(Package))
    return usageError("--package=" + Package + " is not a Go identifier");

  LLVMContext Ctx;
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseIRFile(InputIR, Diag, Ctx);
  if (!M) {
    Diag.print("ppc-go-stubs", errs());
    return 2;
  }

  auto Obj = object::ObjectFile::createObjectFile(ObjectFile);
  if (!Obj)
    return usageError(ObjectFile + ": " + toString(Obj.takeError()));
  StackBounds Bounds;
  std::string LoadError;
  if (!Bounds.load(*Obj->getBinary(), *M, LoadError))
    return usageError(ObjectFile + " " + LoadError);

  for (const std::string &A : AssumeStack) {
    auto [Sym, Bytes] = StringRef(A).split('=');
    uint64_t N;
    if (Sym.empty() || Bytes.getAsInteger(0, N))
      return usageError("--assume-stack=" + A + ": expected sym=bytes");
    Bounds.assume(Sym, N);
  }
  for (const std::string &A : AssumeIndirect) {
    auto [Fn, Bytes] = StringRef(A).split('=');
    uint64_t N;
    if (Fn.empty() || Bytes.getAsInteger(0, N))
      return usageError("--assume-indirect=" + A + ": expected fn=bytes");
    Bounds.assumeIndirect(Fn, N);
  }

  std::vector<Stub> Stubs;
  std::vector<std::string> Errors;
  StringSet<> GoNames, CNames;
  for (const std::string &E : Exports) {
    auto [CName, GoName] = StringRef(E).split('=');
    std::string Go = GoName.empty() ? defaultGoName(CName) : GoName.str();
    if (!CNames.insert(CName).second)
      return usageError("--export names " + CName + " twice");
    if (!isGoIdentifier(Go))
      return usageError("--export=" + E + ": " + Go +
                        " is not a Go identifier");
    if (!GoNames.insert(Go).second)
      return usageError("--export: two functions are exported as " + Go);

    const Function *F = M->getFunction(CName);
    if (!F) {
      Errors.push_back(CName.str() + ": no such function in " + InputIR);
      continue;
    }
    std::string Error;
    std::optional<GoSignature> Sig = lowerSignature(*F, Go, Error);
    if (!Sig) {
      Errors.push_back(Error);
      continue;
    }
    if (!Bounds.definesGlobal(CName)) {
      Errors.push_back(CName.str() + ": " + ObjectFile +
                       " does not define it as a global function: is it the "
                       "object compiled from " +
                       InputIR + "?");
      continue;
    }
    std::optional<uint64_t> Bound = Bounds.bound(CName, Error);
    if (!Bound) {
      Errors.push_back(CName.str() + ": " + Error);
      continue;
    }
    Stub S;
    S.Sig = std::move(*Sig);
    S.StackBound = *Bound;
    S.FrameSize = frameSizeFor(*Bound);
    S.DirectCall = Call == CallKind::Direct;
    S.ReportR0 = ReportR0;
    Stubs.push_back(std::move(S));
  }
  if (!Errors.empty()) {
    for (const std::string &E : Errors)
      WithColor::error(errs(), "ppc-go-stubs") << E << "\n";
    errs() << "ppc-go-stubs: no file written\n";
    return 1;
  }

  std::string Source = sys::path::filename(InputIR).str();
  if (!writeFile(GoOut, [&](raw_ostream &OS) {
        writeGoFile(OS, Stubs, Package, Source);
      }))
    return 2;
  if (!writeFile(AsmOut,
                 [&](raw_ostream &OS) { writeAsmFile(OS, Stubs, Source); }))
    return 2;
  return 0;
}
