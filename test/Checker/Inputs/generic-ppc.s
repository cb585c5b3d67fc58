# A PowerPC function that assembles for every PowerPC triple, for the
# big-endian, 32-bit and ELFv1 tests.
  .text
  .globl f
  .type f,@function
f:
  blr
  .size f, .-f
