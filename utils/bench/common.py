# ===- common.py - Inputs and llc configurations of the benchmarks --------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""What the two benchmarks (compile-time.py, code-size.py) share: the llc
command of each configuration, and the inputs, built once into a work
directory and reused:

  sqlite3.ll         the SQLite 3.40.1 amalgamation (Debian's source, via
                     utils/realcode) compiled by the LLVM's own clang with
                     -O2 -fPIC -emit-llvm: the large real module
  sqlite3-K-of-8.ll  every 8th function starting at 0..K-1, for K = 1, 2, 4
                     (llvm-extract), to see how the cost grows
  calls-N.ll         one function with N indirect and N direct calls in a
                     single block: the worst case for the passes that walk
                     back from each call
"""

import importlib.util
import json
import os
import re
import shlex
import subprocess

TRIPLE = "powerpc64le-unknown-linux-gnu"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# llc options per configuration, on top of the triple and relocation model.
CONFIGS = {
    "not-loaded": lambda plugin: [],
    "loaded-disabled": lambda plugin: ["-load=" + plugin],
    "enabled": lambda plugin: ["-load=" + plugin, "-ppc-go-abi"],
}
# Mode -> (llc options, plugin options, checker mode)
MODES = {
    "pic": (["-relocation-model=pic"], [], "shared"),
    "static": (["-relocation-model=static"], [], "static"),
    "dynlink": (["-relocation-model=pic"], ["-ppc-go-dynlink"], "dynlink"),
}


def check_run(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, errors="replace", **kw)
    if p.returncode != 0:
        raise RuntimeError("failed (%d): %s\n%s" % (
            p.returncode, shlex.join(cmd), p.stderr[-3000:]))
    return p


def write_json(path, data):
    """Writes a benchmark's results where --json asked (nothing if None)."""
    if path:
        with open(path, "w") as f:
            json.dump(data, f, indent=1)


def llvm_major(llvm_bin):
    out = check_run([os.path.join(llvm_bin, "llc"), "--version"]).stdout
    return int(re.search(r"LLVM version (\d+)", out).group(1))


def llvm_version(llvm_bin):
    out = check_run([os.path.join(llvm_bin, "llc"), "--version"]).stdout
    return re.search(r"LLVM version (\S+)", out).group(1)


def llc_command(llvm_bin, plugin, config, module, out, mode="pic",
                extra=()):
    base, goflags, _ = MODES[mode]
    cmd = [os.path.join(llvm_bin, "llc"), "-mtriple=" + TRIPLE] + base
    cmd += CONFIGS[config](plugin)
    if config == "enabled":
        cmd += goflags
    return cmd + list(extra) + ["-filetype=obj", module, "-o", out]


def _realcode():
    spec = importlib.util.spec_from_file_location(
        "ppc_go_realcode", os.path.join(ROOT, "utils", "realcode",
                                        "ppc-go-realcode.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def text_bytes(llvm_bin, objs):
    """The .text bytes of \\p objs (the real-code driver's measure)."""
    return _realcode().text_size(objs, llvm_bin)


def sqlite_amalgamation(work, jobs=2):
    """sqlite3.c, fetched and generated like utils/realcode does (shares its
    work directory by default)."""
    rc = _realcode()
    src = rc.fetch("sqlite3", os.path.join(work, "src"))
    host = rc.SQLite(None).amalgamation(src, work, jobs)
    return os.path.join(host, "sqlite3.c")


def sqlite_ir(llvm_bin, realcode_work, out_dir):
    """The SQLite amalgamation as IR, by this LLVM's clang."""
    out = os.path.join(out_dir, "sqlite3.ll")
    if not os.path.exists(out):
        src = sqlite_amalgamation(realcode_work)
        check_run([os.path.join(llvm_bin, "clang"),
                   "--target=powerpc64le-linux-gnu", "-O2", "-fPIC",
                   "-DSQLITE_BYTEORDER=1234", "-S", "-emit-llvm", src,
                   "-o", out])
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
        check_run([os.path.join(llvm_bin, "llvm-extract"), "-S"] +
                  ["--func=" + n for n in names] + [module, "-o", out])
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
