#!/usr/bin/env python3
# ===- code-size.py - What the plugin adds to the code, against the minimum ===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Counts the instructions the plugin adds, rule by rule, against the
minimum the rules require for the same module (a benchmark, not a test).

For each module and mode (shared = Go's -shared, also given as pic; static;
dynlink) the module is
compiled twice by llc: without the plugin (stock) and with it enabled
(-ppc-go-abi-stats prints what each pass did). Then:

  minimum    ppc-go-abi-check on the stock object: each violation is one
             site the rules need changed (a function without the global
             entry, a frame allocation without its TOC save, a call without
             its nop or pad, an indirect call without its reload); times the
             instructions per site (2 for a prologue, 1 for a save, reload or
             nop, the pad's length for a deferreturn call)
  added      the plugin's counters: prologues forced, saves inserted (minus
             the redundant saves it removed), reloads, nops, pad
             instructions
  total      the objects' instruction counts (llvm-objdump), go - stock; what
             the counters do not explain is code generated differently under
             the conventions (r2 reserved for the register allocator)
  saves      every `std 2,24(1)` in the go object, and how many do not
             directly follow the frame allocation (stdu/stdux) they belong
             to: a duplicated or stray save; the target is zero
  checked    ppc-go-abi-check on the go object: must be clean

With --rules fixed-regs (rule 7, -ppc-go-fixed-regs; issue 12) the same
modules are compiled with -ppc-go-abi alone (go) and with -ppc-go-abi
-ppc-go-fixed-regs (fr), as objects and as assembly:

  zeroings   the plugin's counter (li 0,0 inserted before a call or
             return) against the sites: the calls, tail branches and
             returns that ppc-go-abi-check --fixed-regs finds reached by a
             possibly non-zero r0 in the go object (one zeroing per site at
             most; a zeroing may serve several sites, so fewer is possible);
             and `li 0,0` in the objects, fr - go
  r30        writes of r30 the checker finds in the go object (what the
             rule has to prevent), and in the fr object (must be none)
  spills     llc's own "Spill"/"Reload" comments in the assembly (stack
             slots written and read by the register allocator), go and fr:
             what reserving r30 costs; and the instructions and .text bytes
             of the objects, fr - go

Modules: the SQLite amalgamation (utils/lib/ppcgoabi/bench.py) and a corpus
of fuzz modules with calls woven in as the fuzz driver does
(utils/lib/ppcgoabi/weave.py), which call
runtime.deferreturn. Prints Markdown tables for docs/benchmarks.md.

  utils/bench/code-size.py --build build --llvm-bin /usr/lib/llvm-22/bin
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import bench, modes, process, tools, weave  # noqa: E402
from ppcgoabi.measure import check_objects, text_size  # noqa: E402

# The plugin's counters (-ppc-go-abi-stats): (pass, description) -> key.
COUNTERS = {
    ("ppc-go-global-entry",
     "Global entry prologues added to TOC-free functions"): "prologues",
    ("ppc-go-toc-save",
     "TOC saves inserted after a stack allocation"): "saves_inserted",
    ("ppc-go-toc-save",
     "TOC saves already right after a stack allocation"): "saves_present",
    ("ppc-go-toc-save", "Redundant TOC saves removed"): "saves_removed",
    ("ppc-go-indirect-call",
     "TOC reloads inserted after indirect calls"): "reloads",
    ("ppc-go-indirect-call",
     "Indirect call targets copied to r12 (mfctr 12)"): "target_copies",
    ("ppc-go-dynlink-call", "Calls given a trailing nop"): "nops",
    ("ppc-go-deferreturn-pad", "Deferreturn calls padded"): "pads",
    ("ppc-go-deferreturn-pad",
     "Instructions added by deferreturn pads"): "pad_instrs",
}
STAT_LINE = re.compile(r"^\s*(\d+) (\S+) - (.*?)\s*$")
INSN_LINE = re.compile(r"^\s*[0-9a-f]+:\s+(?:[0-9a-f]{2} ){4}\s*(\S+)\s*(.*)$")
RULES = ["global-entry", "toc-save", "indirect-call", "dynlink-call",
         "deferreturn-pad"]


def parse_stats(stderr):
    stats = {k: 0 for k in COUNTERS.values()}
    for line in stderr.splitlines():
        m = STAT_LINE.match(line)
        if m and (m.group(2), m.group(3)) in COUNTERS:
            stats[COUNTERS[(m.group(2), m.group(3))]] += int(m.group(1))
    return stats


def checker_violations(checker, mode, go, objs):
    """{rule: violations} in \\p objs."""
    return check_objects(checker, mode, go, objs)[1]


def writes_r1(mnemonic, operands):
    """The frame allocations and restores LLVM emits: stdu/stdux (base r1
    updated), and mr/addi/ld/or with r1 as destination."""
    ops = [o.strip() for o in operands.split(",")]
    if mnemonic in ("stdu", "stwu"):
        return len(ops) > 1 and ops[1].endswith("(1)")
    if mnemonic in ("stdux", "stwux"):
        return len(ops) > 1 and ops[1] == "1"
    return mnemonic in ("mr", "addi", "ld", "or", "add", "subf") and \
        ops[0] == "1"


def disassembly_counts(llvm_bin, objs):
    """Instructions, TOC saves, TOC saves not right after an r1 write, and
    tail branches to symbols (`b sym` with a REL24 relocation)."""
    insns = saves = stray = tails = 0
    for obj in objs:
        out = process.check_run([os.path.join(llvm_bin, "llvm-objdump"),
                                 "-dr", obj]).stdout
        prev = None
        for line in out.splitlines():
            if not line.strip() or line.endswith(">:"):
                prev = None  # a new function
                continue
            if "R_PPC64_REL24" in line and prev and prev[0] == "b":
                tails += 1
            m = INSN_LINE.match(line)
            if not m:
                continue
            insns += 1
            mnem, ops = m.group(1), m.group(2).split("#")[0].strip()
            if mnem == "std" and ops.replace(" ", "") == "2,24(1)":
                saves += 1
                if not (prev and writes_r1(*prev)):
                    stray += 1
            prev = (mnem, ops)
    return insns, saves, stray, tails


def compile_pair(args, module, mode, tmp, tag):
    """(stock object, go object, stats) or None if either compile fails."""
    stock = os.path.join(tmp, tag + ".stock.o")
    go = os.path.join(tmp, tag + ".go.o")
    cmd_s = bench.llc_command(args.llvm_bin, args.plugin, "not-loaded",
                              module, stock, mode, args.extra)
    cmd_g = bench.llc_command(args.llvm_bin, args.plugin, "enabled",
                              module, go, mode,
                              args.extra + ["-ppc-go-version=" + args.go,
                                            "-ppc-go-abi-stats"])
    ps = process.run(cmd_s)
    pg = process.run(cmd_g)
    if ps.returncode != 0 or pg.returncode != 0:
        return None, (ps.stderr + pg.stderr).strip().splitlines()[:1]
    return (stock, go, parse_stats(pg.stderr)), None


def measure(args, name, modules, mode, tmp):
    checker_mode = modes.get(mode).checker_mode
    stocks, gos, failed = [], [], []
    stats = {k: 0 for k in COUNTERS.values()}
    for i, m in enumerate(modules):
        pair, err = compile_pair(args, m, mode, tmp, "%s-%s-%d" % (
            name, mode, i))
        if not pair:
            failed.append((os.path.basename(m), err))
            continue
        stocks.append(pair[0])
        gos.append(pair[1])
        for k, v in pair[2].items():
            stats[k] += v
    res = {"set": name, "mode": mode, "modules": len(stocks),
           "failed": failed, "stats": stats}
    res["minimum_sites"] = checker_violations(args.checker, checker_mode,
                                              args.go, stocks)
    res["go_violations"] = checker_violations(args.checker, checker_mode,
                                              args.go, gos)
    si, ss, sst, stl = disassembly_counts(args.llvm_bin, stocks)
    gi, gs, gst, gtl = disassembly_counts(args.llvm_bin, gos)
    res.update({"stock_insns": si, "go_insns": gi, "stock_saves": ss,
                "go_saves": gs, "go_stray_saves": gst,
                "stock_tail_branches": stl, "go_tail_branches": gtl})
    for f in stocks + gos:
        os.unlink(f)
    return res


FR_COUNTERS = {
    ("ppc-go-zero-r0", "li 0,0 inserted before a call or return"):
        "zeroings",
}
SPILL = re.compile(r"#.*\b(Folded )?Spill\b")
RELOAD = re.compile(r"#.*\b(Folded )?Reload\b")


def parse_fr_stats(stderr):
    stats = {k: 0 for k in FR_COUNTERS.values()}
    for line in stderr.splitlines():
        m = STAT_LINE.match(line)
        if m and (m.group(2), m.group(3)) in FR_COUNTERS:
            stats[FR_COUNTERS[(m.group(2), m.group(3))]] += int(m.group(1))
    return stats


def fixed_regs_findings(checker, mode, go, objs):
    """ppc-go-abi-check --fixed-regs over \p objs: {'r0': calls and returns
    reached by a non-zero r0, 'r30': writes of r30, 'other': any other
    finding of any rule}."""
    r = process.run([checker, "--go=" + go, "--mode=" + mode,
                     "--fixed-regs", "--format=json"] + list(objs))
    if r.returncode not in (0, 1):
        raise RuntimeError("ppc-go-abi-check failed (%s):\n%s"
                           % (r.returncode, r.output[-4000:]))
    found = {"r0": 0, "r30": 0, "other": 0}
    for f in json.loads(r.stdout)["files"]:
        for v in f.get("violations", []):
            msg = v.get("message", "")
            if v["rule"] == "fixed-regs" and "r0 may be non-zero" in msg:
                found["r0"] += 1
            elif v["rule"] == "fixed-regs" and "r30 is written" in msg:
                found["r30"] += 1
            else:
                found["other"] += 1
    return found


def spill_counts(asm_files):
    spills = reloads = 0
    for path in asm_files:
        with open(path) as f:
            for line in f:
                if SPILL.search(line):
                    spills += 1
                elif RELOAD.search(line):
                    reloads += 1
    return spills, reloads


def li0_count(llvm_bin, objs):
    n = 0
    for obj in objs:
        out = process.check_run([os.path.join(llvm_bin, "llvm-objdump"),
                                 "-d", "--no-show-raw-insn", obj]).stdout
        n += len(re.findall(r"^\s*[0-9a-f]+:\s+li 0, 0\s*$", out, re.M))
    return n


def measure_fixed_regs(args, name, modules, mode, tmp):
    """Rule 7's cost on \p modules in \p mode: go (-ppc-go-abi) against
    fr (-ppc-go-abi -ppc-go-fixed-regs)."""
    checker_mode = modes.get(mode).checker_mode
    objs = {"go": [], "fr": []}
    asms = {"go": [], "fr": []}
    stats = {k: 0 for k in FR_COUNTERS.values()}
    failed = []
    for i, m in enumerate(modules):
        outs = {}
        for cfg, extra in (("go", []), ("fr", ["-ppc-go-fixed-regs"])):
            opts = args.extra + ["-ppc-go-version=" + args.go] + extra
            tag = os.path.join(tmp, "%s-%s-%d.%s" % (name[:6], mode, i, cfg))
            cmd_o = bench.llc_command(args.llvm_bin, args.plugin, "enabled",
                                      m, tag + ".o", mode,
                                      opts + ["-ppc-go-abi-stats"])
            cmd_s = bench.llc_command(args.llvm_bin, args.plugin, "enabled",
                                      m, tag + ".s", mode, opts)
            cmd_s[cmd_s.index("-filetype=obj")] = "-filetype=asm"
            po, ps = process.run(cmd_o), process.run(cmd_s)
            if po.returncode or ps.returncode:
                failed.append((os.path.basename(m), (po.stderr + ps.stderr)
                               .strip().splitlines()[:1]))
                break
            outs[cfg] = (tag + ".o", tag + ".s", po.stderr)
        if len(outs) != 2:
            continue
        for cfg, (o, a, err) in outs.items():
            objs[cfg].append(o)
            asms[cfg].append(a)
        for k, v in parse_fr_stats(outs["fr"][2]).items():
            stats[k] += v
    res = {"set": name, "mode": mode, "modules": len(objs["go"]),
           "failed": failed, "stats": stats,
           "go_findings": fixed_regs_findings(args.checker, checker_mode,
                                              args.go, objs["go"]),
           "fr_findings": fixed_regs_findings(args.checker, checker_mode,
                                              args.go, objs["fr"])}
    for cfg in ("go", "fr"):
        res[cfg + "_insns"] = disassembly_counts(args.llvm_bin,
                                                 objs[cfg])[0]
        res[cfg + "_text"] = text_size(objs[cfg], args.llvm_bin)
        res[cfg + "_li0"] = li0_count(args.llvm_bin, objs[cfg])
        res[cfg + "_spills"], res[cfg + "_reloads"] = spill_counts(asms[cfg])
        for f in objs[cfg] + asms[cfg]:
            os.unlink(f)
    return res


def report_fixed_regs(results):
    print("\n### fixed-regs cost (LLVM %s, Go %s conventions)\n" % (
        results["llvm"], results["go"]))
    print("| set | mode | modules | r0 sites (go) | li 0,0 inserted | "
          "li 0,0 in objects go / fr | r30 writes go / fr | spills go / fr "
          "| reloads go / fr | instrs go / fr | .text bytes go / fr | "
          "other findings fr |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results["fixed_regs"]:
        print("| %s | %s | %d | %d | %d | %d / %d | %d / %d | %d / %d (%+d) "
              "| %d / %d (%+d) | %d / %d (%+.2f%%) | %d / %d (%+.2f%%) | %d |"
              % (r["set"], r["mode"], r["modules"], r["go_findings"]["r0"],
                 r["stats"]["zeroings"], r["go_li0"], r["fr_li0"],
                 r["go_findings"]["r30"], r["fr_findings"]["r30"],
                 r["go_spills"], r["fr_spills"],
                 r["fr_spills"] - r["go_spills"], r["go_reloads"],
                 r["fr_reloads"], r["fr_reloads"] - r["go_reloads"],
                 r["go_insns"], r["fr_insns"],
                 100.0 * (r["fr_insns"] - r["go_insns"]) /
                 max(r["go_insns"], 1), r["go_text"], r["fr_text"],
                 100.0 * (r["fr_text"] - r["go_text"]) /
                 max(r["go_text"], 1),
                 r["fr_findings"]["r0"] + r["fr_findings"]["r30"] +
                 r["fr_findings"]["other"]))
        if r["failed"]:
            print("\n%d module(s) not compiled: %s" % (len(r["failed"]),
                                                      r["failed"][0]))


def rule_rows(r):
    """(rule, minimum sites, minimum instrs, added sites, added instrs)."""
    mins, st = r["minimum_sites"], r["stats"]
    pad_len = st["pad_instrs"] // st["pads"] if st["pads"] else 0
    return [
        ("global-entry (prologues)", mins.get("global-entry", 0),
         2 * mins.get("global-entry", 0), st["prologues"],
         2 * st["prologues"]),
        ("toc-save (saves inserted)", mins.get("toc-save", 0),
         mins.get("toc-save", 0), st["saves_inserted"], st["saves_inserted"]),
        ("toc-save (redundant saves removed)", 0, 0, st["saves_removed"],
         -st["saves_removed"]),
        ("indirect-call (reloads, mfctr 12)", mins.get("indirect-call", 0),
         mins.get("indirect-call", 0), st["reloads"] + st["target_copies"],
         st["reloads"] + st["target_copies"]),
        ("dynlink-call (nops)", mins.get("dynlink-call", 0),
         mins.get("dynlink-call", 0), st["nops"], st["nops"]),
        ("deferreturn-pad (pads)", mins.get("deferreturn-pad", 0),
         pad_len * mins.get("deferreturn-pad", 0), st["pads"],
         st["pad_instrs"]),
    ]


def report(results):
    print("\n### Code size (LLVM %s, Go %s conventions)\n" % (
        results["llvm"], results["go"]))
    for r in results["runs"]:
        rows = rule_rows(r)
        print("#### %s, %s: %d modules%s\n" % (
            r["set"], r["mode"], r["modules"],
            " (%d not compiled: %s)" % (len(r["failed"]), r["failed"][0][1])
            if r["failed"] else ""))
        print("| rule | required sites | required instrs | plugin sites | "
              "plugin instrs | beyond minimum |")
        print("|---|---:|---:|---:|---:|---:|")
        explained = 0
        for rule, ms, mi, ps, pi in rows:
            explained += pi
            beyond = pi - mi if pi >= 0 else 0
            print("| %s | %d | %d | %d | %+d | %d |" % (rule, ms, mi, ps, pi,
                                                       beyond))
        delta = r["go_insns"] - r["stock_insns"]
        if r["mode"] == "static":
            # No TOC rules: LLVM's own saves around indirect calls stay.
            saves = "TOC saves: not a rule in this mode"
        else:
            saves = ("TOC saves: stock %d, go %d (%d of them LLVM's, already "
                     "right after the allocation; %d not right after an "
                     "allocation)" % (r["stock_saves"], r["go_saves"],
                                      r["stats"]["saves_present"],
                                      r["go_stray_saves"]))
        print("\nInstructions: stock %d, go %d (%+d, %+.2f%%); rules explain "
              "%+d, codegen under the conventions %+d. %s. Tail branches to "
              "symbols: stock %d, go %d. Violations in the go objects: "
              "%s.\n" % (
                  r["stock_insns"], r["go_insns"], delta,
                  100.0 * delta / max(r["stock_insns"], 1), explained,
                  delta - explained, saves, r["stock_tail_branches"],
                  r["go_tail_branches"],
                  ", ".join("%s %d" % kv for kv in
                            sorted(r["go_violations"].items())) or "none"))


def fuzz_corpus(args, out_dir):
    """Modules with calls woven in, as the fuzz driver makes them."""
    mods = []
    stress = os.path.join(args.llvm_bin, "llvm-stress")
    for seed in range(1, args.corpus + 1):
        out = os.path.join(out_dir, "fuzz-%d.ll" % seed)
        if not os.path.exists(out):
            raw = process.check_run([stress, "-seed=%d" % seed,
                                     "-size=400", "-o", "-"]).stdout
            text, _ = weave.weave(raw, seed, 0.1)
            with open(out, "w") as f:
                f.write(text)
        mods.append(out)
    return mods


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True)
    parser.add_argument("--llvm-bin", default="/usr/lib/llvm-22/bin")
    parser.add_argument("--work", default="/tmp/ppcgoabi-bench")
    parser.add_argument("--realcode-work", default="/tmp/ppcgoabi-realcode")
    parser.add_argument("--go", default="1.17")
    parser.add_argument("--modes", default="shared,static,dynlink",
                        help="Go build modes ('pic' = shared)")
    parser.add_argument("--sets", default="sqlite,fuzz")
    parser.add_argument("--corpus", type=int, default=200,
                        help="fuzz modules in the corpus")
    parser.add_argument("--rules", default="toc",
                        help="what to measure: toc (rules 1-6 against stock "
                             "llc), fixed-regs (rule 7 against -ppc-go-abi "
                             "alone), or both")
    parser.add_argument("--extra-llc-args", default="")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    try:
        args.modes = modes.parse_list(args.modes)
    except ValueError as e:
        parser.error(str(e))
    args.plugin = tools.plugin_of(args.build)
    args.checker = tools.checker_of(args.build)
    args.extra = args.extra_llc_args.split()
    llc = os.path.join(args.llvm_bin, "llc")
    work = os.path.join(args.work, "llvm-%d" % tools.llvm_major(llc))
    os.makedirs(work, exist_ok=True)
    sets = {}
    if "sqlite" in args.sets:
        sets["SQLite amalgamation"] = [bench.sqlite_ir(
            args.llvm_bin, args.realcode_work, work)]
    if "fuzz" in args.sets:
        sets["fuzz corpus (llvm-stress + calls)"] = fuzz_corpus(args, work)
    results = {"llvm": tools.llvm_version(llc), "go": args.go,
               "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
               "extra_llc_args": args.extra_llc_args, "runs": [],
               "fixed_regs": []}
    rules = [r.strip() for r in args.rules.split(",") if r.strip()]
    for r in rules:
        if r not in ("toc", "fixed-regs"):
            parser.error("unknown --rules '%s' (toc, fixed-regs)" % r)
    with tempfile.TemporaryDirectory() as tmp:
        for name, mods in sets.items():
            for mode in args.modes:
                print("%s, %s" % (name, mode), flush=True)
                if "toc" in rules:
                    results["runs"].append(measure(args, name, mods, mode,
                                                   tmp))
                if "fixed-regs" in rules:
                    results["fixed_regs"].append(measure_fixed_regs(
                        args, name, mods, mode, tmp))
    if results["runs"]:
        report(results)
    if results["fixed_regs"]:
        report_fixed_regs(results)
    bench.write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
