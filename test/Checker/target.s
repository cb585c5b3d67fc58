# Rule "target": code the TOC conventions cannot hold for. Power10
# pc-relative code has no TOC pointer: its functions say so with a local
# entry value of 1 (`.localentry f, 1`, st_other 1<<5) and its calls use
# R_PPC64_REL24_NOTOC (`bl f@notoc`). Go 1.21+ with GOPPC64=power10 and
# LLVM's -mcpu=pwr10 produce it; the checker says why the rules cannot be
# checked rather than listing every rule as broken. Static mode has no TOC
# rules: both pass there.
#
# RUN: %mc --defsym=LOCALENTRY_1=1 %s -o %t.le1.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.le1.o \
# RUN:   | FileCheck %s --check-prefix=LE1 --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.le1.o \
# RUN:   | FileCheck %s --check-prefix=LE1 --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.le1.o | FileCheck %s --check-prefix=STATIC
# LE1:      pcrel (0x{{[0-9a-f]+}}): error: [target] st_other local entry field is 1: the function neither sets up nor preserves r2
# STATIC: 0 violations
#
# RUN: %mc --defsym=NOTOC_CALL=1 %s -o %t.notoc.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.notoc.o \
# RUN:   | FileCheck %s --check-prefix=NOTOC --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.notoc.o \
# RUN:   | FileCheck %s --check-prefix=NOTOC --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.notoc.o | FileCheck %s --check-prefix=STATIC
# NOTOC:      notoc_call+0x18 (0x{{[0-9a-f]+}}): error: [target] call through R_PPC64_REL24_NOTOC (pc-relative code, -mcpu=pwr10)
# NOTOC-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl ext

  .abiversion 2
  .text

.ifdef LOCALENTRY_1
  .globl pcrel
  .p2align 4
  .type pcrel,@function
pcrel:
  .localentry pcrel, 1
  blr
  .size pcrel, .-pcrel
.endif

.ifdef NOTOC_CALL
  .globl notoc_call
  .p2align 4
  .type notoc_call,@function
notoc_call:
  addis 2, 12, .TOC.-notoc_call@ha
  addi 2, 2, .TOC.-notoc_call@l
  .localentry notoc_call, 8
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  bl ext@notoc
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size notoc_call, .-notoc_call
.endif
