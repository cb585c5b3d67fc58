# A global entry prologue with literal immediates instead of .TOC.
# relocations: once linked, r2 is set to an address that is not the TOC.
# `right` references .TOC. as it should, so that every linker defines it.
  .abiversion 2
  .text
  .globl right
  .p2align 4
  .type right,@function
right:
  addis 2, 12, .TOC.-right@ha
  addi 2, 2, .TOC.-right@l
  .localentry right, 8
  blr
  .size right, .-right

  .globl wrong_toc
  .p2align 4
  .type wrong_toc,@function
wrong_toc:
  addis 2, 12, 1
  addi 2, 2, 16
  .localentry wrong_toc, 8
  blr
  .size wrong_toc, .-wrong_toc
