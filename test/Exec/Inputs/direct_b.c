/*===- direct_b.c - Scenario "direct": libdirectb.so ----------------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The last module of the "direct" scenario (direct_main.c has the call       *|
|* chain): called by the executable and by libdirecta.so, calls back into     *|
|* libdirecta.so and checks its own data after each call returns.             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"

DEFINE_OWN_DATA(b, B_MAGIC)

long a_back(long X);

/* exe -> B and A -> B; B -> A. */
long b_step(long X) {
  long R = a_back(X + 1);
  check("B: own data after B->A returned", OWN_DATA(b), B_MAGIC);
  return R + 100;
}
