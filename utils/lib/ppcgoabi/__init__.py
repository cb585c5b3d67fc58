# ===- ppcgoabi/__init__.py - What the project's Python tools share -------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""The one place for what the Python tools under utils/ have in common; each
tool is a command line over it and imports nothing but this package (and the
standard library: Python 3.11, no PyPI).

  modes     Go's build modes (shared, dynlink, static): llc and clang flags,
            the plugin's options, the checker's --mode; "pic" is an alias of
            "shared"
  tools     where a build keeps the plugin and the checker, which LLVM it
            was configured with, the version of an llc
  process   running a command with a timeout (run, check_run)
  measure   .text bytes of objects, the checker's JSON report by rule
  sources   Debian source packages, the SQLite amalgamation
  bench     the benchmarks' llc configurations and inputs
  weave     calls woven into llvm-stress modules (the fuzz driver's inputs)

A tool finds the package from its own path:

  sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
      os.path.abspath(__file__))), "lib"))      # utils/lib
  from ppcgoabi import modes, process
"""

import os

#: The target every tool builds for.
TRIPLE = "powerpc64le-unknown-linux-gnu"
#: clang's --target for the same (the cross libc's name).
TARGET = "powerpc64le-linux-gnu"
#: The cross libc qemu-ppc64le runs against.
SYSROOT = "/usr/powerpc64le-linux-gnu"
#: The source tree.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
