# A `b` through a function's own symbol, after the epilogue has popped the
# frame, is a self tail call (LLVM's sibling call to itself; the linker lands
# it on the local entry, which allocates a new frame and saves r2 again), not
# a loop back into the body: the frame pop needs no TOC save. Found on
# SQLite (sqlite3ExprIfFalse), where the checker took it for a loop and
# reported the `addi 1, 1, 32`.
#
# RUN: %mc %s -o %t.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.o | FileCheck %s --check-prefix=SHARED
# SHARED: 2 of 2 functions checked, 0 violations
#
# The control: the branch is seen as a tail branch. Under dynlink, a tail
# branch to a preemptible symbol may leave the module (rule 4); to a hidden
# one it may not.
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.o \
# RUN:   | FileCheck %s --check-prefix=DYNLINK --implicit-check-not=error:
# DYNLINK: self_global+0x2c (0x{{[0-9a-f]+}}): error: [dynlink-call] tail branch to self_global, which may leave the module

  .abiversion 2
  .text

.include "macros.s"

.macro body name
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  bl ext
  nop
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  b \name
  .size \name, .-\name
.endm

  .globl self_global
  gep_local self_global
  body self_global

  .globl self_hidden
  .hidden self_hidden
  gep_local self_hidden
  body self_hidden
