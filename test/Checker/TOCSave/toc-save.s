# Rule 2 (toc-save): a function that calls stores `std 2,24(1)` right after
# every instruction that moves r1 when a call can still follow (the
# prologue's stdu, a dynamic alloca's stdux), and makes no call before its
# frame exists. Leaves need no save, frame or not. Go's stack-growth call
# runs before the frame and keeps r2 at 8(1) (rule 7): not a violation.
# Static mode has no TOC: every variant passes there.
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 6 of 6 functions checked, 0 violations
#
# Go's -shared stack check calls morestack directly; -dynlink needs the
# call through r12 (a direct call would need a nop, rule 4):
# RUN: %mc --defsym=GO_SHARED_MORESTACK=1 %s -o %t.goshared.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --ignore=runtime.morestack_noctxt %t.goshared.o \
# RUN:   | FileCheck %s --check-prefix=GOSHARED
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink --ignore=runtime.morestack_noctxt %t.goshared.o \
# RUN:   | FileCheck %s --check-prefix=GOSHARED-DYNLINK --implicit-check-not=error:
# GOSHARED: 7 of 8 functions checked, 0 violations, 1 ignored
# GOSHARED-DYNLINK:      go_shared+0x1c (0x{{[0-9a-f]+}}): error: [dynlink-call] call to runtime.morestack_noctxt (dynlink: any call may leave the module) is not followed by a nop
# GOSHARED-DYNLINK-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl runtime.morestack_noctxt
# GOSHARED-DYNLINK-NEXT:     0x{{[0-9a-f]+}}: e8410008  ld 2, 8(1)
#
# No save after the prologue's stdu:
# RUN: %mc --defsym=NO_SAVE=1 %s -o %t.nosave.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.nosave.o \
# RUN:   | FileCheck %s --check-prefix=NOSAVE --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.nosave.o \
# RUN:   | FileCheck %s --check-prefix=NOSAVE --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.nosave.o | FileCheck %s --check-prefix=STATIC
# NOSAVE:      no_save+0x8 (0x{{[0-9a-f]+}}): error: [toc-save] r1 changes here and a call can follow, but the next instruction is not std 2,24(1)
# NOSAVE-NEXT:   > 0x{{[0-9a-f]+}}: f821ffe1  stdu 1, -32(1)
# NOSAVE-NEXT:     0x{{[0-9a-f]+}}: f8010030  std 0, 48(1)
# STATIC: 7 of 7 functions checked, 0 violations
#
# The save, but not right after the allocation:
# RUN: %mc --defsym=LATE_SAVE=1 %s -o %t.late.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.late.o \
# RUN:   | FileCheck %s --check-prefix=LATE --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.late.o \
# RUN:   | FileCheck %s --check-prefix=LATE --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.late.o | FileCheck %s --check-prefix=STATIC
# LATE: late_save+0x8 (0x{{[0-9a-f]+}}): error: [toc-save] r1 changes here
#
# A call before any frame: the TOC save slot at 24(1) is the caller's.
# RUN: %mc --defsym=NO_FRAME=1 %s -o %t.noframe.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.noframe.o \
# RUN:   | FileCheck %s --check-prefix=NOFRAME --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.noframe.o \
# RUN:   | FileCheck %s --check-prefix=NOFRAME --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.noframe.o | FileCheck %s --check-prefix=STATIC
# NOFRAME:      no_frame+0x10 (0x{{[0-9a-f]+}}): error: [toc-save] call before the function allocates a frame
# NOFRAME-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl ext
#
# A dynamic alloca (stdux) followed by a call, without a save:
# RUN: %mc --defsym=ALLOCA_NO_SAVE=1 %s -o %t.alloca.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.alloca.o \
# RUN:   | FileCheck %s --check-prefix=ALLOCA --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.alloca.o \
# RUN:   | FileCheck %s --check-prefix=ALLOCA --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.alloca.o | FileCheck %s --check-prefix=STATIC
# ALLOCA:      alloca_no_save+0x1c (0x{{[0-9a-f]+}}): error: [toc-save] r1 changes here and a call can follow
# ALLOCA-NEXT:   > 0x{{[0-9a-f]+}}: 7c21216a  stdux 1, 1, 4
#
# A call reached only through a backward branch still counts (the loop's
# call follows the stdu in the control flow, not in the layout):
# RUN: %mc --defsym=LOOP_NO_SAVE=1 %s -o %t.loop.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.loop.o \
# RUN:   | FileCheck %s --check-prefix=LOOP --implicit-check-not=error:
# LOOP: loop_no_save+0x1c (0x{{[0-9a-f]+}}): error: [toc-save] r1 changes here

  .abiversion 2
  .text

# The prologue every function here starts with.
.include "macros.s"

# A call with the frame and the save where Go puts them.
  gep caller
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  bl ext
  nop
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size caller, .-caller

# A leaf with a frame: nothing to save.
  gep leaf_with_frame
  stdu 1, -48(1)
  std 3, 32(1)
  addi 1, 1, 48
  blr
  .size leaf_with_frame, .-leaf_with_frame

# A dynamic alloca, saved again after the stdux; the epilogue's restore is
# followed by no call.
  gep alloca
  mflr 0
  std 31, -8(1)
  stdu 1, -48(1)
  std 2, 24(1)
  std 0, 64(1)
  mr 31, 1
  neg 4, 3
  stdux 1, 1, 4
  std 2, 24(1)
  addi 3, 1, 32
  bl ext
  nop
  ld 1, 0(1)
  ld 0, 16(1)
  ld 31, -8(1)
  mtlr 0
  blr
  .size alloca, .-alloca

# Go's -dynlink shape: the stack check calls morestack through r12 before
# the frame exists, keeping r2 at 8(1), and branches back.
  gep go_style
.Lgo_check:
  ld 22, 16(30)
  cmpld 22, 1
  bt 0, .Lgo_body
  mflr 5
  std 2, 8(1)
  addis 12, 2, runtime.morestack_noctxt@toc@ha
  addi 12, 12, runtime.morestack_noctxt@toc@l
  mtlr 12
  blrl
  ld 2, 8(1)
  b .Lgo_check
.Lgo_body:
  mflr 31
  stdu 31, -32(1)
  std 2, 24(1)
  bl ext
  nop
  ld 31, 0(1)
  mtlr 31
  addi 1, 1, 32
  blr
  .size go_style, .-go_style

# A tail branch is not a call (to a static function: it cannot leave the
# module even with dynlink).
  gep tail_only
  b static_leaf
  .size tail_only, .-tail_only

  .p2align 4
  .type static_leaf,@function
static_leaf:
  addis 2, 12, .TOC.-static_leaf@ha
  addi 2, 2, .TOC.-static_leaf@l
  .localentry static_leaf, 8
  blr
  .size static_leaf, .-static_leaf

.ifdef GO_SHARED_MORESTACK
# Go's -shared shape calls morestack directly (it is in the module), which
# -dynlink must not do.
  gep go_shared
.Lgs_check:
  ld 22, 16(30)
  cmpld 22, 1
  bt 0, .Lgs_body
  mflr 5
  std 2, 8(1)
  bl runtime.morestack_noctxt
  ld 2, 8(1)
  b .Lgs_check
.Lgs_body:
  mflr 31
  stdu 31, -32(1)
  std 2, 24(1)
  bl ext
  nop
  ld 31, 0(1)
  mtlr 31
  addi 1, 1, 32
  blr
  .size go_shared, .-go_shared

  .globl runtime.morestack_noctxt
  .hidden runtime.morestack_noctxt
  .p2align 4
  .type runtime.morestack_noctxt,@function
runtime.morestack_noctxt:
  trap
  .size runtime.morestack_noctxt, .-runtime.morestack_noctxt
.endif

.ifdef NO_SAVE
  gep no_save
  stdu 1, -32(1)
  std 0, 48(1)
  bl ext
  nop
  addi 1, 1, 32
  blr
  .size no_save, .-no_save
.endif

.ifdef LATE_SAVE
  gep late_save
  stdu 1, -32(1)
  std 0, 48(1)
  std 2, 24(1)
  bl ext
  nop
  addi 1, 1, 32
  blr
  .size late_save, .-late_save
.endif

.ifdef NO_FRAME
  gep no_frame
  mflr 0
  std 0, 16(1)
  bl ext
  nop
  ld 0, 16(1)
  mtlr 0
  blr
  .size no_frame, .-no_frame
.endif

.ifdef ALLOCA_NO_SAVE
  gep alloca_no_save
  mflr 0
  stdu 1, -48(1)
  std 2, 24(1)
  std 0, 64(1)
  neg 4, 3
  stdux 1, 1, 4
  addi 3, 1, 32
  bl ext
  nop
  ld 1, 0(1)
  ld 0, 16(1)
  mtlr 0
  blr
  .size alloca_no_save, .-alloca_no_save
.endif

.ifdef LOOP_NO_SAVE
  gep loop_no_save
  mflr 0
  b .Lloop_alloc
.Lloop_call:
  bl ext
  nop
  b .Lloop_done
.Lloop_alloc:
  stdu 1, -32(1)
  b .Lloop_call
.Lloop_done:
  addi 1, 1, 32
  blr
  .size loop_no_save, .-loop_no_save
.endif
