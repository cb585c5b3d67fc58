// The LLVM side of the Go programs (test/GoPrograms, docs/GoIntegration.md):
// C functions that Go calls through Go assembly stubs. The harness compiles
// this file with clang, with or without the plugin, into the .syso that the
// Go toolchain links in.

// Read through the TOC (.toc entries / TOC16 relocations).
long llvm_table[8] = {3, 1, 4, 1, 5, 9, 2, 6};
long llvm_counter;

// The Go assembly callback (checks/callback_ppc64le.s): the ELFv2 C ABI, it
// returns 2 * x + 1 and records whether r0 was zero and r30 was g.
extern long go_callback(long x);
#ifdef CALLBACK_PTR
// With external linking (except plugins) Go's linker gives every Go symbol
// local binding unless cgo exports it, so the system linker cannot resolve
// go_callback from here: Go stores its address in this pointer instead
// (docs/GoIntegration.md).
long (*go_callback_ptr)(long);
#define CALLBACK (*go_callback_ptr)
#else
#define CALLBACK go_callback
#endif

long llvm_add(long a, long b) { return a + b; }

long llvm_global(long i) {
  llvm_counter += i;
  return llvm_table[i & 7] + llvm_counter;
}

// Keeps values live across each callback, so that register allocation
// reaches for the callee-saved registers, r30 included, and the return
// address travels in r0 (mflr 0).
long llvm_call_go(long n) {
  long a = 1, b = 2, c = 3, d = 5, e = 7, f = 11, g = 13, h = 17, k = 19,
       m = 23, p = 29, q = 31, r = 37, s = 41, t = 43, u = 47, v = 53, w = 59;
  for (long i = 0; i < n; i++) {
    long x = CALLBACK(i ^ a);
    a += x; b ^= a; c += b * 3; d ^= c; e += d; f ^= e * 5; g += f; h ^= g;
    k += h; m ^= k; p += m; q ^= p * 7; r += q; s ^= r; t += s; u ^= t;
    v += u; w ^= v;
  }
  return a + b + c + d + e + f + g + h + k + m + p + q + r + s + t + u + v + w;
}

// Heavy register pressure and no calls: at -O2 it uses every volatile and
// callee-saved register it may, r30 among them, and runs long enough that
// the scheduler's preemption signal lands inside it.
long llvm_pressure(long seed, long n) {
  long a = seed, b = seed * 3, c = seed ^ 0x55, d = seed + 7, e = seed * 11,
       f = seed ^ 0x1234, g = seed + 99, h = seed * 13, k = seed ^ 0x77,
       m = seed + 5, p = seed * 17, q = seed ^ 0x99, r = seed + 3,
       s = seed * 19, t = seed ^ 0x4242, u = seed + 1, v = seed * 23,
       w = seed ^ 0x31, x = seed + 41, y = seed * 29, z = seed ^ 0x2718;
  for (long i = 0; i < n; i++) {
    a += z ^ i; b ^= a + y; c += b ^ x; d ^= c + w; e += d ^ v; f ^= e + u;
    g += f ^ t; h ^= g + s; k += h ^ r; m ^= k + q; p += m ^ h; q ^= p + g;
    r += q ^ f; s ^= r + e; t += s ^ d; u ^= t + c; v += u ^ b; w ^= v + a;
    x += w ^ p; y ^= x + m; z += y ^ k;
  }
  return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ k ^ m ^ p ^ q ^ r ^ s ^ t ^ u ^ v ^
         w ^ x ^ y ^ z;
}

#ifdef PLUGIN_HOST
// Plugin mode: LLVM code in the plugin calls Go assembly in the main
// executable (go/host/callback_ppc64le.s: 3 * x + 1) through the PLT.
extern long host_callback(long x);
long llvm_call_host(long n) {
  long s = 0;
  for (long i = 0; i < n; i++)
    s += host_callback(i) + llvm_table[i & 7] - llvm_table[i & 7];
  return s;
}
#endif

#ifdef WITH_LIBC
// LLVM -> libc (external linking only: Go's internal linker has no libc).
#include <stdio.h>
#include <string.h>
long llvm_libc(long x) {
  char buf[64];
  snprintf(buf, sizeof buf, "v=%ld", x);
  return (long)strlen(buf);
}
#endif
