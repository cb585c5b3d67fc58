# ===- ppcgoabi/tools.py - Where the plugin, the checker and LLVM are -----===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""A PPCGoABI build directory keeps the plugin in lib/PPCGoABI.so and the
checker in bin/ppc-go-abi-check, and its CMakeCache.txt names the LLVM it
was configured with (LLVM_DIR = <prefix>/lib/cmake/llvm)."""

import os
import re

from . import process

PLUGIN = os.path.join("lib", "PPCGoABI.so")
CHECKER = os.path.join("bin", "ppc-go-abi-check")


def plugin_of(build):
    return os.path.join(os.path.abspath(build), PLUGIN)


def checker_of(build):
    return os.path.join(os.path.abspath(build), CHECKER)


def build_of_plugin(plugin):
    """<build>/lib/PPCGoABI.so -> <build>."""
    return os.path.dirname(os.path.dirname(os.path.abspath(plugin)))


def find_checker(plugin):
    """The checker built beside \\p plugin, if it is there."""
    path = checker_of(build_of_plugin(plugin))
    return path if os.access(path, os.X_OK) else None


def llvm_bin_of_build(build):
    """The bin directory of the LLVM \\p build was configured with, if its
    CMakeCache.txt says and that directory has an llc."""
    cache = os.path.join(os.path.abspath(build), "CMakeCache.txt")
    try:
        with open(cache) as f:
            for line in f:
                if line.startswith("LLVM_DIR:"):
                    # <prefix>/lib/cmake/llvm -> <prefix>/bin
                    prefix = line.split("=", 1)[1].strip()
                    for _ in range(3):
                        prefix = os.path.dirname(prefix)
                    bindir = os.path.join(prefix, "bin")
                    if os.path.exists(os.path.join(bindir, "llc")):
                        return bindir
    except OSError:
        pass
    return None


def llvm_version(llc):
    """The LLVM version (e.g. "22.1.0") of \\p llc, a command as a list or a
    path; "unknown" if it does not say."""
    cmd = [llc] if isinstance(llc, str) else list(llc)
    m = re.search(r"LLVM version (\S+)",
                  process.run(cmd + ["--version"]).stdout)
    return m.group(1) if m else "unknown"


def llvm_major(llc):
    """The major version of \\p llc; RuntimeError if it does not say."""
    m = re.match(r"(\d+)", llvm_version(llc))
    if not m:
        raise RuntimeError("no LLVM version from %s --version" % llc)
    return int(m.group(1))
