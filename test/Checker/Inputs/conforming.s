# A small object that follows every rule with -shared and -dynlink (Go 1.17;
# in static mode from Go 1.18, its deferreturn pad being the PIC one): a leaf, a
# caller with a padded deferreturn call, an indirect call and a call to a
# local function, each followed by its nop or reload. The bad-input tests
# damage it; the option, JSON and archive tests check it as it is.
  .abiversion 2
  .text

.include "macros.s"

  gep leaf
  addi 3, 3, 1
  blr
  .size leaf, .-leaf

  gep caller
  mflr 0
  stdu 1, -32(1)
  std 2, 24(1)
  std 0, 48(1)
  bl leaf
  nop
  mr 12, 3
  mtctr 12
  bctrl
  ld 2, 24(1)
  nop
  ld 2, 24(1)
  bl runtime.deferreturn
  nop
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size caller, .-caller
