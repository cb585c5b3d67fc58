#!/usr/bin/env python3
"""Runs ppc-go-abi-check on every object the plugin produces from the
CodeGen tests, so that a convention regression is caught even where no
FileCheck line looks.

Every *.ll file under the given directories is compiled with
`LLC -ppc-go-abi -filetype=obj` in each Go build mode (shared:
-relocation-model=pic; dynlink: pic and -ppc-go-dynlink; static:
-relocation-model=static; utils/lib/ppcgoabi/modes.py), with the plugin's
default Go version, and the
object is checked with `ppc-go-abi-check --mode=MODE` (the checker's default
Go version is the plugin's). Functions the IR opts out of the conventions
("ppc-go-abi"="false") are passed to --ignore; nothing else is skipped.
Inputs the plugin must reject belong in test/Errors, not in the swept
directories: a compilation that fails is a sweep failure. An input that only
makes sense in some modes says so with a comment line
`; SWEEP-MODES: shared,dynlink`; the modes it leaves out are printed as
skipped, with the file.

Usage: sweep.py --llc "LLC -load=PLUGIN -mtriple=..." --checker CHECKER
                --out DIR [--jobs N] [--modes shared,dynlink,static]
                                     ("pic" is accepted for shared)
                [--llc-extra=ARG]... DIR...
Prints one line per object and a summary; exits 1 if any object fails.
--llc-extra appends an argument to every llc command. With
--llc-extra=-ppc-go-abi-disable-rule=RULE --expect-rule=RULE the sweep is a
negative control: it succeeds only if the checker finds that rule broken,
and no other, in the objects the plugin produced without the rule's pass.
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import modes as go_modes, process  # noqa: E402

ATTR_GROUP = re.compile(r'^attributes\s+#(\d+)\s*=\s*\{(.*)\}', re.M)
DEFINE = re.compile(r'^define\b[^@]*@("(?:[^"\\]|\\.)*"|[-\w$.]+)\s*\((.*)$',
                    re.M)
OPT_OUT = '"ppc-go-abi"="false"'
SWEEP_MODES = re.compile(r'^\s*;\s*SWEEP-MODES:\s*([\w,]+)', re.M)


def opted_out_functions(text):
    """Names of the functions defined with "ppc-go-abi"="false"."""
    groups = {m.group(1) for m in ATTR_GROUP.finditer(text)
              if OPT_OUT in m.group(2)}
    names = []
    for m in DEFINE.finditer(text):
        name, rest = m.group(1), m.group(2)
        # The attributes follow the parameter list, up to the body's '{'.
        tail = rest.split(")", 1)[-1] if ")" in rest else rest
        refs = set(re.findall(r'#(\d+)', tail))
        if OPT_OUT in tail or refs & groups:
            names.append(name.strip('"'))
    return names


def run(cmd):
    r = process.run(cmd, merge=True)
    return r.returncode, r.stdout


RULE = re.compile(r"error: \[([a-z-]+)\]")


def sweep_one(args, root, path, mode):
    """(status, report, rules broken): status is "pass", "fail" (the checker
    found violations) or "error" (llc failed, or the checker could not read
    the object)."""
    rel = os.path.relpath(path, root)
    base = re.sub(r'[^\w.-]', '_', rel)
    obj = os.path.join(args.out, "%s.%s.o" % (base, mode))
    m = go_modes.get(mode)
    llc = shlex.split(args.llc) + m.plugin_flags + ["-filetype=obj"] + \
        m.llc_flags + args.llc_extra + [path, "-o", obj]
    rc, out = run(llc)
    if rc != 0:
        return "error", "FAIL %s %s: llc failed (%d)\n  %s\n%s" % (
            mode, rel, rc, " ".join(map(shlex.quote, llc)), out), set()
    with open(path, errors="replace") as f:
        ignored = opted_out_functions(f.read())
    check = [args.checker, "--mode=" + m.checker_mode]
    if ignored:
        check.append("--ignore=^(%s)$" % "|".join(map(re.escape, ignored)))
    check.append(obj)
    rc, out = run(check)
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    if rc == 0:
        return "pass", "PASS %s %s: %s" % (mode, rel, summary), set()
    status = "fail" if rc == 1 else "error"
    return status, "FAIL %s %s: ppc-go-abi-check exited %d\n  %s\n%s" % (
        mode, rel, rc, " ".join(map(shlex.quote, check)), out), \
        set(RULE.findall(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--llc", required=True,
                    help="llc command with the plugin loaded and the triple")
    ap.add_argument("--checker", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--modes", default="shared,dynlink,static")
    ap.add_argument("--llc-extra", action="append", default=[])
    ap.add_argument("--expect-rule",
                    help="negative control: succeed only if some objects "
                         "break this rule and no object breaks another (use "
                         "with --llc-extra=-ppc-go-abi-disable-rule=RULE)")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    try:
        modes = go_modes.parse_list(args.modes)
    except ValueError as e:
        ap.error(str(e))
    os.makedirs(args.out, exist_ok=True)

    work = []
    for d in args.dirs:
        root = os.path.dirname(os.path.abspath(d))
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(".ll"):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, errors="replace") as f:
                    m = SWEEP_MODES.search(f.read())
                try:
                    wanted = go_modes.parse_list(m.group(1)) if m else modes
                except ValueError as e:
                    print("sweep: %s: SWEEP-MODES: %s" % (path, e))
                    return 1
                for mode in modes:
                    if mode in wanted:
                        work.append((root, path, mode))
                    else:
                        print("SKIP %s %s: SWEEP-MODES: %s" % (
                            mode, os.path.relpath(path, root), m.group(1)))
    if not work:
        print("sweep: no .ll files under %s" % " ".join(args.dirs))
        return 1

    counts = {"pass": 0, "fail": 0, "error": 0}
    rules = set()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for status, text, broken in ex.map(lambda w: sweep_one(args, *w),
                                           work):
            print(text)
            counts[status] += 1
            rules |= broken
    files = len({w[1] for w in work})
    print("sweep: %d objects from %d files checked in %s mode: %d passed, "
          "%d failed" % (len(work), files, "/".join(modes), counts["pass"],
                         counts["fail"] + counts["error"]))
    if not args.expect_rule:
        return 1 if counts["fail"] or counts["error"] else 0
    # The negative control: the rule's violations, and only those, found.
    print("sweep: rules broken: %s (expected: %s only)"
          % (", ".join(sorted(rules)) or "none", args.expect_rule))
    ok = counts["error"] == 0 and counts["fail"] > 0 and \
        rules == {args.expect_rule}
    print("sweep: negative control %s" % ("passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
