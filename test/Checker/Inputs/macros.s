# The assembly macros the checker's .s tests share (`.include "macros.s"`;
# %mc passes -I test/Checker/Inputs, lit.local.cfg).
#
#   gep NAME        a global function NAME with the global entry prologue
#                   and its local entry at +8 (st_other 3), as rule 1 wants
#   gep_local NAME  the same with a local symbol (no .globl)
#   prologue        a frame of 32 bytes, with r2 saved at 24(1) (rule 2)
#   epilogue        pops that frame and returns

.macro gep_local name
  .p2align 4
  .type \name,@function
\name:
  addis 2, 12, .TOC.-\name@ha
  addi 2, 2, .TOC.-\name@l
  .localentry \name, 8
.endm

.macro gep name
  .globl \name
  gep_local \name
.endm

.macro prologue
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
.endm

.macro epilogue
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
.endm
