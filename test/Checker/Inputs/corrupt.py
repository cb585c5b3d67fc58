#!/usr/bin/env python3
"""Feeds ppc-go-abi-check damaged copies of a valid ELF file and checks that
it never crashes: every run must exit 0, 1 or 2 (never by a signal or an
abort), print something, and say "error:" whenever it exits 2.

Damage: truncation at many lengths, targeted corruption of the ELF and
section headers and the symbol table (offsets and sizes past the end,
bad indices, bad string offsets), and seeded random byte flips.

With --section NAME, only that section is damaged: every 32-bit word set
to 0, 0xffffffff and 0x7fffffff (lengths, CIE pointers, encodings), then
seeded random byte flips inside it (for a parser of one section, such as
.eh_frame).

Usage: corrupt.py CHECKER VALID.o WORKDIR [--flips N] [--section NAME]
Prints a summary line per kind of damage and "corrupt: N runs, 0 crashes".
"""

import os
import random
import struct
import subprocess
import sys


def run(checker, path):
    p = subprocess.run([checker, "--mode=dynlink", path],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, errors="replace")
    return p.returncode, p.stdout


def sections(data):
    """(offset of the section header, its fields) for each section."""
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3a)
    out = []
    for i in range(shnum):
        off = shoff + i * shentsize
        out.append((off, struct.unpack_from("<IIQQQQIIQQ", data, off)))
    return out


def section_variants(data, flips, wanted):
    secs = sections(data)
    shstrndx, = struct.unpack_from("<H", data, 0x3e)
    strtab_off = secs[shstrndx][1][4]
    for _, (name, typ, flags, addr, offset, size, link, info, align,
            entsize) in secs:
        end = data.index(b"\0", strtab_off + name)
        if data[strtab_off + name:end].decode() != wanted:
            continue
        for word in range(offset, offset + size - 3, 4):
            for value in (0, 0xffffffff, 0x7fffffff):
                d = bytearray(data)
                struct.pack_into("<I", d, word, value)
                yield "section " + wanted, bytes(d)
        rng = random.Random(1234)
        for _ in range(flips):
            d = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                d[offset + rng.randrange(size)] = rng.randrange(256)
            yield "random " + wanted, bytes(d)
        return
    raise SystemExit("corrupt.py: no section %s" % wanted)


def variants(data, flips):
    n = len(data)
    # Truncation: every length in the headers, then a spread over the file.
    lengths = sorted(set(list(range(0, min(n, 80))) +
                         list(range(0, n, max(1, n // 150))) + [n - 1]))
    for length in lengths:
        yield "truncated", data[:length]

    def patched(fmt, off, *values):
        d = bytearray(data)
        struct.pack_into(fmt, d, off, *values)
        return bytes(d)

    huge = 0xfffffffffffff000
    yield "header", patched("<Q", 0x28, huge)            # e_shoff
    yield "header", patched("<Q", 0x28, n - 8)           # e_shoff near end
    yield "header", patched("<H", 0x3c, 0xffff)          # e_shnum
    yield "header", patched("<H", 0x3e, 0xfff0)          # e_shstrndx
    yield "header", patched("<H", 0x3a, 3)               # e_shentsize
    yield "header", patched("<H", 0x12, 62)              # e_machine x86-64
    yield "header", patched("<I", 0x30, 1)               # e_flags ELFv1
    yield "header", patched("<H", 0x10, 0x1234)          # e_type
    for off, (name, typ, flags, addr, offset, size, link, info, align,
              entsize) in sections(data)[1:]:
        yield "section", patched("<Q", off + 0x18, huge)      # sh_offset
        yield "section", patched("<Q", off + 0x20, huge)      # sh_size
        yield "section", patched("<Q", off + 0x18, n - 2)     # sh_offset
        yield "section", patched("<I", off + 0x28, 0xffff)    # sh_link
        yield "section", patched("<I", off + 0x2c, 0xffff)    # sh_info
        yield "section", patched("<Q", off + 0x38, 0)         # sh_entsize
        yield "section", patched("<I", off + 0x00, 0xffffff)  # sh_name
        if typ == 2:  # SHT_SYMTAB: damage every symbol.
            for sym in range(offset, offset + size, 24):
                yield "symbol", patched("<H", sym + 6, 0xfff0)   # st_shndx
                yield "symbol", patched("<I", sym, 0xfffffff)    # st_name
                yield "symbol", patched("<Q", sym + 16, huge)    # st_size
                yield "symbol", patched("<Q", sym + 8, huge)     # st_value
        if typ == 4:  # SHT_RELA: damage every relocation's symbol index.
            for rel in range(offset, offset + size, 24):
                yield "relocation", patched("<I", rel + 12, 0xffffff)
                yield "relocation", patched("<Q", rel, huge)
    rng = random.Random(1234)
    for _ in range(flips):
        d = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            d[rng.randrange(n)] = rng.randrange(256)
        yield "random", bytes(d)


def main():
    checker, valid, work = sys.argv[1:4]
    flips = 200
    if "--flips" in sys.argv:
        flips = int(sys.argv[sys.argv.index("--flips") + 1])
    os.makedirs(work, exist_ok=True)
    with open(valid, "rb") as f:
        data = f.read()
    counts, crashes, runs = {}, 0, 0
    path = os.path.join(work, "damaged.o")
    if "--section" in sys.argv:
        damaged = section_variants(data, flips,
                                   sys.argv[sys.argv.index("--section") + 1])
    else:
        damaged = variants(data, flips)
    for kind, blob in damaged:
        with open(path, "wb") as f:
            f.write(blob)
        rc, out = run(checker, path)
        runs += 1
        status = counts.setdefault(kind, {0: 0, 1: 0, 2: 0})
        bad = rc not in (0, 1, 2) or not out.strip() or \
            (rc == 2 and "error:" not in out)
        if bad:
            crashes += 1
            keep = os.path.join(work, "crash-%d.o" % crashes)
            with open(keep, "wb") as f:
                f.write(blob)
            print("CRASH (%s, exit %d) kept as %s:\n%s" % (kind, rc, keep,
                                                          out[-2000:]))
        else:
            status[rc] += 1
    for kind, s in counts.items():
        print("%s: exit 0: %d, exit 1: %d, exit 2: %d" % (kind, s[0], s[1],
                                                          s[2]))
    print("corrupt: %d runs, %d crashes" % (runs, crashes))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
