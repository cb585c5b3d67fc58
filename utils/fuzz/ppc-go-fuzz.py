#!/usr/bin/env python3
# ===- ppc-go-fuzz.py - Fuzz the PPCGoABI plugin with llvm-stress ----------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Fuzzes the PPCGoABI plugin with random modules from llvm-stress.

The plugin runs inside users' compilers, so on any input llc accepts it must
neither crash, nor produce machine code the verifier rejects, nor emit an
object that breaks a Go convention, nor change anything when it is loaded
but not enabled. This driver checks all four on modules that nobody wrote
by hand:

  1. llvm-stress -seed=S -size=N writes a module (fixed seeds: a run is
     reproducible); weave_calls.py adds calls of every kind the rules care
     about to most of them (llvm-stress itself never calls).
  2. Each module is compiled by llc with the plugin loaded, at every -O level
     and in every mode asked for:
       shared   -relocation-model=pic -ppc-go-abi        Go's -shared rules
                (also accepted as "pic")
       static   -relocation-model=static -ppc-go-abi     Go's non-shared rules
       dynlink  -relocation-model=pic -ppc-go-abi -ppc-go-dynlink
       off      -relocation-model=pic, plugin loaded, -ppc-go-abi not given
     always with -verify-machineinstrs and -filetype=obj.
  3. A failing compilation is repeated with stock llc (no plugin, same
     relocation model and -O level): if stock llc fails too, the input hit an
     LLVM problem and the case is counted apart ("stock-LLVM failures"), not
     against the plugin.
  4. Each object of an enabled mode goes through ppc-go-abi-check (when the
     checker is built: it is found next to the plugin, in <build>/bin, or
     given with --checker); each object of mode `off` must be byte-identical
     to stock llc's.

Failure classes, each of which must be zero: crashes (signal, "Stack dump",
"PLEASE submit a bug report"), verifier errors ("Bad machine code"),
convention violations (checker exit 1; exit 2 is a checker error), rule
errors (the plugin refused the input with "ppc-go-abi: rule ..."), other
llc errors, and disabled-plugin differences. The exit status is 0 only if
all are zero. --keep DIR saves each failing module with a reproducer script.

Examples:
  # the CI slice (test/Fuzz/fuzz-slice.test runs this through lit)
  utils/fuzz/ppc-go-fuzz.py --plugin build/lib/PPCGoABI.so --seeds 1-300 -j2
  # the long run recorded in docs/Robustness.md
  nice -n 10 utils/fuzz/ppc-go-fuzz.py --plugin build/lib/PPCGoABI.so \\
      --seeds 1-5000 --sizes 25,100,400,1600 -j2 --json run22.json
"""

import argparse
import concurrent.futures
import json
import os
import shlex
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import TRIPLE, modes, process, tools, weave  # noqa: E402

# The driver's own mode besides Go's: the plugin loaded but not enabled, in
# PIC (shared's llc options).
OFF = "off"


def mode_flags(mode):
    """(llc options besides the plugin's, plugin options, checker mode)."""
    if mode == OFF:
        return modes.get("shared").llc_flags, [], None
    m = modes.get(mode)
    return m.llc_flags, m.plugin_flags, m.checker_mode

# Failure classes, in the order they are reported.
FAILURES = [
    ("crash", "crashes"),
    ("verifier", "verifier errors"),
    ("violation", "convention violations"),
    ("checker-error", "checker errors (unreadable object)"),
    ("rule", "rule errors (plugin refused the input)"),
    ("error", "other llc errors"),
    ("disabled-diff", "disabled-plugin objects differing from stock"),
    ("timeout", "timeouts"),
]


def parse_range_list(text):
    """'1-300,1000-1009,42' -> [1..300, 1000..1009, 42]."""
    values = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            values.extend(range(int(lo), int(hi) + 1))
        else:
            values.append(int(part))
    return values


def density_for(seed):
    """How densely calls are woven into the module of \\p seed: one module in
    four stays as llvm-stress wrote it (rule 1 and register use on their own),
    the others get a call before 2% to 20% of their instructions."""
    if seed % 4 == 0:
        return 0.0
    return 0.02 + (seed * 7919 % 19) / 100.0


def classify_failure(rc, stderr):
    if "Bad machine code" in stderr or "machine code errors" in stderr:
        return "verifier"
    if "ppc-go-abi: rule" in stderr:
        return "rule"
    if (rc < 0 or rc >= 128 or "Stack dump" in stderr
            or "PLEASE submit a bug report" in stderr):
        return "crash"
    return "error"


def first_line(text, limit=200):
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return ""


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.llc = (shlex.split(args.llc) if args.llc
                    else [os.path.join(args.llvm_bin, "llc")])
        self.stress = os.path.join(args.llvm_bin, "llvm-stress")
        self.plugin = os.path.abspath(args.plugin)
        self.checker = args.checker
        self.work = args.work
        self.lock = threading.Lock()
        self.counts = {name: 0 for name, _ in FAILURES}
        self.stock_failures = []
        self.compilations = 0
        self.checked = 0
        self.disabled_compared = 0
        self.modules = 0
        self.woven_modules = 0
        self.woven = {}
        self.failures = []
        self.done = 0

    # -- commands -----------------------------------------------------------

    def llc_command(self, module, obj, opt, mode, go, cpu, plugin=True):
        base, goflags, _ = mode_flags(mode)
        cmd = list(self.llc)
        if plugin:
            cmd.append("-load=" + self.plugin)
        cmd += ["-mtriple=" + TRIPLE, "-O%s" % opt] + base
        if cpu:
            cmd.append("-mcpu=" + cpu)
        if plugin:
            cmd += goflags
            if goflags:
                cmd.append("-ppc-go-version=" + go)
        cmd += ["-verify-machineinstrs", "-filetype=obj", module, "-o", obj]
        return cmd

    def run(self, cmd):
        """(exit status or None after the timeout, stdout + stderr)."""
        r = process.run(cmd, timeout=self.args.timeout)
        return r.returncode, r.output

    # -- one module ---------------------------------------------------------

    def module_config(self, index):
        """Size, Go version and CPU of the index-th module: each list is
        cycled, the next one once per full cycle of the previous."""
        sizes, versions, cpus = self.args.sizes, self.args.go, self.args.cpus
        size = sizes[index % len(sizes)]
        go = versions[(index // len(sizes)) % len(versions)]
        cpu = cpus[(index // (len(sizes) * len(versions))) % len(cpus)]
        return size, go, cpu

    def fuzz_module(self, index, seed):
        size, go, cpu = self.module_config(index)
        tag = "s%d-n%d" % (seed, size)
        mdir = tempfile.mkdtemp(prefix=tag + "-", dir=self.work)
        raw = os.path.join(mdir, "raw.ll")
        module = os.path.join(mdir, "module.ll")
        rc, out = self.run([self.stress, "-seed=%d" % seed, "-size=%d" % size,
                            "-o", raw])
        if rc != 0:
            raise RuntimeError("llvm-stress failed: " + out)
        density = 0.0 if self.args.no_calls else density_for(seed)
        with open(raw) as f:
            text, woven = weave.weave(f.read(), seed, density)
        with open(module, "w") as f:
            f.write(text)

        results = []  # (opt, mode, object) of the enabled compilations
        local_counts = {name: 0 for name, _ in FAILURES}
        local_failures = []
        stock_failures = []
        compiled = 0
        compared = 0

        def stock_failure(opt, mode, out):
            return {"seed": seed, "size": size, "opt": opt, "mode": mode,
                    "go": go, "cpu": cpu or "default",
                    "detail": first_line(out)}

        def fail(kind, opt, mode, detail, cmd):
            local_counts[kind] += 1
            local_failures.append({
                "kind": kind, "seed": seed, "size": size, "opt": opt,
                "mode": mode, "go": go, "cpu": cpu or "default",
                "density": density, "detail": detail,
                "command": cmd})

        for opt in self.args.opt:
            for mode in self.args.modes:
                obj = os.path.join(mdir, "O%s-%s.o" % (opt, mode))
                cmd = self.llc_command(module, obj, opt, mode, go, cpu)
                rc, out = self.run(cmd)
                compiled += 1
                if ("request ignored" in out
                        or "Unknown command line argument" in out):
                    raise RuntimeError(
                        "the plugin did not load into %s:\n%s"
                        % (shlex.join(self.llc), out))
                if rc == 0 and mode != OFF:
                    results.append((opt, mode, obj))
                    continue
                stock_obj = os.path.join(mdir, "O%s-%s.stock.o" % (opt, mode))
                stock_cmd = self.llc_command(module, stock_obj, opt, mode, go,
                                             cpu, plugin=False)
                if rc == 0:  # mode off: must equal stock llc's object.
                    src, sout = self.run(stock_cmd)
                    if src != 0:
                        stock_failures.append(stock_failure(opt, mode, sout))
                        continue
                    compared += 1
                    with open(obj, "rb") as a, open(stock_obj, "rb") as b:
                        if a.read() != b.read():
                            fail("disabled-diff", opt, mode,
                                 "object differs from stock llc's", cmd)
                    continue
                if rc is None:
                    fail("timeout", opt, mode, out, cmd)
                    continue
                # A failure: is it the plugin's, or does stock llc fail too?
                src, sout = self.run(stock_cmd)
                if src != 0:
                    stock_failures.append(stock_failure(opt, mode, sout))
                    continue
                fail(classify_failure(rc, out), opt, mode, first_line(
                    "\n".join(l for l in out.splitlines()
                              if "error" in l.lower() or "Bad machine" in l
                              or "Assertion" in l) or out), cmd)

        checked = self.check_objects(results, go, fail)

        with self.lock:
            self.modules += 1
            self.compilations += compiled
            self.checked += checked
            self.disabled_compared += compared
            self.stock_failures.extend(stock_failures)
            if woven:
                self.woven_modules += 1
                for kind, n in woven.items():
                    self.woven[kind] = self.woven.get(kind, 0) + n
            for kind, n in local_counts.items():
                self.counts[kind] += n
            self.failures.extend(local_failures)
            self.done += 1
            if self.args.progress and self.done % self.args.progress == 0:
                print("ppc-go-fuzz: %d modules, %d failures, %.0fs"
                      % (self.done, sum(self.counts.values()),
                         time.time() - self.start), flush=True)
        if local_failures and self.args.keep:
            self.keep(mdir, seed, size, density, local_failures)
        shutil.rmtree(mdir, ignore_errors=True)

    def check_objects(self, results, go, fail):
        """Runs the checker over the objects of one module, one call per mode;
        a failing call is repeated per object to name the culprit."""
        if not self.checker or not results:
            return 0
        by_mode = {}
        for opt, mode, obj in results:
            by_mode.setdefault(mode, []).append((opt, obj))
        checked = 0
        for mode, objs in by_mode.items():
            cmode = mode_flags(mode)[2]
            base = [self.checker, "--go=" + go, "--mode=" + cmode]
            rc, out = self.run(base + [o for _, o in objs])
            checked += len(objs)
            if rc == 0:
                continue
            for opt, obj in objs:
                rc1, out1 = self.run(base + [obj])
                if rc1 == 0:
                    continue
                kind = "violation" if rc1 == 1 else "checker-error"
                fail(kind, opt, mode, first_line(out1.replace(
                    os.path.dirname(obj) + os.sep, "")),
                     base + [os.path.basename(obj)])
        return checked

    def keep(self, mdir, seed, size, density, failures):
        dest = os.path.join(self.args.keep, "s%d-n%d" % (seed, size))
        os.makedirs(dest, exist_ok=True)
        shutil.copy(os.path.join(mdir, "module.ll"), dest)
        with open(os.path.join(dest, "repro.sh"), "w") as f:
            f.write("#!/bin/sh\n# ppc-go-fuzz: seed %d size %d density %.2f\n"
                    "# module.ll = llvm-stress -seed=%d -size=%d | "
                    "weave_calls.py --seed %d --density %.2f\n"
                    % (seed, size, density, seed, size, seed, density))
            for fl in failures:
                # Paths in the module's scratch directory become relative.
                cmd = [os.path.basename(c) if c.startswith(mdir) else c
                       for c in fl["command"]]
                f.write("# %s: %s\n%s\n" % (fl["kind"], fl["detail"],
                                             shlex.join(cmd)))

    # -- the whole run ------------------------------------------------------

    def run_all(self):
        seeds = self.args.seeds
        self.start = time.time()
        with concurrent.futures.ThreadPoolExecutor(self.args.jobs) as pool:
            futures = [pool.submit(self.fuzz_module, i, s)
                       for i, s in enumerate(seeds)]
            try:
                for fut in concurrent.futures.as_completed(futures):
                    fut.result()
            except BaseException:
                for fut in futures:
                    fut.cancel()
                raise
        self.elapsed = time.time() - self.start


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plugin", required=True,
                        help="the plugin (<build>/lib/PPCGoABI.so)")
    parser.add_argument("--llvm-bin",
                        help="directory of llc and llvm-stress (default: "
                             "the LLVM the plugin's build was configured "
                             "with, else those on PATH)")
    parser.add_argument("--llc", help="command to run instead of "
                                      "<llvm-bin>/llc (the tests use a "
                                      "faulty wrapper)")
    parser.add_argument("--checker",
                        help="ppc-go-abi-check (default: <build>/bin of the "
                             "plugin, if built); 'none' skips the checks")
    parser.add_argument("--require-checker", action="store_true",
                        help="fail if no checker is found")
    parser.add_argument("--seeds", default="1-300",
                        help="llvm-stress seeds, e.g. 1-300,1000-1010")
    parser.add_argument("--sizes", default="25,100,400",
                        help="llvm-stress -size values, cycled over seeds")
    parser.add_argument("--opt", default="0,2", help="llc -O levels")
    parser.add_argument("--modes", default="shared,static,dynlink,off",
                        help="subset of %s ('pic' = shared)"
                             % ",".join(modes.NAMES + (OFF,)))
    parser.add_argument("--go", default="1.17,1.19",
                        help="-ppc-go-version values, cycled over modules")
    parser.add_argument("--cpus", default=",pwr9",
                        help="-mcpu values ('' = llc's default), cycled")
    parser.add_argument("--no-calls", action="store_true",
                        help="use llvm-stress output as is")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds per llc run")
    parser.add_argument("--work", help="scratch directory (default: a "
                                       "temporary one, removed at the end)")
    parser.add_argument("--keep", help="save failing modules and "
                                       "reproducers here")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--progress", type=int, default=0, metavar="N",
                        help="print a progress line every N modules")
    parser.add_argument("--max-report", type=int, default=20,
                        help="failures listed in detail")
    args = parser.parse_args(argv)

    if not args.llvm_bin:
        args.llvm_bin = tools.llvm_bin_of_build(
            tools.build_of_plugin(args.plugin))
    if not args.llvm_bin:
        llc = shutil.which("llc")
        if not llc:
            parser.error("no llc on PATH; give --llvm-bin")
        args.llvm_bin = os.path.dirname(llc)
    args.seeds = parse_range_list(args.seeds)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.opt = [o.strip() for o in args.opt.split(",") if o.strip()]
    try:
        args.modes = modes.parse_list(args.modes, extra=(OFF,))
    except ValueError as e:
        parser.error(str(e))
    args.go = [g.strip() for g in args.go.split(",") if g.strip()]
    args.cpus = [c.strip() for c in args.cpus.split(",")]
    if not os.path.exists(args.plugin):
        parser.error("no plugin at %s" % args.plugin)
    if args.checker == "none":
        args.checker = None
    elif args.checker:
        if not os.access(args.checker, os.X_OK):
            parser.error("checker %s is not executable" % args.checker)
    else:
        args.checker = tools.find_checker(args.plugin)
    if args.require_checker and not args.checker:
        parser.error("no ppc-go-abi-check next to %s (--require-checker)"
                     % args.plugin)

    own_work = args.work is None
    if own_work:
        args.work = tempfile.mkdtemp(prefix="ppc-go-fuzz-")
    else:
        os.makedirs(args.work, exist_ok=True)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)

    fuzzer = Fuzzer(args)
    version = tools.llvm_version(fuzzer.llc)
    print("ppc-go-fuzz: llc LLVM %s (%s)" % (version, shlex.join(fuzzer.llc)))
    print("ppc-go-fuzz: plugin %s" % fuzzer.plugin)
    print("ppc-go-fuzz: checker %s" % (
        args.checker or "not found: convention checks SKIPPED"))
    print("ppc-go-fuzz: seeds %d (%d-%d), sizes %s, -O%s, modes %s, go %s, "
          "cpus %s, -j%d" % (
              len(args.seeds), min(args.seeds), max(args.seeds),
              ",".join(map(str, args.sizes)), ",".join(args.opt),
              ",".join(args.modes), ",".join(args.go),
              ",".join(c or "default" for c in args.cpus), args.jobs),
          flush=True)
    try:
        fuzzer.run_all()
    finally:
        if own_work:
            shutil.rmtree(args.work, ignore_errors=True)

    total_failures = sum(fuzzer.counts.values())
    print("modules: %d (%d with calls woven in: %s)" % (
        fuzzer.modules, fuzzer.woven_modules,
        ", ".join("%s %d" % kv for kv in sorted(fuzzer.woven.items()))))
    print("compilations: %d" % fuzzer.compilations)
    print("objects checked: %d" % fuzzer.checked)
    print("disabled-plugin objects compared with stock: %d"
          % fuzzer.disabled_compared)
    print("stock-LLVM failures (not counted): %d"
          % len(fuzzer.stock_failures))
    for name, label in FAILURES:
        print("%s: %d" % (label, fuzzer.counts[name]))
    for fl in sorted(fuzzer.failures,
                     key=lambda f: (f["seed"], f["opt"], f["mode"]))[
                         :args.max_report]:
        print("FAIL %s: seed %d size %d -O%s %s go %s cpu %s: %s" % (
            fl["kind"], fl["seed"], fl["size"], fl["opt"], fl["mode"],
            fl["go"], fl["cpu"], fl["detail"]))
    print("time: %.1fs" % fuzzer.elapsed)
    print("result: %s" % ("PASS" if total_failures == 0 else "FAIL"))

    if args.json:
        with open(args.json, "w") as f:
            json.dump({
                "llvm": version, "llc": shlex.join(fuzzer.llc),
                "plugin": fuzzer.plugin,
                "checker": args.checker,
                "seeds": [min(args.seeds), max(args.seeds)],
                "sizes": args.sizes, "opt": args.opt, "modes": args.modes,
                "go": args.go, "cpus": args.cpus,
                "modules": fuzzer.modules,
                "woven_modules": fuzzer.woven_modules,
                "woven_calls": fuzzer.woven,
                "compilations": fuzzer.compilations,
                "objects_checked": fuzzer.checked,
                "disabled_compared": fuzzer.disabled_compared,
                "stock_failures": len(fuzzer.stock_failures),
                "stock_failure_list": fuzzer.stock_failures,
                "failures": fuzzer.counts,
                "failure_list": fuzzer.failures,
                "seconds": round(fuzzer.elapsed, 1),
                "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
            }, f, indent=1)
    return 0 if total_failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
