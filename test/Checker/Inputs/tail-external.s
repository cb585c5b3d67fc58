# A tail branch to an undefined function: once linked it goes through a PLT
# stub, out of the module, and the callee returns to our caller with its own
# TOC.
  .abiversion 2
  .text
  .globl tail_external
  .p2align 4
  .type tail_external,@function
tail_external:
  addis 2, 12, .TOC.-tail_external@ha
  addi 2, 2, .TOC.-tail_external@l
  .localentry tail_external, 8
  b ext
  .size tail_external, .-tail_external
