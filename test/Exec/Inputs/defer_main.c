/*===- defer_main.c - Scenario "deferreturn": the executable --------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Functions with deferred calls, run by jmpdefer_runtime.S the way Go 1.6-   *|
|* 1.17 ran them: each deferred call returns onto the pad before `bl          *|
|* runtime.deferreturn` (rule 5). Covered: one and several deferred calls,    *|
|* deferred functions in this module and in libdeferb.so, deferreturn on two  *|
|* return paths, after loops, in a deferred function, in a frame with         *|
|* nothing deferred while an outer frame has pending calls, and in a frame of *|
|* libdeferb.so. After each function: its result (computed from registers     *|
|* kept across deferreturn and from this module's data read through r2        *|
|* afterwards), the order the deferred calls ran in (LIFO, each exactly       *|
|* once), no deferred call left and one jmpdefer per deferred call.           *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "defer.h"
#include "exec.h"

#include <stdio.h>

DEFINE_OWN_DATA(exe, EXE_MAGIC)

static long Ran[64];
static long NumRan;

void note(long Id, long Own, long Magic) {
  if (NumRan < 64)
    Ran[NumRan++] = Id;
  if (Own != Magic)
    check("a deferred function reads its own data", Own, Magic);
}

long exe_deferred(long Id) {
  note(Id, OWN_DATA(exe), EXE_MAGIC);
  return DEFERRED_RESULT(Id);
}

/* deferreturn with nothing of its own deferred: must leave the caller's
   pending calls alone. */
NOINLINE long nothing_deferred(long X) {
  long R = X + 2;
  deferreturn();
  return R + OWN_DATA(exe);
}

NOINLINE long one_defer(long X) {
  deferproc(b_deferred, 1);
  long R = X * 3;
  deferreturn();
  return R + OWN_DATA(exe);
}

NOINLINE long several_defers(long X) {
  deferproc(b_deferred, 10);
  deferproc(exe_deferred, 11);
  deferproc(b_deferred_nested, 12); /* runs exe_deferred(13) itself */
  long R = nothing_deferred(X) - EXE_MAGIC;
  deferreturn();
  return R + OWN_DATA(exe);
}

NOINLINE long two_paths(long X) {
  deferproc(b_deferred, 20);
  if (X > 0) {
    deferproc(exe_deferred, 21);
    long R = X * 5;
    deferreturn();
    return R - OWN_DATA(exe);
  }
  deferproc(b_deferred, 22);
  /* Computed from a call's result after the call to deferproc, so that what
     ends up right before deferreturn reads a register a deferred function
     clobbers: without the pad, the negative controls re-run it and get a
     wrong R. (Not the linker's `ld 2,24(1)` after deferproc, which would
     act as a pad.) */
  long R = X - 9 + (exe_read() - EXE_MAGIC);
  deferreturn();
  return R + 2 * OWN_DATA(exe);
}

NOINLINE long after_loops(long N) {
  long S = 0;
  for (long I = 0; I < N; ++I) {
    deferproc((I & 1) ? exe_deferred : b_deferred, 30 + I);
    S += I;
  }
  for (long I = 0; I < N; ++I)
    S = S * 3 + I;
  deferreturn();
  return S + OWN_DATA(exe);
}

/* Checks Got against Want, the deferred calls that ran against Order, and
   that each of them ran exactly once through a jump of the runtime. */
static void expect(const char *Name, long Got, long Want, const long *Order,
                   long NOrder, long JumpsBefore) {
  char Text[128];
#define NAMED(What) (snprintf(Text, sizeof Text, "%s: %s", Name, What), Text)
  check(NAMED("result"), Got, Want);
  check_seq(NAMED("deferred calls ran once each, newest first"), Ran, NumRan,
            Order, NOrder);
  check(NAMED("no deferred call left"), ndefers(), 0);
  check(NAMED("one jmpdefer per deferred call"), njumps() - JumpsBefore,
        NOrder);
  check(NAMED("own data afterwards"), OWN_DATA(exe), EXE_MAGIC);
}

/* Starts a group of checks from a clean state, also after a group that
   crashed (in a negative control); returns the jump count so far. */
static long begin(void) {
  NumRan = 0;
  deferreset();
  return njumps();
}

int main(void) {
  GUARD("one_defer") {
    long J = begin();
    expect("one_defer", one_defer(7), 21 + EXE_MAGIC, (long[]){1}, 1, J);
  }
  GUARD("several_defers") {
    long J = begin();
    expect("several_defers", several_defers(5), 7 + EXE_MAGIC,
           (long[]){13, 12, 11, 10}, 4, J);
  }
  GUARD("two_paths(3)") {
    long J = begin();
    expect("two_paths(3)", two_paths(3), 15 - EXE_MAGIC, (long[]){21, 20}, 2,
           J);
  }
  GUARD("two_paths(-3)") {
    long J = begin();
    expect("two_paths(-3)", two_paths(-3), -12 + 2 * EXE_MAGIC,
           (long[]){22, 20}, 2, J);
  }
  GUARD("after_loops(5)") {
    long J = begin();
    /* S = 0+1+2+3+4 = 10, then S = 3S + I for I = 0..4: 2488. */
    expect("after_loops(5)", after_loops(5), 2488 + EXE_MAGIC,
           (long[]){34, 33, 32, 31, 30}, 5, J);
  }
  GUARD("b_with_defers") {
    long J = begin();
    expect("b_with_defers", b_with_defers(6), 42 + B_MAGIC, (long[]){41, 40}, 2,
           J);
  }
  return finish();
}
