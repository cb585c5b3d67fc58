#!/usr/bin/env python3
"""check-branch-targets.py FUNCTION MARKER WHICH < objdump-output

Reads `llvm-objdump -d --no-show-raw-insn` output and follows the first
(WHICH=first) or last (WHICH=last) conditional branch of FUNCTION to where it
really goes when taken: its encoded target, or, for the long form
`bc !cc, .+8; b target` the branch selector produces, the target of that `b`.
Prints the instruction found there and exits 0 only if it is MARKER."""
import re
import sys

func, marker, which = sys.argv[1], sys.argv[2], sys.argv[3]
insns = {}
order = []
inside = False
for line in sys.stdin:
    m = re.match(r"^[0-9a-f]+ <(.+)>:", line)
    if m:
        inside = m.group(1) == func
        continue
    m = re.match(r"^\s*([0-9a-f]+):\s+(.*)$", line)
    if inside and m:
        addr = int(m.group(1), 16)
        insns[addr] = m.group(2).strip()
        order.append(addr)

cond = re.compile(r"^b(c|eq|ne|lt|gt|le|ge|ns|so|un|nu|dnzt|dnzf|dnz|dzt|dzf|dz|t|f)[+-]?\s")
branches = [a for a in order if cond.match(insns[a])]
if not branches:
    sys.exit(f"no conditional branch in {func}")
at = branches[0] if which == "first" else branches[-1]


def target(addr):
    m = re.search(r"0x([0-9a-f]+)", insns[addr].split(",")[-1])
    return int(m.group(1), 16) if m else None


dest = target(at)
if dest == at + 8 and insns.get(at + 4, "").startswith("b "):
    dest = target(at + 4)  # the long form: bc !cc over an unconditional b
found = insns.get(dest, "<not an instruction of %s>" % func)
print(f"{func}: branch at {at:#x}: {insns[at]} -> {dest:#x}: {found}")
sys.exit(0 if found == marker else 1)
