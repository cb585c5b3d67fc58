# Rule 6 (reserved-registers) accepts one more write of r2: LLVM's
# __builtin_longjmp restores the TOC that __builtin_setjmp saved in the jump
# buffer, `ld 2,24(rB)`, in a straight run that also loads r1 from 16(rB) and
# the resume address from 8(rB) into CTR and ends in `bctr`. Anything that
# only looks like it is still an r2 write. Rule 2 (toc-save) accepts that
# run's `ld 1,16(rB)` in a function that calls: r1 becomes the setjmp frame's
# again and the bctr leaves this frame (the fuzz driver found it rejected at
# -O0); without the TOC restore it is a toc-save violation.
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 3 of 3 functions checked, 0 violations
#
# RUN: %mc --defsym=BAD=1 %s -o %t.bad.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.bad.o | FileCheck %s --check-prefix=BAD
# BAD-DAG: returns+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# BAD-DAG: base_moved+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# BAD-DAG: no_stack+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# BAD-DAG: other_target+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [reserved-registers] r2, the TOC pointer, is written by an ordinary instruction
# BAD-DAG: no_restore_calls+0x{{[0-9a-f]+}} (0x{{[0-9a-f]+}}): error: [toc-save] r1 changes here and a call can follow
# BAD: 8 of 8 functions checked, 5 violations

  .abiversion 2
  .text

.include "macros.s"

# What clang -O2 -fPIC emits for `if (v) __builtin_longjmp(buf, 1);`.
  gep jumper
  cmplwi 3, 0
  beqlr 0
  addis 3, 2, buf@toc@ha
  std 30, -16(1)
  std 31, -8(1)
  addi 3, 3, buf@toc@l
  ld 31, 0(3)
  ld 4, 8(3)
  ld 1, 16(3)
  mtctr 4
  ld 30, 32(3)
  ld 2, 24(3)
  bctr
  .size jumper, .-jumper

# The same at -O0 order, the base dying in the last load.
  gep jumper_o0
  addis 5, 2, buf@toc@ha
  addi 5, 5, buf@toc@l
  ld 31, 0(5)
  ld 6, 8(5)
  ld 1, 16(5)
  ld 30, 32(5)
  ld 2, 24(5)
  mtctr 6
  bctr
  .size jumper_o0, .-jumper_o0

# A function that calls, and jumps out at -O0 from one branch.
.macro calls name, restore
  gep \name
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  cmpwi 3, 0
  beq 0, 1f
  addis 5, 2, buf@toc@ha
  addi 5, 5, buf@toc@l
  ld 31, 0(5)
  ld 6, 8(5)
  ld 1, 16(5)
  ld 30, 32(5)
  \restore
  mtctr 6
  bctr
1:
  bl ext
  nop
  ld 2, 24(1)
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size \name, .-\name
.endm
  calls jumper_calls, "ld 2, 24(5)"

.ifdef BAD
  calls no_restore_calls, nop

# Returns instead of jumping.
  gep returns
  ld 4, 8(3)
  ld 1, 16(3)
  mtctr 4
  ld 2, 24(3)
  blr
  .size returns, .-returns

# The base changes between the loads.
  gep base_moved
  ld 4, 8(3)
  ld 1, 16(3)
  addi 3, 3, 8
  ld 2, 24(3)
  mtctr 4
  bctr
  .size base_moved, .-base_moved

# No stack pointer from the buffer.
  gep no_stack
  ld 4, 8(3)
  ld 2, 24(3)
  mtctr 4
  bctr
  .size no_stack, .-no_stack

# CTR is not the resume address.
  gep other_target
  ld 4, 8(3)
  ld 1, 16(3)
  ld 2, 24(3)
  mtctr 5
  bctr
  .size other_target, .-other_target
.endif

  .local buf
  .comm buf, 40, 8
