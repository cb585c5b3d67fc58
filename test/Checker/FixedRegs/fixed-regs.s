# Rule fixed-regs (--fixed-regs, issue 12): r30 (g) and r13 (the thread
# pointer) are never written, and r0 is zero at every call, tail branch,
# return and bctr that may be an indirect tail call (one reached while the
# function's own frame is allocated on every path is a jump inside the
# function, where r0 may be anything). r0 is followed by a forward dataflow: zero at the entry,
# zero again after `li 0,0`, `lis 0,0`, `xor 0,x,x`, `subf 0,x,x` and after a
# call (the callee obeys the rule), kept by the nop and `mr 0,0`, possibly
# non-zero after any other write. The rule is off unless asked for.
#
# Every allowed shape passes, in every mode:
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --fixed-regs --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --fixed-regs --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --fixed-regs --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: {{shared|dynlink|static}}, fixed-regs: 11 of 11 functions checked, 0 violations
#
# Each way of breaking it, caught with exactly this rule; the same object
# passes without --fixed-regs (negative control: the other rules hold).
# RUN: %mc --defsym=BAD=1 %s -o %t.bad.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.bad.o | FileCheck %s --check-prefix=OFF
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.bad.o | FileCheck %s --check-prefix=OFF
# OFF: {{shared|static}}: 26 of 26 functions checked, 0 violations
# RUN: %expect-exit 1 %ppc-go-abi-check --fixed-regs --mode=shared %t.bad.o > %t.bad.txt
# RUN: FileCheck %s --check-prefix=BAD --implicit-check-not=error: < %t.bad.txt
# RUN: %expect-exit 1 %ppc-go-abi-check --fixed-regs --mode=dynlink %t.bad.o \
# RUN:   | FileCheck %s --check-prefix=BAD --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --fixed-regs --mode=static %t.bad.o \
# RUN:   | FileCheck %s --check-prefix=BAD --implicit-check-not=error:
#
# BAD:      r30_scratch+0x8 (0x{{[0-9a-f]+}}): error: [fixed-regs] r30 is written: Go keeps the current goroutine (g) in r30 at every instruction, and its signal handler reads it there
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 7c7e1b78  mr 30, 3
# BAD:      r30_scratch+0xc (0x{{[0-9a-f]+}}): error: [fixed-regs] r30 is written
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 3bde0001  addi 30, 30, 1
# BAD:      r30_scratch+0x10 (0x{{[0-9a-f]+}}): error: [fixed-regs] r30 is written
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: ebc10010  ld 30, 16(1)
# BAD:      r13_write+0x8 (0x{{[0-9a-f]+}}): error: [fixed-regs] r13, the thread pointer, is written
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 39ad0008  addi 13, 13, 8
# BAD:      r0_at_call+0x18 (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this call to ext (written at 0x{{[0-9a-f]+}} and not zeroed on some path since): Go code relies on r0 being zero
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c0802a6  mflr 0
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl ext
# BAD:      r0_at_indirect_call+0x20 (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this indirect call
# BAD-NEXT:     0x{{[0-9a-f]+}}: 38000007  li 0, 7
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800421  bctrl
# BAD:      r0_at_tail_branch+0xc (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this tail branch to local_callee
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c032214  add 0, 3, 4
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 48000000  b local_callee
# BAD:      r0_at_return+0x2c (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this return
# BAD-NEXT:     0x{{[0-9a-f]+}}: e8010010  ld 0, 16(1)
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800020  blr
# BAD:      r0_at_conditional_return+0xc (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this return
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c032214  add 0, 3, 4
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4d820020  bclr 12, 2
# BAD:      r0_on_one_path+0x1c (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this return
# BAD-NEXT:     0x{{[0-9a-f]+}}: 38000005  li 0, 5
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800020  blr
# BAD:      r0_around_loop+0x14 (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this call to ext
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl ext
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c032a14  add 0, 3, 5
# BAD:      r0_at_bctr+0x10 (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this bctr (an indirect tail call, or a jump outside a frame)
# BAD-NEXT:     0x{{[0-9a-f]+}}: 38000001  li 0, 1
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800420  bctr
# BAD:      r0_after_jump_table+0x24 (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this return
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c6018f8  not 0, 3
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800020  blr
# BAD:      r0_nonzero_immediate+0xc (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this return
# BAD-NEXT:     0x{{[0-9a-f]+}}: 60000001  ori 0, 0, 1
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800020  blr
# BAD:      r0_xor_other+0xc (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this return
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c602278  xor 0, 3, 4
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800020  blr
# BAD:      r0_through_jump+0x38 (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this call to ext
# BAD-NEXT:     0x{{[0-9a-f]+}}: 7c0802a6  mflr 0
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl ext
# BAD:      bctr_after_frame_pop+0x2c (0x{{[0-9a-f]+}}): error: [fixed-regs] r0 may be non-zero at this bctr (an indirect tail call, or a jump outside a frame)
# BAD-NEXT:     0x{{[0-9a-f]+}}: e8010010  ld 0, 16(1)
# BAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800420  bctr
# BAD: {{shared|dynlink|static}}, fixed-regs: 26 of 26 functions checked, 17 violations

  .abiversion 2
  .text

.include "macros.s"

# Go's own shape: LR kept in r31, g read from r30 (the stack check), calls
# back to back with no re-zeroing (the callee returns with r0 zero), r0
# stored as zero.
  gep go_like
  ld 3, 16(30)
  cmpld 1, 3
  mflr 31
  stdu 31, -32(1)
  std 2, 24(1)
  std 0, 8(1)
  bl ext
  nop
  bl ext
  nop
  ld 31, 0(1)
  mtlr 31
  addi 1, 1, 32
  blr
  .size go_like, .-go_like

# LLVM's shape with the zeroing after each use of r0 as a scratch.
  gep li_zero
  mflr 0
  std 0, 16(1)
  li 0, 0
  stdu 1, -32(1)
  std 2, 24(1)
  bl ext
  nop
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  li 0, 0
  blr
  .size li_zero, .-li_zero

# Go's SYSCALL: `li 0,N; sc; xor 0,0,0`; also lis 0,0 and subf 0,x,x.
  gep syscall_like
  li 0, 4
  sc
  xor 0, 0, 0
  addis 0, 3, 1
  lis 0, 0
  std 0, 0(3)
  mulld 0, 3, 4
  subf 0, 5, 5
  blr
  .size syscall_like, .-syscall_like

# The nop (ori 0,0,0) and mr 0,0 keep r0 zero; r13 and r30 are read.
  gep keeps_zero
  nop
  mr 0, 0
  addi 3, 13, -28672
  mr 4, 30
  std 30, 0(3)
  blr
  .size keeps_zero, .-keeps_zero

# Written on one path, zeroed before the paths meet.
  gep diamond
  cmpdi 3, 0
  beq 0, .Ld_join
  li 0, 5
  stw 0, 0(4)
  li 0, 0
.Ld_join:
  blr
  .size diamond, .-diamond

# Written and zeroed inside a loop; a conditional return with r0 zero.
  gep loop_zeroed
.Ll_top:
  beqlr 0
  add 0, 3, 4
  std 0, 0(5)
  xor 0, 3, 3
  addi 3, 3, -1
  cmpdi 3, 0
  b .Ll_top
  .size loop_zeroed, .-loop_zeroed

# Written, then the path ends without a call or return (Go's abort).
  gep dead_end
  lwz 0, 0(0)
  .long 0
  .size dead_end, .-dead_end

# A jump table with r0 zero: its targets, reached by nothing else, start
# with r0 zero and are checked from there.
  gep jump_table
  cmpldi 3, 1
  bgtlr 0
  addis 4, 2, .Ljt@toc@ha
  addi 4, 4, .Ljt@toc@l
  mtctr 4
  bctr
.Ljt_a:
  li 3, 1
  blr
.Ljt_b:
  mr 0, 0
  li 3, 2
  blr
  .size jump_table, .-jump_table

# An indirect call with r0 zero, target in r12.
  gep indirect_ok
  mflr 31
  stdu 31, -32(1)
  std 2, 24(1)
  mr 12, 3
  mtctr 12
  bctrl
  ld 2, 24(1)
  ld 31, 0(1)
  mtlr 31
  addi 1, 1, 32
  blr
  .size indirect_ok, .-indirect_ok

# A tail-branch target (local binding: no dynlink-call finding).
  .p2align 4
  .type local_callee,@function
local_callee:
  addis 2, 12, .TOC.-local_callee@ha
  addi 2, 2, .TOC.-local_callee@l
  .localentry local_callee, 8
  blr
  .size local_callee, .-local_callee

  .section .rodata
.Ljt:
  .quad .Ljt_a
  .quad .Ljt_b
  .text

# A jump table inside the frame (an interpreter's dispatch): r0 still holds
# the return address from `mflr 0` at the bctr, which is a jump, not a tail
# call; each target zeroes r0 before its call or return, as the plugin does.
  gep jump_table_in_frame
  prologue
  addis 4, 2, .Ljt3@toc@ha
  addi 4, 4, .Ljt3@toc@l
  ldx 4, 4, 3
  mtctr 4
  bctr
.Ljt3_a:
  li 0, 0
  bl ext
  nop
.Ljt3_b:
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  li 0, 0
  blr
  .size jump_table_in_frame, .-jump_table_in_frame
  .section .rodata
.Ljt3:
  .quad .Ljt3_a
  .quad .Ljt3_b
  .text

.ifdef BAD
# g as a scratch register, a loop counter, a restored value.
  gep r30_scratch
  mr 30, 3
  addi 30, 30, 1
  ld 30, 16(1)
  blr
  .size r30_scratch, .-r30_scratch

  gep r13_write
  addi 13, 13, 8
  blr
  .size r13_write, .-r13_write

# LLVM's prologue passes the return address in r0 to the callee.
  gep r0_at_call
  mflr 0
  std 0, 16(1)
  stdu 1, -32(1)
  std 2, 24(1)
  bl ext
  nop
  addi 1, 1, 32
  ld 31, 16(1)
  mtlr 31
  blr
  .size r0_at_call, .-r0_at_call

  gep r0_at_indirect_call
  mflr 31
  stdu 31, -32(1)
  std 2, 24(1)
  li 0, 7
  mr 12, 3
  mtctr 12
  bctrl
  ld 2, 24(1)
  ld 31, 0(1)
  mtlr 31
  addi 1, 1, 32
  blr
  .size r0_at_indirect_call, .-r0_at_indirect_call

  gep r0_at_tail_branch
  add 0, 3, 4
  b local_callee
  .size r0_at_tail_branch, .-r0_at_tail_branch

# LLVM's epilogue restores LR through r0.
  gep r0_at_return
  mflr 31
  std 31, 16(1)
  stdu 1, -32(1)
  std 2, 24(1)
  bl ext
  nop
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size r0_at_return, .-r0_at_return

  gep r0_at_conditional_return
  add 0, 3, 4
  beqlr 0
  li 0, 0
  blr
  .size r0_at_conditional_return, .-r0_at_conditional_return

# Zeroed on one path only.
  gep r0_on_one_path
  li 0, 5
  stw 0, 0(4)
  cmpdi 3, 0
  beq 0, .Lp_join
  li 0, 0
.Lp_join:
  blr
  .size r0_on_one_path, .-r0_on_one_path

# Zero on the first iteration, not on the back edge.
  gep r0_around_loop
  mflr 31
  stdu 31, -32(1)
  std 2, 24(1)
.Lo_top:
  bl ext
  nop
  add 0, 3, 5
  std 0, 0(4)
  cmpdi 3, 0
  bne 0, .Lo_top
  li 0, 0
  ld 31, 0(1)
  mtlr 31
  addi 1, 1, 32
  blr
  .size r0_around_loop, .-r0_around_loop

  gep r0_at_bctr
  li 0, 1
  mtctr 3
  bctr
  .size r0_at_bctr, .-r0_at_bctr

# A jump-table target that writes r0 is checked though only the bctr
# reaches it.
  gep r0_after_jump_table
  addis 4, 2, .Ljt2@toc@ha
  addi 4, 4, .Ljt2@toc@l
  mtctr 4
  bctr
.Ljt2_a:
  li 3, 1
  blr
.Ljt2_b:
  not 0, 3
  blr
  .size r0_after_jump_table, .-r0_after_jump_table

# Not zeroings: ori with an immediate, xor of different registers.
  gep r0_nonzero_immediate
  ori 0, 0, 1
  blr
  .size r0_nonzero_immediate, .-r0_nonzero_immediate

  gep r0_xor_other
  xor 0, 3, 4
  blr
  .size r0_xor_other, .-r0_xor_other

# A jump target inside the frame calls with the prologue's r0: the jump
# carries r0 to its targets.
  gep r0_through_jump
  prologue
  addis 4, 2, .Ljt4@toc@ha
  addi 4, 4, .Ljt4@toc@l
  ldx 4, 4, 3
  mtctr 4
  bctr
.Ljt4_a:
  li 3, 1
  b .Ljt4_b
  nop
.Ljt4_c:
  bl ext
  nop
.Ljt4_b:
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  li 0, 0
  blr
  .size r0_through_jump, .-r0_through_jump

# After the epilogue r1 is the caller's again: this bctr may be a tail
# call, and r0 holds the return address.
  gep bctr_after_frame_pop
  prologue
  ld 3, 0(3)
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  mtctr 12
  bctr
  .size bctr_after_frame_pop, .-bctr_after_frame_pop

  .section .rodata
.Ljt2:
  .quad .Ljt2_a
  .quad .Ljt2_b
.Ljt4:
  .quad .Ljt4_a
  .quad .Ljt4_c
  .text
.endif
