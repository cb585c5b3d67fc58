# ===- ppcgoabi/measure.py - .text bytes, and the checker's findings ------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""The two measures the benchmarks and the real-code runs share: the size of
the code (llvm-size's .text sections, .text.* included) and the checker's
report counted by rule."""

import json
import os
import re

from . import process

TEXT_SECTION = re.compile(r"^\.text\S*\s+(\d+)")


def text_size(objs, llvm_bin):
    """The .text bytes of \\p objs (every .text* section, summed)."""
    out = process.check_run([os.path.join(llvm_bin, "llvm-size"), "-A"] +
                            list(objs)).stdout
    return sum(int(m.group(1)) for m in map(TEXT_SECTION.match,
                                            out.splitlines()) if m)


def check_objects(checker, mode, go, objs, extra=()):
    """ppc-go-abi-check --go=GO --mode=MODE --format=json [extra] over
    \\p objs:
    (functions checked, {rule: violations}, unreadable files). RuntimeError
    if the checker itself fails (exit status other than 0 or 1)."""
    r = process.run([checker, "--go=" + go, "--mode=" + mode,
                     "--format=json"] + list(extra) + list(objs))
    if r.returncode not in (0, 1):
        raise RuntimeError("ppc-go-abi-check failed (%s):\n%s"
                           % (r.returncode, r.output[-4000:]))
    checked, violations, unreadable = 0, {}, 0
    for f in json.loads(r.stdout)["files"]:
        if f["status"] not in ("ok", "violations"):
            unreadable += 1
        checked += f.get("checked", 0)
        for v in f.get("violations", []):
            violations[v["rule"]] = violations.get(v["rule"], 0) + 1
    return checked, violations, unreadable
