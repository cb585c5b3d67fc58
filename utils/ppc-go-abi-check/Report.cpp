//===- Report.cpp - What ppc-go-abi-check found, and how it says so -------===//
//
// Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Text output, one finding per paragraph:
//
//   f.o: caller+0x10 (0x10): error: [dynlink-call] call to g ... not followed
//   by a nop ...
//     > 0x10: 4bfffff1  bl 0x0 <g>
//       0x14: 38600000  li 3, 0
//
// then the known exceptions, the notes and a summary line per file. The
// JSON output carries the same data (docs/Checker.md has the schema); both
// name rules by their Conventions.h names.
//
// Findings (FunctionFindings): each quotes the offending instruction and its
// context in address order, a direct branch with its target's name; in a
// Go binary, a finding that KnownExceptions.cpp lists for a function of Go's
// runtime assembly is filed as a known exception (one per function and
// rule, counted), every other one as a violation.
//
//===----------------------------------------------------------------------===//

#include "Report.h"

#include "Function.h"
#include "Image.h"
#include "KnownExceptions.h"
#include "PPCDecoder.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace ppcgoabi {
namespace checker {

//===----------------------------------------------------------------------===//
// Findings
//===----------------------------------------------------------------------===//

void FunctionFindings::add(Rule R, size_t At, const Twine &Message,
                           ArrayRef<size_t> Quote) {
  const Function &F = *C.F;
  Finding Fd;
  Fd.Function = F.Name;
  Fd.FunctionAddr = F.Addr;
  Fd.R = R;
  Fd.Message = Message.str();
  Fd.Addr = At < C.Insns.size() ? C.Insns[At].Addr : F.Addr;
  SmallVector<size_t, 4> Sorted(Quote.begin(), Quote.end());
  if (At < C.Insns.size())
    Sorted.push_back(At);
  llvm::sort(Sorted);
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end()), Sorted.end());
  for (size_t Idx : Sorted) {
    if (Idx >= C.Insns.size())
      continue;
    const Insn &I = C.Insns[Idx];
    QuotedInsn Q;
    Q.Addr = I.Addr;
    Q.Word = I.Word;
    Q.Text = D.print(I);
    const Step &S = C.Steps[Idx];
    if ((S.Kind == Flow::Call || S.Kind == Flow::TailBranch) &&
        !S.Dest.Name.empty() &&
        (S.Dest.Kind != Callee::Stub || S.Dest.F || !S.Dest.StubFor.empty())) {
      std::string Target =
          S.Dest.Kind == Callee::Stub
              ? (S.Dest.F ? S.Dest.Name : "stub for " + S.Dest.StubFor)
          : S.Dest.Offset ? S.Dest.Name + "+" + hex(S.Dest.Offset)
                          : S.Dest.Name;
      // A relocated branch's field is still 0 in a relocatable file: name
      // the symbol instead of the meaningless address.
      if (Img.Relocatable && Img.findBranchReloc(F.SectionIndex, I.Addr))
        Q.Text = StringRef(Q.Text).split(' ').first.str() + " " + Target;
      else
        Q.Text += " <" + Target + ">";
    }
    Q.Offending = Idx == At;
    Fd.Instrs.push_back(std::move(Q));
  }
  Findings.push_back(std::move(Fd));
}

void FunctionFindings::fileInto(FileReport &Report) {
  const Function &F = *C.F;
  StringRef GoName = F.GoName.empty() ? StringRef(F.Name) : F.GoName;
  for (Finding &Fd : Findings) {
    const KnownExceptionEntry *E =
        Img.GoTab ? findKnownException(stripDecorations(GoName), Fd.R)
                  : nullptr;
    if (!E) {
      if (F.IsGoAssembly)
        Fd.Message += " [Go assembly function, not in the checker's "
                      "known-exceptions table]";
      Report.Violations.push_back(std::move(Fd));
      continue;
    }
    auto Existing =
        llvm::find_if(Report.Exceptions, [&](const KnownException &K) {
          return K.First.FunctionAddr == Fd.FunctionAddr && K.First.R == Fd.R;
        });
    if (Existing != Report.Exceptions.end()) {
      ++Existing->Count;
      continue;
    }
    KnownException K;
    K.Reason = (Twine(E->Reason) + " (" + E->Source + ")").str();
    K.Count = 1;
    K.First = std::move(Fd);
    Report.Exceptions.push_back(std::move(K));
  }
  Findings.clear();
}

//===----------------------------------------------------------------------===//
// Printers
//===----------------------------------------------------------------------===//

static std::string where(const Finding &F) {
  std::string S = F.Function;
  if (F.Addr != F.FunctionAddr)
    S += "+" + hex(F.Addr - F.FunctionAddr);
  return S + " (" + hex(F.Addr) + ")";
}

static void printInstrs(raw_ostream &OS, const Finding &F) {
  for (const QuotedInsn &Q : F.Instrs)
    OS << "    " << (Q.Offending ? "> " : "  ") << hex(Q.Addr) << ": "
       << format_hex_no_prefix(Q.Word, 8) << "  " << Q.Text << '\n';
}

static void printList(raw_ostream &OS, StringRef File, StringRef What,
                      const std::vector<std::string> &Names) {
  if (Names.empty())
    return;
  OS << File << ": " << What << " (" << Names.size() << "): ";
  ListSeparator LS(", ");
  for (const std::string &N : Names)
    OS << LS << N;
  OS << '\n';
}

void printText(raw_ostream &OS, const RunInfo &Run,
               const std::vector<FileReport> &Reports) {
  unsigned Conforming = 0, Violating = 0, Unreadable = 0;
  for (const FileReport &R : Reports) {
    if (!R.Error.empty()) {
      ++Unreadable;
      OS << R.File << ": error: " << R.Error << '\n';
      continue;
    }
    (R.conforms() ? Conforming : Violating)++;
    for (const Finding &F : R.Violations) {
      OS << R.File << ": " << where(F) << ": error: [" << getRuleInfo(F.R).Name
         << "] " << F.Message << '\n';
      printInstrs(OS, F);
    }
    if (!R.Exceptions.empty()) {
      OS << R.File << ": known exceptions (" << R.Exceptions.size()
         << ", Go's hand-written runtime assembly; not counted as "
            "violations):\n";
      for (const KnownException &K : R.Exceptions) {
        OS << "  " << K.First.Function << " (" << hex(K.First.FunctionAddr)
           << "): [" << getRuleInfo(K.First.R).Name << "] " << K.Count
           << (K.Count == 1 ? " finding: " : " findings: ") << K.Reason << '\n';
        if (Run.Verbose) {
          OS << "    first at " << where(K.First) << ": " << K.First.Message
             << '\n';
          printInstrs(OS, K.First);
        }
      }
    }
    for (const std::string &N : R.Notes)
      OS << R.File << ": note: " << N << '\n';
    if (Run.Verbose) {
      printList(OS, R.File, "not Go code, not checked", R.NotGo);
      printList(OS, R.File, "ignored (--ignore)", R.Ignored);
      printList(OS, R.File, "linker stubs, not checked", R.Stubs);
      printList(OS, R.File,
                "C runtime startup code, not checked (--check-startup-code)",
                R.Startup);
    }
    OS << R.File << ": " << R.Kind << ", Go " << Run.Version.str() << ", "
       << getBuildModeName(Run.Mode) << (Run.FixedRegs ? ", fixed-regs" : "")
       << ": " << R.NumChecked << " of " << R.NumFunctions
       << " functions checked, " << R.Violations.size()
       << (R.Violations.size() == 1 ? " violation" : " violations");
    if (!R.Exceptions.empty())
      OS << ", " << R.Exceptions.size() << " known exceptions";
    if (!R.NotGo.empty())
      OS << ", " << R.NotGo.size() << " not Go code";
    if (!R.Ignored.empty())
      OS << ", " << R.Ignored.size() << " ignored";
    if (!R.Stubs.empty())
      OS << ", " << R.Stubs.size() << " linker stubs";
    if (!R.Startup.empty())
      OS << ", " << R.Startup.size() << " C startup code";
    OS << '\n';
  }
  if (Reports.size() > 1)
    OS << Reports.size() << " files: " << Conforming << " conform, "
       << Violating << " with violations, " << Unreadable << " unreadable\n";
}

static void writeFinding(json::OStream &J, const Finding &F) {
  J.attribute("function", F.Function);
  J.attribute("function_address", hex(F.FunctionAddr));
  J.attribute("address", hex(F.Addr));
  J.attribute("offset", int64_t(F.Addr - F.FunctionAddr));
  J.attribute("rule", getRuleInfo(F.R).Name);
  J.attribute("message", F.Message);
  J.attributeArray("instructions", [&] {
    for (const QuotedInsn &Q : F.Instrs)
      J.object([&] {
        J.attribute("address", hex(Q.Addr));
        J.attribute("word", hex(Q.Word));
        J.attribute("text", Q.Text);
        J.attribute("offending", Q.Offending);
      });
  });
}

static void writeNames(json::OStream &J, StringRef Key,
                       const std::vector<std::string> &Names) {
  J.attributeArray(Key, [&] {
    for (const std::string &N : Names)
      J.value(N);
  });
}

void printJSON(raw_ostream &OS, const RunInfo &Run,
               const std::vector<FileReport> &Reports) {
  json::OStream J(OS, /*IndentSize=*/2);
  unsigned Violations = 0, Unreadable = 0;
  J.object([&] {
    J.attribute("go", Run.Version.str());
    J.attribute("mode", getBuildModeName(Run.Mode));
    J.attribute("fixed_regs", Run.FixedRegs);
    J.attributeArray("files", [&] {
      for (const FileReport &R : Reports)
        J.object([&] {
          J.attribute("file", R.File);
          if (!R.Error.empty()) {
            ++Unreadable;
            J.attribute("status", "error");
            J.attribute("error", R.Error);
            return;
          }
          Violations += R.Violations.size();
          J.attribute("status", R.conforms() ? "ok" : "violations");
          J.attribute("kind", R.Kind);
          J.attribute("functions", int64_t(R.NumFunctions));
          J.attribute("checked", int64_t(R.NumChecked));
          J.attributeArray("violations", [&] {
            for (const Finding &F : R.Violations)
              J.object([&] { writeFinding(J, F); });
          });
          J.attributeArray("known_exceptions", [&] {
            for (const KnownException &K : R.Exceptions)
              J.object([&] {
                writeFinding(J, K.First);
                J.attribute("count", int64_t(K.Count));
                J.attribute("reason", K.Reason);
              });
          });
          writeNames(J, "not_go", R.NotGo);
          writeNames(J, "ignored", R.Ignored);
          writeNames(J, "linker_stubs", R.Stubs);
          writeNames(J, "startup_code", R.Startup);
          writeNames(J, "notes", R.Notes);
        });
    });
    J.attributeObject("summary", [&] {
      J.attribute("files", int64_t(Reports.size()));
      J.attribute("violations", int64_t(Violations));
      J.attribute("unreadable", int64_t(Unreadable));
    });
  });
  OS << '\n';
}

} // namespace checker
} // namespace ppcgoabi
