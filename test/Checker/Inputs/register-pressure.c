/* Keeps more values live across a loop and a call than there are volatile
   registers: LLVM allocates the callee-saved ones, r30 included, and
   restores LR through r0. */
extern long ext(long);

long pressure(long *p, long n) {
  long a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3], a4 = p[4], a5 = p[5],
       a6 = p[6], a7 = p[7], a8 = p[8], a9 = p[9], a10 = p[10], a11 = p[11],
       a12 = p[12], a13 = p[13], a14 = p[14], a15 = p[15], a16 = p[16],
       a17 = p[17], a18 = p[18], a19 = p[19];
  for (long i = 0; i < n; ++i) {
    long t = ext(i);
    a0 += t; a1 ^= a0; a2 += a1; a3 ^= a2; a4 += a3; a5 ^= a4; a6 += a5;
    a7 ^= a6; a8 += a7; a9 ^= a8; a10 += a9; a11 ^= a10; a12 += a11;
    a13 ^= a12; a14 += a13; a15 ^= a14; a16 += a15; a17 ^= a16; a18 += a17;
    a19 ^= a18;
  }
  return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 +
         a13 + a14 + a15 + a16 + a17 + a18 + a19;
}
