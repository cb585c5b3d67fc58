/* C functions that the Go program of go-pie.test calls through the stubs
   ppc-go-stubs writes for them. */

long add(long a, long b) { return a + b; }

/* A float parameter takes an FPR and skips its position's GPR: n is in r4,
   y in f2, p in r6. */
double mix(double x, long n, float y, const double *p) {
  return x * n + y + *p;
}

long sum(const long *v, long n) {
  long s = 0;
  for (long i = 0; i < n; i++)
    s += v[i];
  return s;
}

/* Reads and writes a global through the TOC: r2 must be derived from the
   global entry address in r12. */
static long counter;
long bump(long by) {
  counter += by;
  return counter;
}

/* The stack pointer the C code runs on, modulo 16 (ELFv2: 0). */
long sp_mod16(void) {
  long sp;
  __asm__ volatile("mr %0, 1" : "=r"(sp));
  return sp & 15;
}

unsigned char is_neg(int x) { return x < 0; }

/* 64 KiB of stack: more than a new goroutine's stack, so the stub's frame
   must make Go grow the stack first. touch() sees the whole buffer. */
static __attribute__((noinline)) long touch(volatile char *p, long size,
                                            long n) {
  for (long i = 0; i < size; i += 4096)
    p[i] = (char)(i + n);
  long s = 0;
  for (long i = 0; i < size; i += 4096)
    s += p[i];
  return s;
}

long deep(long n) {
  volatile char buf[65536];
  return touch(buf, sizeof buf, n);
}

/* Initialised data read through the TOC: a wrong r2 reads something else. */
static volatile long magic_value = 0x600df00d;
long magic(void) { return magic_value; }
