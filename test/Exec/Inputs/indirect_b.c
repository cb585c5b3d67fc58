/*===- indirect_b.c - Scenario "indirect": libindirectb.so ----------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The other module of the "indirect" scenario (indirect_main.c): leaves the  *|
|* executable calls through pointers, and b_apply, which calls back into the  *|
|* executable through a pointer and then reads this module's data through     *|
|* the TOC its `ld 2,24(1)` restored.                                         *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"

DEFINE_OWN_DATA(b, B_MAGIC)

/* Leaves: the first reads this module's data through r2, the second uses no
   TOC at all (stock LLVM gives it no global entry). */
long b_tocuse_leaf(long X) { return X + 7 + (b_word - B_MAGIC); }

long b_tocfree_leaf(long X) { return X * 11; }

/* 2 * Fn(X) if this module's data reads right after the call. */
long b_apply(long (*Fn)(long), long X) {
  long R = Fn(X);
  return 2 * R + (OWN_DATA(b) - B_MAGIC);
}

long b_toc(void) {
  long R;
  __asm__ volatile("mr %0, 2" : "=r"(R));
  return R + (OWN_DATA(b) - B_MAGIC);
}
