#!/usr/bin/env python3
# ===- compile-time.py - What the plugin costs llc ------------------------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Measures what the plugin adds to llc's work (a benchmark, not a test).

Four configurations of the same llc on the same module, in PIC:

  not-loaded          llc
  loaded-disabled     llc -load=PPCGoABI.so
  enabled             llc -load=PPCGoABI.so -ppc-go-abi
  enabled-fixed-regs  llc -load=PPCGoABI.so -ppc-go-abi -ppc-go-fixed-regs
                      (rule 7: r30 kept from the register allocator, r0
                      zeroed, both verified)

For each: instructions executed (valgrind --tool=callgrind; exact and
repeatable, unlike time on a shared machine; perf has no counters in this
VM) and the median wall time of --runs runs, interleaved. For the enabled
run, callgrind's inclusive costs name what each pass of the plugin costs;
the rest of the difference is the effect of the conventions on the code LLVM
generates (r2 reserved, a larger prologue), not work done by the plugin.

Modules (utils/lib/ppcgoabi/bench.py builds them once into --work):
  sqlite3.ll             the SQLite amalgamation, the large real module
  sqlite3-K-of-8.ll      K/8 of its functions, K = 1, 2, 4: growth with size
  calls-N.ll             one block with N direct and N indirect calls, for
                         N = 250..2000: growth with function size

  utils/bench/compile-time.py --build build --llvm-bin /usr/lib/llvm-22/bin \\
      --json bench-22.json
Prints Markdown tables for docs/benchmarks.md.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import bench, process, tools  # noqa: E402
from ppcgoabi.measure import text_size  # noqa: E402

ANNOTATE_LINE = re.compile(r"^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:(.*) \[(.*)\]$")


def callgrind(cmd, outfile):
    """Runs \\p cmd under callgrind; returns (total Ir, {function: inclusive
    Ir} for the plugin's functions and the branch selector)."""
    process.run(["valgrind", "--tool=callgrind",
                 "--callgrind-out-file=" + outfile] + cmd)
    total = None
    with open(outfile) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
                break
    ann = process.run(["callgrind_annotate", "--inclusive=yes",
                       "--threshold=100", outfile]).stdout
    funcs = {}
    for line in ann.splitlines():
        m = ANNOTATE_LINE.match(line)
        if not m:
            continue
        name, obj = m.group(2), m.group(3)
        if "PPCGoABI" in obj or "PPCBSel::runOnMachineFunction" in name:
            funcs[name] = funcs.get(name, 0) + int(m.group(1).replace(",", ""))
    os.unlink(outfile)
    return total, funcs


def breakdown(funcs_enabled, funcs_base):
    """Per pass: the inclusive Ir of each pass's runOnMachineFunction (they
    never call each other), the IR preparation, and the second run of the
    branch selector on LLVM 19 (its cost beyond the pipeline's own run)."""
    parts = {}
    for name, ir in funcs_enabled.items():
        # GCC's partial inlining splits a function into the function and a
        # "[clone .part.0]" that it calls: the caller's inclusive cost
        # already contains the clone's.
        if "[clone " in name:
            continue
        m = re.search(r"GoABI(\w+)::runOnMachineFunction\(", name)
        # The AsmPrinter wrapper (LLVM 19) and the rule pipeline run the
        # rule passes: their inclusive cost would count those twice. The
        # LLVM 19 wrappers of finalize-isel, phi-node-elimination and
        # fixup-statepoint-caller-saved run LLVM's own pass (its cost is not
        # the plugin's) and ppc-go-reserve-toc, which has its own row.
        if m and m.group(1) not in ("AsmPrinter", "RulePipeline",
                                    "WrappedPass"):
            parts["pass " + m.group(1)] = parts.get(
                "pass " + m.group(1), 0) + ir
        elif re.search(r"prepareModuleForGoABI\(", name):
            parts["IR preparation"] = parts.get("IR preparation", 0) + ir

    def bsel(funcs):
        return sum(ir for n, ir in funcs.items() if "PPCBSel::" in n)
    rerun = bsel(funcs_enabled) - bsel(funcs_base) if funcs_base else 0
    if rerun > 0:
        parts["ppc-branch-select re-run"] = rerun
    return parts


def wall_times(cmds, runs):
    """Median wall time per command; runs interleaved so that drift in the
    machine's load hits every configuration alike."""
    times = {k: [] for k in cmds}
    for _ in range(runs):
        for k, cmd in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def measure(args, module, configs, runs, tmp):
    res = {"module": os.path.basename(module),
           "functions": len(bench.defined_functions(module)), "configs": {}}
    cmds = {}
    for cfg in configs:
        obj = os.path.join(tmp, "%s.o" % cfg)
        cmds[cfg] = bench.llc_command(args.llvm_bin, args.plugin, cfg,
                                       module, obj, extra=args.extra)
    funcs = {}
    for cfg, cmd in cmds.items():
        res["configs"][cfg] = {}
        if not args.no_callgrind:
            total, funcs[cfg] = callgrind(cmd, os.path.join(tmp, "cg.out"))
            res["configs"][cfg]["ir"] = total
            print("  %-16s %s Ir" % (cfg, format(total, ",")), flush=True)
        if cfg == "not-loaded":
            if not os.path.exists(cmd[-1]):  # callgrind's run wrote it
                process.check_run(cmd)
            res["text_bytes"] = text_size([cmd[-1]], args.llvm_bin)
    if runs:
        for cfg, t in wall_times(cmds, runs).items():
            res["configs"][cfg]["wall_median_s"] = round(t, 4)
    if "enabled" in funcs and funcs["enabled"]:
        res["enabled_breakdown"] = breakdown(funcs["enabled"],
                                             funcs.get("not-loaded"))
    if funcs.get("enabled-fixed-regs"):
        res["enabled-fixed-regs_breakdown"] = breakdown(
            funcs["enabled-fixed-regs"], funcs.get("not-loaded"))
    return res


def pct(a, b):
    return 100.0 * (a - b) / b


def report(results):
    print("\n### %s (LLVM %s)\n" % (results["title"], results["llvm"]))
    print("| module | functions | .text bytes | config | instructions "
          "(callgrind Ir) | vs not loaded | median wall (s) |")
    print("|---|---:|---:|---|---:|---:|---:|")
    for r in results["modules"]:
        base = r["configs"].get("not-loaded", {})
        for cfg, c in r["configs"].items():
            wall = c.get("wall_median_s")
            ir = c.get("ir")
            print("| %s | %d | %d | %s | %s | %s | %s |" % (
                r["module"], r["functions"], r.get("text_bytes", 0), cfg,
                format(ir, ",") if ir else "",
                "%+.3f%%" % pct(ir, base["ir"])
                if ir and base.get("ir") and cfg != "not-loaded" else "",
                "%.3f" % wall if wall is not None else ""))
    for r, cfg in [(r, c) for r in results["modules"]
                   for c in ("enabled", "enabled-fixed-regs")]:
        parts = r.get(cfg + "_breakdown")
        if not parts or "ir" not in r["configs"].get("not-loaded", {}):
            continue
        base = r["configs"]["not-loaded"]["ir"]
        delta = r["configs"][cfg]["ir"] - base
        print("\nWhere the %s plugin's %s extra instructions go (%s):\n"
              % (cfg, format(delta, ","), r["module"]))
        print("| part | Ir | % of llc |")
        print("|---|---:|---:|")
        for name, ir in sorted(parts.items(), key=lambda kv: -kv[1]):
            print("| %s | %s | %.3f%% |" % (name, format(ir, ","),
                                           100.0 * ir / base))
        rest = delta - sum(parts.values())
        print("| rest (codegen under the conventions, plugin loading) | %s "
              "| %.3f%% |" % (format(rest, ","), 100.0 * rest / base))


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True,
                        help="PPCGoABI build directory for this LLVM")
    parser.add_argument("--llvm-bin", default="/usr/lib/llvm-22/bin")
    parser.add_argument("--work", default="/tmp/ppcgoabi-bench")
    parser.add_argument("--realcode-work", default="/tmp/ppcgoabi-realcode",
                        help="where utils/realcode keeps the sources")
    parser.add_argument("--runs", type=int, default=5,
                        help="wall-time runs per configuration")
    parser.add_argument("--parts", default="sqlite,scaling,calls",
                        help="which measurements: sqlite, scaling, calls")
    parser.add_argument("--calls", default="250,500,1000,2000")
    parser.add_argument("--no-callgrind", action="store_true",
                        help="wall times only")
    parser.add_argument("--configs", default=",".join(bench.CONFIGS),
                        help="configurations to measure on the SQLite "
                             "module (the growth sets always take "
                             "not-loaded and enabled)")
    parser.add_argument("--extra-llc-args", default="",
                        help="added to every llc command (e.g. a workaround)")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    args.plugin = tools.plugin_of(args.build)
    args.extra = args.extra_llc_args.split()
    llc = os.path.join(args.llvm_bin, "llc")
    major = tools.llvm_major(llc)
    work = os.path.join(args.work, "llvm-%d" % major)
    os.makedirs(work, exist_ok=True)
    parts = args.parts.split(",")
    results = {"llvm": tools.llvm_version(llc),
               "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
               "extra_llc_args": args.extra_llc_args, "sets": []}
    all_configs = [c for c in args.configs.split(",") if c]
    for c in all_configs:
        if c not in bench.CONFIGS:
            parser.error("unknown configuration '%s'" % c)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = None
        if "sqlite" in parts or "scaling" in parts:
            sqlite = bench.sqlite_ir(args.llvm_bin, args.realcode_work, work)
        if "sqlite" in parts:
            print("sqlite3.ll", flush=True)
            results["sets"].append({
                "title": "SQLite amalgamation, -O2, PIC",
                "modules": [measure(args, sqlite, all_configs, args.runs,
                                    tmp)]})
        if "scaling" in parts:
            mods = []
            for k in (1, 2, 4):
                m = bench.sqlite_fraction(args.llvm_bin, sqlite, k, work)
                print(os.path.basename(m), flush=True)
                mods.append(measure(args, m, ["not-loaded", "enabled"], 0,
                                    tmp))
            results["sets"].append({"title": "Growth with module size "
                                    "(fractions of SQLite)", "modules": mods})
        if "calls" in parts:
            mods = []
            for n in [int(x) for x in args.calls.split(",")]:
                m = bench.calls_module(n, work)
                print(os.path.basename(m), flush=True)
                mods.append(measure(args, m, ["not-loaded", "enabled"], 0,
                                    tmp))
            results["sets"].append({"title": "Growth with function size "
                                    "(N direct + N indirect calls in one "
                                    "block)", "modules": mods})
    for s in results["sets"]:
        s["llvm"] = results["llvm"]
        report(s)
    bench.write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
