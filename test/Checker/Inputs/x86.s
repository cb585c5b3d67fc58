# An x86-64 function, for the wrong-machine test.
  .text
  .globl f
  .type f,@function
f:
  ret
  .size f, .-f
