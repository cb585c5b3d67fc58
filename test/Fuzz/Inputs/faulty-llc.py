#!/usr/bin/env python3
# ===- faulty-llc.py - An llc that fails the way a broken plugin would ----===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Stands in for llc in the tests of utils/fuzz/ppc-go-fuzz.py, so that they
prove the driver notices each kind of failure. Runs the real llc (the first
on PATH, which lit sets to the LLVM under test) unless FAULTY_LLC says to
misbehave:

  crash     enabled runs at -O2 kill themselves with SIGSEGV
  verifier  enabled runs print a machine verifier error and exit 1
  rule      enabled runs print a plugin rule error and exit 1
  frverify  enabled runs print a finding of the plugin's own verifier of
            rule 7 (ppc-go-verify-fixed-regs) and exit 1
  noplugin  enabled runs drop the plugin's options (stock output)
  diff      disabled runs (plugin loaded, no -ppc-go-abi) append a byte
  stock     every run fails, the stock one included (an LLVM problem)

"Enabled" means -ppc-go-abi is among the arguments."""

import os
import shutil
import signal
import subprocess
import sys

args = sys.argv[1:]
fault = os.environ.get("FAULTY_LLC", "")
enabled = "-ppc-go-abi" in args
loaded = any(a.startswith("-load=") for a in args)
llc = shutil.which("llc")

if fault == "stock" and "--version" not in args:
    sys.stderr.write("llc: error: this LLVM cannot compile that\n")
    sys.exit(1)
if enabled and fault == "crash" and "-O2" in args:
    sys.stderr.write("Stack dump:\n0.\tProgram arguments: llc\n")
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGSEGV)
if enabled and fault == "verifier":
    sys.stderr.write("# Machine code for function f\n*** Bad machine code: "
                     "Using an undefined physical register ***\n"
                     "LLVM ERROR: Found 1 machine code errors.\n")
    sys.exit(1)
if enabled and fault == "rule":
    sys.stderr.write("error: <unknown>:0:0: in function f void (): "
                     "ppc-go-abi: rule 'toc-save': made up\n")
    sys.exit(1)
if enabled and fault == "frverify":
    sys.stderr.write("error: <unknown>:0:0: in function f void (): "
                     "ppc-go-abi: rule 'fixed-regs': r0 may be non-zero at a "
                     "call or return: BLR8 implicit $lr8\n")
    sys.exit(1)
if enabled and fault == "noplugin":
    args = [a for a in args if not a.startswith("-ppc-go")]
rc = subprocess.call([llc] + args)
if rc == 0 and loaded and not enabled and fault == "diff":
    out = args[args.index("-o") + 1]
    with open(out, "ab") as f:
        f.write(b"\0")
sys.exit(rc)
