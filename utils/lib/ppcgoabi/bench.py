# ===- ppcgoabi/bench.py - Inputs and llc configurations of the benchmarks ===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""What the two benchmarks (utils/bench/compile-time.py and code-size.py)
share: the llc command of each configuration, and the inputs, built once
into a work directory and reused:

  sqlite3.ll         the SQLite 3.40.1 amalgamation (Debian's source, as
                     utils/realcode fetches it) compiled by the LLVM's own
                     clang with -O2 -fPIC -emit-llvm: the large real module
  sqlite3-K-of-8.ll  every 8th function starting at 0..K-1, for K = 1, 2, 4
                     (llvm-extract), to see how the cost grows
  calls-N.ll         one function with N indirect and N direct calls in a
                     single block: the worst case for the passes that walk
                     back from each call
"""

import json
import os
import re

from . import TARGET, TRIPLE, modes, process, sources

# The configurations of llc: whether the plugin is loaded, and enabled
# (Go's TOC conventions; and Go's fixed registers too, rule 7).
CONFIGS = ("not-loaded", "loaded-disabled", "enabled", "enabled-fixed-regs")


def llc_command(llvm_bin, plugin, config, module, out, mode="shared",
                extra=()):
    """llc in \\p config and Go build \\p mode, writing an object."""
    m = modes.get(mode)
    cmd = [os.path.join(llvm_bin, "llc"), "-mtriple=" + TRIPLE] + m.llc_flags
    if config != "not-loaded":
        cmd.append("-load=" + plugin)
    if config in ("enabled", "enabled-fixed-regs"):
        cmd += m.plugin_flags
    if config == "enabled-fixed-regs":
        cmd.append("-ppc-go-fixed-regs")
    return cmd + list(extra) + ["-filetype=obj", module, "-o", out]


def write_json(path, data):
    """Writes a benchmark's results where --json asked (nothing if None)."""
    if path:
        with open(path, "w") as f:
            json.dump(data, f, indent=1)


def sqlite_ir(llvm_bin, realcode_work, out_dir, jobs=2):
    """The SQLite amalgamation as IR, by this LLVM's clang (sources shared
    with utils/realcode's work directory)."""
    out = os.path.join(out_dir, "sqlite3.ll")
    if not os.path.exists(out):
        src = sources.fetch("sqlite3", os.path.join(realcode_work, "src"))
        host = sources.sqlite_amalgamation(src, realcode_work, jobs)
        process.check_run([os.path.join(llvm_bin, "clang"),
                           "--target=" + TARGET, "-O2", "-fPIC",
                           "-DSQLITE_BYTEORDER=1234", "-S", "-emit-llvm",
                           os.path.join(host, "sqlite3.c"), "-o", out])
    return out


def defined_functions(module):
    names = []
    with open(module) as f:
        for line in f:
            if line.startswith("define "):
                m = re.search(r"@([\w.$]+|\"[^\"]+\")\(", line)
                if m:
                    names.append(m.group(1).strip('"'))
    return names


def sqlite_fraction(llvm_bin, module, k, out_dir):
    """Every 8th function of \\p module starting at 0..k-1 (k/8 of it)."""
    out = os.path.join(out_dir, "sqlite3-%d-of-8.ll" % k)
    if not os.path.exists(out):
        names = [n for i, n in enumerate(defined_functions(module))
                 if i % 8 < k]
        process.check_run([os.path.join(llvm_bin, "llvm-extract"), "-S"] +
                          ["--func=" + n for n in names] +
                          [module, "-o", out])
    return out


def calls_module(n, out_dir):
    """One function, one block, N indirect and N direct calls."""
    out = os.path.join(out_dir, "calls-%d.ll" % n)
    if os.path.exists(out):
        return out
    lines = ["declare void @ext(i64)", "",
             "define void @calls(ptr %fps, i64 %x) {"]
    for i in range(n):
        lines += ["  %%p%d = getelementptr ptr, ptr %%fps, i64 %d" % (i, i),
                  "  %%f%d = load ptr, ptr %%p%d, align 8" % (i, i),
                  "  call void %%f%d(i64 %%x)" % i,
                  "  call void @ext(i64 %x)"]
    lines += ["  ret void", "}", ""]
    with open(out, "w") as f:
        f.write("\n".join(lines))
    return out
