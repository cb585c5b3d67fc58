# A small object that breaks rules 1 and 4 in shared and dynlink mode (and
# nothing in static mode): `bare` has no global entry, `caller` calls an
# undefined function without a nop.
  .abiversion 2
  .text

  .globl bare
  .p2align 4
  .type bare,@function
bare:
  li 3, 1
  blr
  .size bare, .-bare

  .globl caller
  .p2align 4
  .type caller,@function
caller:
  addis 2, 12, .TOC.-caller@ha
  addi 2, 2, .TOC.-caller@l
  .localentry caller, 8
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  bl ext
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size caller, .-caller
