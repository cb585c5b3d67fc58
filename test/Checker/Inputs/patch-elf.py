#!/usr/bin/env python3
"""patch-elf.py IN OUT WHAT VALUE: writes a copy of ELF64 little-endian file
IN with one field changed, for the bad-input tests.
  symtab-entsize  sh_entsize of the first SHT_SYMTAB section
  rela-symbol     the symbol index of the first relocation in a SHT_RELA
  pclntab-magic   the magic number of a Go binary's function table (u32)
  pclntab-nfunc   its function count (u64)
"""

import struct
import sys

src, dst, what, value = sys.argv[1], sys.argv[2], sys.argv[3], \
    int(sys.argv[4], 0)
data = bytearray(open(src, "rb").read())
shoff, = struct.unpack_from("<Q", data, 0x28)
shentsize, shnum = struct.unpack_from("<HH", data, 0x3a)


def section(i):
    sh = shoff + i * shentsize
    return struct.unpack_from("<IIQQQQIIQQ", data, sh)


def pclntab_offset():
    """File offset of runtime.pclntab, from the symbol table."""
    for i in range(shnum):
        name, typ, flags, addr, offset, size, link, info, align, entsize = \
            section(i)
        if typ != 2:
            continue
        strtab = section(link)[4]
        for sym in range(offset, offset + size, 24):
            st_name, st_info, st_other, st_shndx, st_value, st_size = \
                struct.unpack_from("<IBBHQQ", data, sym)
            end = data.index(b"\0", strtab + st_name)
            if bytes(data[strtab + st_name:end]) == b"runtime.pclntab":
                sec = section(st_shndx)
                return sec[4] + st_value - sec[3]
    sys.exit("patch-elf.py: no runtime.pclntab")


if what == "pclntab-magic":
    struct.pack_into("<I", data, pclntab_offset(), value)
    open(dst, "wb").write(bytes(data))
    sys.exit(0)
if what == "pclntab-nfunc":
    struct.pack_into("<Q", data, pclntab_offset() + 8, value)
    open(dst, "wb").write(bytes(data))
    sys.exit(0)

for i in range(shnum):
    sh = shoff + i * shentsize
    sh_type, = struct.unpack_from("<I", data, sh + 4)
    sh_offset, = struct.unpack_from("<Q", data, sh + 0x18)
    if what == "symtab-entsize" and sh_type == 2:
        struct.pack_into("<Q", data, sh + 0x38, value)
        break
    if what == "rela-symbol" and sh_type == 4:
        struct.pack_into("<I", data, sh_offset + 12, value)
        break
else:
    sys.exit("patch-elf.py: no section to patch for " + what)
open(dst, "wb").write(bytes(data))
