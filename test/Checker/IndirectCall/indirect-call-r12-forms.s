# Rule 3: two more ways r12 holds the target, both from the plugin's
# GoABIIndirectCall: its repair, `mfctr 12` right before the call, and a
# constant target LLVM loads into both registers (`li 3, 4096; li 12, 4096;
# mtctr 3`, in either order).
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 3 of 3 functions checked, 0 violations
#
# The controls: different constants, and `mfctr 12` before CTR is set.
# RUN: %mc --defsym=BAD=1 %s -o %t.bad.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.bad.o \
# RUN:   | FileCheck %s --check-prefix=BAD --implicit-check-not=error:
# BAD: other_constant+0x24 (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12
# BAD: mfctr_too_early+0x24 (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12
# BAD: 5 of 5 functions checked, 2 violations

  .abiversion 2
  .text

.include "macros.s"
.macro gep_frame name
  gep \name
  prologue
.endm

.macro ret name
  ld 2, 24(1)
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size \name, .-\name
.endm

  gep_frame repaired
  mr 12, 4
  mtctr 3
  mfctr 12
  bctrl
  ret repaired

  gep_frame same_constant
  li 3, 4096
  li 12, 4096
  mtctr 3
  bctrl
  ret same_constant

  gep_frame same_constant_r12_first
  li 12, 4096
  li 3, 4096
  mtctr 3
  bctrl
  ret same_constant_r12_first

.ifdef BAD
  gep_frame other_constant
  li 3, 4096
  li 12, 8192
  mtctr 3
  bctrl
  ret other_constant

  gep_frame mfctr_too_early
  mfctr 12
  nop
  mtctr 3
  bctrl
  ret mfctr_too_early
.endif
