/*===- indirect_main.c - Scenario "indirect": the executable --------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Indirect calls between this executable and libindirectb.so                 *|
|* (indirect_b.c): into TOC-using and TOC-free leaves of the other module,    *|
|* and callbacks (exe calls B through a pointer, B calls back into the exe    *|
|* through a pointer, which calls B again). The callee derives its module's   *|
|* TOC from r12 (rule 1, rule 3) and the caller restores its own with the     *|
|* `ld 2,24(1)` after the call, from the slot its prologue filled (rule 2).   *|
|* call_indirect and b_apply make no other call before the indirect one, so   *|
|* that no PLT stub fills that slot for them; poison_stack makes an unfilled  *|
|* slot fault. exectest.callentry then shows what rule 1 adds: entered at its *|
|* global entry with r12 set, every function, TOC-free leaves included,       *|
|* returns with its own module's TOC in r2.                                   *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"

DEFINE_OWN_DATA(exe, EXE_MAGIC)

typedef long (*Fn1)(long);
typedef long (*Apply)(Fn1, long);

long b_tocuse_leaf(long X);
long b_tocfree_leaf(long X);
long b_apply(Fn1 Fn, long X);
long b_toc(void);
long call_entry(Fn1 Fn, long X) __asm__("exectest.callentry") HIDDEN;

/* Callbacks libindirectb.so calls through a pointer; the first two are
   leaves. */
long exe_tocuse_cb(long X) { return X * 3 + (exe_word - EXE_MAGIC); }
long exe_tocfree_cb(long X) { return X * 5; }
long exe_cb_calls_b(long X) {
  Fn1 volatile Leaf = b_tocuse_leaf;
  long R = Leaf(X);
  return R + 1 + (OWN_DATA(exe) - EXE_MAGIC);
}

/* This module's TOC pointer. */
NOINLINE long exe_toc(void) {
  long R;
  __asm__ volatile("mr %0, 2" : "=r"(R));
  return R + (OWN_DATA(exe) - EXE_MAGIC);
}

/* Calls Fn(X) through the pointer, then reads this module's data. */
NOINLINE long call_indirect(Fn1 Fn, long X, long *Own) {
  long R = Fn(X);
  *Own = OWN_DATA(exe);
  return R;
}

NOINLINE long call_apply(Apply Fn, Fn1 Cb, long X, long *Own) {
  long R = Fn(Cb, X);
  *Own = OWN_DATA(exe);
  return R;
}

static void indirect(const char *Name, Fn1 Fn, long X, long Want) {
  Fn1 volatile Callee = Fn; /* no constant for the optimizer to propagate */
  long Own = 0;
  poison_stack();
  long R = call_indirect(Callee, X, &Own);
  check(Name, R, Want);
  check("exe: own data after the indirect call returned", Own, EXE_MAGIC);
}

static void apply(const char *Name, Fn1 Cb, long X, long Want) {
  Apply volatile Fn = b_apply;
  Fn1 volatile Callback = Cb;
  long Own = 0;
  poison_stack();
  long R = call_apply(Fn, Callback, X, &Own);
  check(Name, R, Want);
  check("exe: own data after exe->B->exe returned", Own, EXE_MAGIC);
}

int main(void) {
  /* b_tocuse_leaf(X) = X + 7; b_tocfree_leaf(X) = X * 11. */
  GUARD("exe->B TOC-using leaf") {
    indirect("exe->B TOC-using leaf", b_tocuse_leaf, 2, 9);
  }
  GUARD("exe->B TOC-free leaf") {
    indirect("exe->B TOC-free leaf", b_tocfree_leaf, 3, 33);
  }
  /* b_apply(Cb, X) = 2 * Cb(X). */
  GUARD("exe->B->exe TOC-using callback") {
    apply("exe->B->exe TOC-using callback", exe_tocuse_cb, 4, 24);
  }
  GUARD("exe->B->exe TOC-free callback") {
    apply("exe->B->exe TOC-free callback", exe_tocfree_cb, 6, 60);
  }
  GUARD("exe->B->exe->B") {
    apply("exe->B->exe->B callback calling B", exe_cb_calls_b, 5, 26);
  }
  GUARD("global entries") {
    long BToc = b_toc(), ExeToc = exe_toc();
    check("B's TOC is not the executable's", BToc != ExeToc, 1);
    check("r2 after entering B's TOC-using leaf at its global entry",
          call_entry(b_tocuse_leaf, 0), BToc);
    check("r2 after entering B's TOC-free leaf at its global entry",
          call_entry(b_tocfree_leaf, 0), BToc);
    check("r2 after entering the exe's TOC-free callback at its global entry",
          call_entry(exe_tocfree_cb, 0), ExeToc);
  }
  return finish();
}
