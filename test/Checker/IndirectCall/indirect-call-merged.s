# Rule 3: an indirect call that branch folding merged from two arms, with an
# instruction between the join label and the call (rule 7's `li 0,0`, found
# by the fuzz driver's shared+fixed-regs mode). Each arm puts the target in
# r12 on its own: `mtctr 12`, or `mr 12, rS; mtctr rS` (neither register
# written in between).
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --fixed-regs %t.good.o \
# RUN:   | FileCheck %s --check-prefix=GOOD
# GOOD: 1 of 1 functions checked, 0 violations
#
# The controls: the source written between the copy and the mtctr, and a
# copy of another register.
# RUN: %mc --defsym=BAD=1 %s -o %t.bad.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared --fixed-regs %t.bad.o \
# RUN:   | FileCheck %s --check-prefix=BAD --implicit-check-not=error:
# BAD: source_written+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12
# BAD: other_register+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12
# BAD: 3 of 3 functions checked, 2 violations

  .abiversion 2
  .text

.macro merged name, copy, between, source
  .globl \name
  .p2align 4
  .type \name,@function
\name:
  addis 2, 12, .TOC.-\name@ha
  addi 2, 2, .TOC.-\name@l
  .localentry \name, 8
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  cmpwi 3, 0
  bgt 0, 1f
  ld 12, 0(4)
  mtctr 12
  b 2f
1:
  mr 12, \copy
  \between
  mtctr \source
2:
  li 0, 0
  bctrl
  ld 2, 24(1)
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  li 0, 0
  blr
  .size \name, .-\name
.endm

  merged copied, 5, nop, 5

.ifdef BAD
  merged source_written, 5, "li 5, 0", 5
  merged other_register, 6, nop, 5
.endif
