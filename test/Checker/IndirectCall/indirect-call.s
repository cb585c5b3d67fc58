# Rule 3 (indirect-call): an indirect call has its target in r12 when it
# executes (`mtctr 12`, or `mtctr rX` with `mr 12,rX`; Go 1.14+ branches
# through LR: `mtlr 12; bclrl 20,0,1`) and is followed by `ld 2,24(1)`.
# Static mode has no TOC: every variant passes there.
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 4 of 4 functions checked, 0 violations
#
# No reload after the call:
# RUN: %mc --defsym=NO_RELOAD=1 %s -o %t.noreload.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.noreload.o \
# RUN:   | FileCheck %s --check-prefix=NORELOAD --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.noreload.o \
# RUN:   | FileCheck %s --check-prefix=NORELOAD --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.noreload.o | FileCheck %s --check-prefix=STATIC
# NORELOAD:      no_reload+0x20 (0x{{[0-9a-f]+}}): error: [indirect-call] indirect call is not followed by ld 2,24(1)
# NORELOAD-NEXT:   > 0x{{[0-9a-f]+}}: 4e800421  bctrl
# NORELOAD-NEXT:     0x{{[0-9a-f]+}}: 60000000  nop
# STATIC: 5 of 5 functions checked, 0 violations
#
# The target is not in r12 (the callee's global entry would compute r2 from
# whatever r12 holds):
# RUN: %mc --defsym=NOT_R12=1 %s -o %t.notr12.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.notr12.o \
# RUN:   | FileCheck %s --check-prefix=NOTR12 --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.notr12.o \
# RUN:   | FileCheck %s --check-prefix=NOTR12 --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.notr12.o | FileCheck %s --check-prefix=STATIC
# NOTR12:      not_r12+0x20 (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12 (the target comes from r3 and r12 is not a copy of it)
# NOTR12-NEXT:     0x{{[0-9a-f]+}}: 7c6903a6  mtctr 3
# NOTR12-NEXT:   > 0x{{[0-9a-f]+}}: 4e800421  bctrl
#
# r12 overwritten between the mtctr and the call:
# RUN: %mc --defsym=R12_CLOBBERED=1 %s -o %t.clobbered.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.clobbered.o \
# RUN:   | FileCheck %s --check-prefix=CLOBBERED --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.clobbered.o \
# RUN:   | FileCheck %s --check-prefix=CLOBBERED --implicit-check-not=error:
# CLOBBERED:      r12_clobbered+0x24 (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12 (r12 is changed after CTR is set and does not hold the target)
# CLOBBERED-NEXT:     0x{{[0-9a-f]+}}: 7d8903a6  mtctr 12
# CLOBBERED-NEXT:     0x{{[0-9a-f]+}}: 39800000  li 12, 0
# CLOBBERED-NEXT:   > 0x{{[0-9a-f]+}}: 4e800421  bctrl
#
# Through LR, the target from r3:
# RUN: %mc --defsym=LR_NOT_R12=1 %s -o %t.lr.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.lr.o \
# RUN:   | FileCheck %s --check-prefix=VIALR --implicit-check-not=error:
# VIALR: lr_not_r12+0x1c (0x{{[0-9a-f]+}}): error: [indirect-call] the target of the indirect call is not provably in r12 (the target comes from r3

  .abiversion 2
  .text

.include "macros.s"



# LLVM's form: the target in r12, then CTR.
  gep via_r12
  prologue
  mr 12, 3
  mtctr 12
  bctrl
  ld 2, 24(1)
  epilogue
  .size via_r12, .-via_r12

# LLVM's other form: CTR from a register that r12 copies.
  gep via_copy
  prologue
  mtctr 3
  mr 12, 3
  bctrl
  ld 2, 24(1)
  epilogue
  .size via_copy, .-via_copy

# Go 1.19's form: through LR with the branch hint.
  gep go_style
  prologue
  ld 12, 0(11)
  mtlr 12
  bclrl 20, 0, 1
  ld 2, 24(1)
  epilogue
  .size go_style, .-go_style

# The mtctr in one block, the call after a branch: every path sets CTR from
# r12.
  gep across_blocks
  prologue
  mr 12, 3
  mtctr 12
  cmpdi 4, 0
  beq 0, .Lab_call
  li 5, 1
.Lab_call:
  bctrl
  ld 2, 24(1)
  epilogue
  .size across_blocks, .-across_blocks

.ifdef NO_RELOAD
  gep no_reload
  prologue
  mr 12, 3
  mtctr 12
  bctrl
  nop
  epilogue
  .size no_reload, .-no_reload
.endif

.ifdef NOT_R12
  gep not_r12
  prologue
  mr 4, 3
  mtctr 3
  bctrl
  ld 2, 24(1)
  epilogue
  .size not_r12, .-not_r12
.endif

.ifdef R12_CLOBBERED
  gep r12_clobbered
  prologue
  mr 12, 3
  mtctr 12
  li 12, 0
  bctrl
  ld 2, 24(1)
  epilogue
  .size r12_clobbered, .-r12_clobbered
.endif

.ifdef LR_NOT_R12
  gep lr_not_r12
  prologue
  mtlr 3
  bclrl 20, 0, 1
  ld 2, 24(1)
  epilogue
  .size lr_not_r12, .-lr_not_r12
.endif
