# Rule 6 (reserved-registers): r2 holds the TOC pointer and nothing else.
# Only the global entry prologue, the reload `ld 2,24(1)` and, right after
# the stack-growth call before the frame, `ld 2,8(1)` (rule 7) may write it.
# With -shared/-dynlink in every Go version; in static mode since Go 1.8
# (the seed reserved r2 only for PIC).
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 1 of 1 functions checked, 0 violations
#
# r2 as a scratch register:
# RUN: %mc --defsym=SCRATCH=1 %s -o %t.scratch.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.scratch.o \
# RUN:   | FileCheck %s --check-prefix=SCRATCH --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.scratch.o \
# RUN:   | FileCheck %s --check-prefix=SCRATCH --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=static %t.scratch.o \
# RUN:   | FileCheck %s --check-prefix=SCRATCH --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static --go=1.7 %t.scratch.o | FileCheck %s --check-prefix=GO17
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared --go=1.7 %t.scratch.o \
# RUN:   | FileCheck %s --check-prefix=SCRATCH --implicit-check-not=error:
# SCRATCH:      scratch+0x8 (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# SCRATCH-NEXT:   > 0x{{[0-9a-f]+}}: 7c621b78  mr 2, 3
# SCRATCH:      scratch+0xc (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# SCRATCH-NEXT:   > 0x{{[0-9a-f]+}}: 7c422214  add 2, 2, 4
# SCRATCH:      scratch+0x10 (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# SCRATCH-NEXT:   > 0x{{[0-9a-f]+}}: e8410010  ld 2, 16(1)
# SCRATCH:      scratch+0x14 (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# SCRATCH-NEXT:   > 0x{{[0-9a-f]+}}: 60420001  ori 2, 2, 1
# SCRATCH:      scratch+0x18 (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# SCRATCH-NEXT:   > 0x{{[0-9a-f]+}}: 60620000  ori 2, 3, 0
# SCRATCH:      scratch+0x1c (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# SCRATCH-NEXT:   > 0x{{[0-9a-f]+}}: 38400000  li 2, 0
# GO17: 2 of 2 functions checked, 0 violations
#
# Instructions that write r2 with its own value are no-ops, not writes: GNU
# as pads code alignment with `ori 2,2,0` (test/Checker/gnu-as.test).
# RUN: %mc --defsym=NOOPS=1 %s -o %t.noops.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.noops.o | FileCheck %s --check-prefix=NOOPS
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.noops.o | FileCheck %s --check-prefix=NOOPS
# NOOPS: 2 of 2 functions checked, 0 violations
#
# A load from 8(1) that does not follow the stack-growth call:
# RUN: %mc --defsym=STRAY_RELOAD=1 %s -o %t.stray.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.stray.o \
# RUN:   | FileCheck %s --check-prefix=STRAY --implicit-check-not=error:
# STRAY:      stray_reload+0x8 (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# STRAY-NEXT:   > 0x{{[0-9a-f]+}}: e8410008  ld 2, 8(1)

  .abiversion 2
  .text

.include "macros.s"

# The reloads Go and LLVM emit (the stack-growth call in Go's -dynlink
# form, through r12).
  gep reloads
.Lr_check:
  ld 22, 16(30)
  cmpld 22, 1
  bt 0, .Lr_body
  mflr 5
  std 2, 8(1)
  addis 12, 2, runtime.morestack_noctxt@toc@ha
  addi 12, 12, runtime.morestack_noctxt@toc@l
  mtlr 12
  blrl
  ld 2, 8(1)
  b .Lr_check
.Lr_body:
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  mr 12, 3
  mtctr 12
  bctrl
  ld 2, 24(1)
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size reloads, .-reloads

.ifdef SCRATCH
  gep scratch
  mr 2, 3
  add 2, 2, 4
  ld 2, 16(1)
  ori 2, 2, 1
  ori 2, 3, 0
  addi 2, 0, 0
  blr
  .size scratch, .-scratch
.endif

.ifdef STRAY_RELOAD
  gep stray_reload
  ld 2, 8(1)
  blr
  .size stray_reload, .-stray_reload
.endif

.ifdef NOOPS
  gep noops
  ori 2, 2, 0
  oris 2, 2, 0
  xori 2, 2, 0
  xoris 2, 2, 0
  mr 2, 2
  and 2, 2, 2
  addi 2, 2, 0
  rotldi 2, 2, 0
  blr
  .size noops, .-noops
.endif
