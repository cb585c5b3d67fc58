# A little-endian object that declares the ELFv1 ABI (e_flags 1).
  .abiversion 1
  .text
  .globl f
  .type f,@function
f:
  blr
  .size f, .-f
