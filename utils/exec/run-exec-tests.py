#!/usr/bin/env python3
# ===- run-exec-tests.py - Execution tests of PPCGoABI under qemu-ppc64le -===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===----------------------------------------------------------------------===#
"""Builds, links and runs the execution tests (docs/ExecutionTests.md).

Reading assembly shows what the plugin emits; these tests show that code built
with it keeps r2 right when it runs among other modules and under a
jmpdefer-style runtime. Each scenario is a small program of several modules
(an executable and shared objects; sources in test/Exec/Inputs, the catalogue
of scenarios in test/Exec/scenarios.py, beside their lit tests) whose checks
can only pass if r2 is right at run time. It is built in each mode it applies
to (shared: Go's -shared, also given as pic; dynlink: Go's -dynlink; static:
Go's non-shared mode; utils/lib/ppcgoabi/modes.py),
linked with each linker (ld.lld and GNU ld), and run under qemu-ppc64le, in
several variants:

  plugin     compiled through the plugin: must link and pass every check.
  negative   the same program built without the plugin, or with one rule
             switched off (a plugin option, or the rule's instructions
             removed from the plugin's assembly output): must fail, by a link
             error, a failed check or a crash, and in every group of checks
             it names (must_fail). A negative control that passes is a
             failure of the suite: the test could not catch the broken
             convention.

C and IR sources are compiled to assembly, optionally edited, then assembled,
so that the plugin's output can be checked before anything runs (a plugin
that did not load or did not act is an error, not a pass) and edited for the
negative controls. Every compile, link and run is a child process with a
timeout; a crash or a hang is a reported failure, never a hang of the suite.

Prints one line per case, then "N passed, N failed"; exits non-zero if any
case failed.

Example:
  utils/exec/run-exec-tests.py --clang /usr/lib/llvm-22/bin/clang \\
      --plugin build/lib/PPCGoABI.so --work /tmp/exec --scenario deferreturn
"""

import argparse
import concurrent.futures
import dataclasses
import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
from typing import Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import (ROOT, SYSROOT, TARGET, TRIPLE, modes,  # noqa: E402
                      process)

LINKERS = ("lld", "bfd")
MODES = modes.NAMES

# The scenario catalogue lives beside its tests and sources.
sys.path.insert(0, os.path.join(ROOT, "test", "Exec"))
from scenarios import (INPUTS, SCENARIOS, Edit, Module,  # noqa: E402
                       Scenario, Variant)


# ===----------------------------------------------------------------------===#
# Building and running
# ===----------------------------------------------------------------------===#


class CaseError(Exception):
    """The case could not be built as intended: not a test outcome."""


class LinkFailed(Exception):
    """The linker rejected a module (an outcome for a negative control)."""


@dataclasses.dataclass
class Tools:
    clang: str
    llc: str
    objdump: str
    plugin: str
    checker: Optional[str]
    qemu: str
    timeout: float
    verbose: bool


def run(cmd: Sequence[str], tools: Tools, **kwargs) -> process.Result:
    """Runs cmd; raises subprocess.TimeoutExpired after tools.timeout."""
    if tools.verbose:
        print("  $ " + " ".join(cmd), file=sys.stderr, flush=True)
    result = process.run(cmd, timeout=tools.timeout, **kwargs)
    if result.timed_out:
        raise subprocess.TimeoutExpired(result.cmd, tools.timeout)
    return result


def first_lines(text: str, n: int = 2) -> str:
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    return " | ".join(lines[:n])


def function_text(asm: str, function: str) -> str:
    """The assembly of one function, from its label to its .Lfunc_end."""
    m = re.search(r"^%s:[^\n]*\n(.*?)^\.Lfunc_end" % re.escape(function), asm,
                  re.M | re.S)
    if not m:
        raise CaseError("function %s not found in the assembly" % function)
    return m.group(1)


class Builder:
    """Compiles each object once per (source, mode, options, edits) and
    shares it between the cases that need it."""

    def __init__(self, tools: Tools, work: str):
        self.tools = tools
        self.objdir = os.path.join(work, "obj")
        os.makedirs(self.objdir)
        self.lock = threading.Lock()
        self.key_locks: Dict[str, threading.Lock] = {}
        self.results: Dict[str, Tuple[str, Optional[str]]] = {}

    def compile(self, source: str, mode: str,
                variant: Variant) -> Tuple[str, Optional[str]]:
        """Returns the object and its assembly (None for a .S source, which
        is the hand-written runtime and never goes through the plugin)."""
        if source.endswith(".S"):
            plugin, options, edits = False, (), ()
        else:
            plugin = not variant.stock
            options = ()
            if plugin:
                options = ("-ppc-go-abi",)
                if (modes.get(mode).dynlink and
                        source not in variant.no_dynlink):
                    options += ("-ppc-go-dynlink",)
                options += variant.options_for(source)
            edits = variant.edits_for(source)
        key_text = repr((source, mode, plugin, options,
                         tuple(e.name for e in edits)))
        key = hashlib.sha1(key_text.encode()).hexdigest()[:12]
        with self.lock:
            key_lock = self.key_locks.setdefault(key, threading.Lock())
        with key_lock:
            if key not in self.results:
                self.results[key] = self._compile(source, mode, plugin,
                                                  options, edits, key)
                if plugin and variant.positive and self.tools.checker:
                    self._check_conventions(self.results[key][0], mode,
                                            options)
            return self.results[key]

    def _check_conventions(self, obj: str, mode: str,
                           options: Tuple[str, ...]):
        """Every object the plugin builds for a passing case must also pass
        the object checker (the rules, read back from the machine code)."""
        if modes.get(mode).pic:
            mode = "dynlink" if "-ppc-go-dynlink" in options else "shared"
        self._check([self.tools.checker, "--mode=" + mode, obj],
                    "ppc-go-abi-check --mode=%s on %s" %
                    (mode, os.path.basename(obj)))

    def _compile(self, source: str, mode: str, plugin: bool,
                 options: Tuple[str, ...], edits: Tuple[Edit, ...],
                 key: str) -> Tuple[str, Optional[str]]:
        t = self.tools
        src = os.path.join(INPUTS, source)
        stem = os.path.join(self.objdir,
                            "%s.%s" % (source.replace(".", "_"), key))
        if source.endswith(".S"):
            self._check([t.clang, "--target=" + TARGET, "-c", src, "-o",
                         stem + ".o"], "assembling " + source)
            return stem + ".o", None
        if source.endswith(".ll"):
            cmd = [t.llc, "-mtriple=" + TRIPLE, "-O2"] + \
                modes.get(mode).llc_flags
            if plugin:
                cmd += ["-load=" + t.plugin] + list(options)
        else:
            cmd = [t.clang, "--target=" + TARGET, "-O2", "-S", "-I",
                   INPUTS] + modes.get(mode).clang_flags
            if modes.get(mode).dynlink:
                cmd += ["-DDYNLINK"]
            if plugin:
                cmd += modes.clang_load(t.plugin) + modes.mllvm(options)
        self._check(cmd + [src, "-o", stem + ".s"], "compiling " + source)
        with open(stem + ".s") as f:
            asm = f.read()
        for e in edits:
            asm, count = e.apply(asm)
            if count == 0:
                raise CaseError("edit %s found nothing to change in %s" %
                                (e.name, source))
        if edits:
            stem += ".edited"
            with open(stem + ".s", "w") as f:
                f.write(asm)
        self._check([t.clang, "--target=" + TARGET, "-c", stem + ".s", "-o",
                     stem + ".o"], "assembling " + source)
        return stem + ".o", asm

    def _check(self, cmd: List[str], what: str):
        proc = run(cmd, self.tools)
        if proc.returncode != 0:
            raise CaseError("%s failed: %s" %
                            (what, first_lines(proc.stderr, 3)))


def check_asm(scenario: Scenario, mode: str, asms: Dict[str, str]):
    """Raises CaseError unless the plugin build's assembly shows the rule
    instructions the scenario relies on."""
    for source in scenario.all_local_entries:
        asm = asms[source]
        functions = set(re.findall(r"\.type\s+([\w.$]+),@function", asm))
        missing = functions - set(
            re.findall(r"\.localentry\s+([\w.$]+),", asm))
        if not functions or missing:
            raise CaseError("%s: no local entry (rule 1) for %s" %
                            (source, ", ".join(sorted(missing)) or "-"))
    for where, what, pattern, minimum in scenario.expect_asm(mode):
        source, _, function = where.partition(":")
        text = asms[source]
        if function:
            text = function_text(text, function)
        found = len(re.findall(pattern, text))
        if found < minimum:
            raise CaseError("%s: %s: found %d, expected at least %d" %
                            (where, what, found, minimum))


def check_linked(scenario: Scenario, mode: str, module: str, path: str,
                 tools: Tools):
    """Raises CaseError unless the linked module shows what the scenario
    relies on (e.g. that the linker routed a call through a stub)."""
    wanted = [e for e in scenario.expect_linked(mode) if e[0] == module]
    if not wanted:
        return
    proc = run([tools.objdump, "-d", "--no-show-raw-insn", path], tools)
    if proc.returncode != 0:
        raise CaseError("llvm-objdump %s failed: %s" %
                        (path, first_lines(proc.stderr)))
    for _, what, pattern, minimum in wanted:
        found = len(re.findall(pattern, proc.stdout))
        if found < minimum:
            raise CaseError("%s: %s: found %d, expected at least %d" %
                            (os.path.basename(path), what, found, minimum))


@dataclasses.dataclass
class Case:
    scenario: Scenario
    mode: str
    linker: str
    variant: Variant

    @property
    def name(self) -> str:
        return "%s/%s/%s/%s" % (self.scenario.name, self.mode, self.linker,
                                self.variant.name)


SIGNALS = {s.value: s.name for s in signal.Signals}


def describe_run(proc: Optional[process.Result],
                 expected_checks: int) -> Tuple[bool, str]:
    """Whether the program passed (exit status 0, every check printed and
    passed), and what happened."""
    if proc is None:
        return False, "timed out"
    fails = [l for l in proc.stdout.splitlines() if l.startswith("FAIL ")]
    result = re.search(r"^RESULT (\d+) checks, (\d+) failed$", proc.stdout,
                       re.M)
    checks = int(result.group(1)) if result else None
    if (proc.returncode == 0 and result and not fails and
            checks == expected_checks):
        return True, "%d checks passed" % checks
    parts = []
    if fails:
        more = len(fails) - 1
        parts.append(fails[0] + (" (+%d more failed)" % more if more else ""))
    if proc.returncode < 0:
        parts.append("killed by %s" % SIGNALS.get(-proc.returncode,
                                                  "signal %d" %
                                                  -proc.returncode))
    elif not result:
        parts.append("exit status %d without a RESULT line" % proc.returncode)
        if proc.stderr.strip():
            parts.append(first_lines(proc.stderr))
    if result and checks != expected_checks:
        parts.append("%d checks run, %d expected" % (checks, expected_checks))
    if not parts:
        parts.append("exit status %d" % proc.returncode)
    return False, "; ".join(parts)


def link(case: Case, modules: Sequence[Module], objects: Dict[str, List[str]],
         casedir: str, tools: Tools) -> str:
    """Links every module with the case's linker; returns the executable.
    Raises LinkFailed if the linker rejects one."""
    exe = ""
    for m in modules:
        out = os.path.join(casedir, "lib%s.so" % m.name if m.shared else m.name)
        cmd = [tools.clang, "--target=" + TARGET, "-fuse-ld=" + case.linker]
        if m.shared:
            cmd += ["-shared"]
        else:
            cmd += ["-pie" if modes.get(case.mode).pic else "-no-pie"]
        cmd += objects[m.name] + ["-L", casedir]
        cmd += ["-l" + n for n in m.needs] + ["-o", out]
        proc = run(cmd, tools)
        if proc.returncode != 0:
            errors = [l for l in proc.stderr.splitlines()
                      if ("error" in l or "lacks nop" in l) and
                      "linker command failed" not in l]
            raise LinkFailed("%s: %s" % (os.path.basename(out), first_lines(
                "\n".join(errors) or proc.stderr)))
        if case.variant.positive:
            check_linked(case.scenario, case.mode, m.name, out, tools)
        if not m.shared:
            exe = out
    return exe


def run_case(case: Case, builder: Builder, tools: Tools,
             work: str) -> Tuple[bool, str]:
    """(whether the case passed, what happened)."""
    sc, variant = case.scenario, case.variant
    casedir = os.path.join(work, sc.name, case.mode, case.linker, variant.name)
    os.makedirs(casedir)
    try:
        modules = sc.modules(case.mode)
        objects: Dict[str, List[str]] = {}
        asms: Dict[str, str] = {}
        for m in modules:
            objects[m.name] = []
            for source in m.sources:
                obj, asm = builder.compile(source, case.mode, variant)
                objects[m.name].append(obj)
                if asm is not None:
                    asms[source] = asm
        if variant.positive:
            check_asm(sc, case.mode, asms)

        try:
            exe = link(case, modules, objects, casedir, tools)
        except LinkFailed as e:
            if variant.positive:
                return False, "link error: %s" % e
            if "link" in variant.fails_by:
                return True, "failed as expected: link error: %s" % e
            return False, ("a link error (%s), but the control must fail at "
                           "run time" % e)

        try:
            proc = run([tools.qemu, "-L", SYSROOT, "-E",
                        "LD_LIBRARY_PATH=" + casedir, exe], tools, cwd=casedir)
            with open(os.path.join(casedir, "output.txt"), "w") as f:
                f.write(proc.stdout + proc.stderr)
        except subprocess.TimeoutExpired:
            proc = None
        ok, what = describe_run(proc, sc.checks(case.mode))
        if variant.positive:
            return ok, what
        if ok:
            return False, ("the negative control PASSED (%s), so the test "
                           "cannot catch: %s" % (what, variant.why))
        if "run" not in variant.fails_by:
            return False, ("linked and failed at run time (%s), but the "
                           "control must fail to link" % what)
        failed = [l[len("FAIL "):] for l in
                  (proc.stdout.splitlines() if proc else [])
                  if l.startswith("FAIL ")]
        survived = [g for g in variant.must_fail
                    if not any(f.startswith(g) for f in failed)]
        if survived:
            return False, ("failed (%s), but these checks passed: %s" %
                           (what, "; ".join(survived)))
        return True, "failed as expected: " + what
    except CaseError as e:
        return False, "error: %s" % e
    except subprocess.TimeoutExpired as e:
        return False, "error: timed out: %s" % " ".join(e.cmd[:3])


def select_cases(args: argparse.Namespace) -> List[Case]:
    cases = []
    for sc in SCENARIOS:
        if args.scenario and sc.name not in args.scenario:
            continue
        for mode in sc.modes:
            if args.mode and mode not in args.mode:
                continue
            for linker in LINKERS:
                if args.linker and linker not in args.linker:
                    continue
                for v in sc.variants:
                    if v.modes is not None and mode not in v.modes:
                        continue
                    if args.variant and v.name not in args.variant:
                        continue
                    cases.append(Case(sc, mode, linker, v))
    return cases


def mode_name(text: str) -> str:
    """--mode's argument: a mode's own name or an alias."""
    try:
        return modes.canonical(text)
    except ValueError:
        return text  # argparse names the choices


def main(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("--clang", required=True,
                   help="clang of the LLVM under test (llc and llvm-objdump "
                   "are taken from the same directory, and -fuse-ld=lld "
                   "finds its ld.lld)")
    p.add_argument("--llc", help="llc (default: next to --clang)")
    p.add_argument("--plugin", required=True, help="PPCGoABI.so")
    p.add_argument("--checker",
                   help="ppc-go-abi-check: every object of a plugin build "
                        "must pass it too")
    p.add_argument("--qemu", default="qemu-ppc64le")
    p.add_argument("--work", required=True,
                   help="scratch directory (emptied first)")
    p.add_argument("--scenario", action="append",
                   choices=[s.name for s in SCENARIOS],
                   help="only this scenario (repeatable; default: all)")
    p.add_argument("--mode", action="append", choices=MODES,
                   type=mode_name,
                   help="only this mode (repeatable; 'pic' = shared)")
    p.add_argument("--linker", action="append", choices=LINKERS,
                   help="only this linker (repeatable)")
    p.add_argument("--variant", action="append",
                   help="only this variant, e.g. plugin (repeatable)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--timeout", type=float, default=60,
                   help="seconds for each compile, link or run (default 60)")
    p.add_argument("--list", action="store_true",
                   help="list the cases and what each negative control "
                   "switches off")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print every command")
    args = p.parse_args(argv)

    cases = select_cases(args)
    if args.list:
        for c in cases:
            print(c.name + ("" if c.variant.positive else
                            "  [negative: %s]" % c.variant.why))
        return 0

    bindir = os.path.dirname(os.path.abspath(args.clang))
    tools = Tools(clang=args.clang,
                  llc=args.llc or os.path.join(bindir, "llc"),
                  objdump=os.path.join(bindir, "llvm-objdump"),
                  plugin=os.path.abspath(args.plugin),
                  checker=args.checker,
                  qemu=shutil.which(args.qemu) or args.qemu,
                  timeout=args.timeout, verbose=args.verbose)
    missing = [x for x in (tools.clang, tools.llc, tools.objdump, tools.plugin,
                           tools.qemu, SYSROOT) if not os.path.exists(x)]
    if missing:
        print("error: missing %s" % ", ".join(missing), file=sys.stderr)
        return 2

    # No core files from the programs that crash on purpose (inherited by
    # every child; qemu-user would write one per crash into the case's
    # directory).
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    builder = Builder(tools, work)
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = [pool.submit(run_case, c, builder, tools, work)
                   for c in cases]
        for case, future in zip(cases, futures):
            ok, what = future.result()
            print("%s %s%s: %s" % ("PASS" if ok else "FAIL", case.name,
                                   "" if case.variant.positive else
                                   " [negative]", what), flush=True)
            if ok:
                passed += 1
            else:
                failed += 1
    print("%d passed, %d failed" % (passed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
