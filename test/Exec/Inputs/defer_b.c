/*===- defer_b.c - Scenario "deferreturn": libdeferb.so -------------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Deferred functions in another module than the frames that defer them:      *|
|* entered by runtime.jmpdefer through r12, they derive this module's TOC     *|
|* from it and "return" onto the caller's pad with that TOC still in r2, so   *|
|* only the pad's `ld 2,24(1)` gives the caller its own back. Also a frame    *|
|* with deferred calls into the executable, and a deferred function that      *|
|* defers and runs deferreturn itself.                                        *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "defer.h"
#include "exec.h"

DEFINE_OWN_DATA(b, B_MAGIC)

long b_deferred(long Id) {
  note(Id, OWN_DATA(b), B_MAGIC);
  return DEFERRED_RESULT(Id);
}

/* Runs exe_deferred(Id + 1) from its own deferreturn, then notes Id. */
long b_deferred_nested(long Id) {
  deferproc(exe_deferred, Id + 1);
  /* From a call's result after the call to deferproc: see two_paths in
     defer_main.c. */
  long R = Id * 2 + (b_read() - B_MAGIC);
  deferreturn();
  note(Id, OWN_DATA(b) + R - Id * 2, B_MAGIC);
  return DEFERRED_RESULT(Id);
}

/* A frame in this module deferring into the executable and into itself:
   returns X * 7 + B_MAGIC. */
long b_with_defers(long X) {
  deferproc(exe_deferred, 40);
  deferproc(b_deferred, 41);
  long R = X * 7;
  deferreturn();
  return R + OWN_DATA(b);
}
