/*===- direct_a.c - Scenario "direct": libdirecta.so ----------------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The middle module of the "direct" scenario (direct_main.c has the call     *|
|* chain). Calls libdirectb.so and the executable directly and checks its     *|
|* own data, through its own TOC, after each call returns.                    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"

DEFINE_OWN_DATA(a, A_MAGIC)

long b_step(long X);
long exe_leaf(long X);

/* exe -> A; A -> B. */
long a_entry(long X) {
  long R = b_step(X + 1);
  check("A: own data after A->B returned", OWN_DATA(a), A_MAGIC);
  return R + 1;
}

/* B -> A; A -> exe. */
long a_back(long X) {
  long R = exe_leaf(X + 1);
  check("A: own data after A->exe returned", OWN_DATA(a), A_MAGIC);
  return R + 10;
}
