/*===- direct_main.c - Scenario "direct": the executable ------------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Direct calls between three modules, all compiled through the plugin:       *|
|* this executable, libdirecta.so (direct_a.c) and libdirectb.so              *|
|* (direct_b.c). Every call below leaves its module, so the linker routes it  *|
|* through a PLT call stub (which stores r2 at 24(r1)) and turns the `nop`    *|
|* after the `bl` into `ld 2,24(1)`. Each module reads its own data after     *|
|* every such call returns; the chain is                                      *|
|*   exe -> A -> B -> A -> exe,   exe -> B -> A -> exe,   B -> exe (check).   *|
|* With -DDYNLINK (Go's -dynlink) the executable also interposes              *|
|* b_interposed, which libdirectb.so defines as dso_local and calls itself    *|
|* (direct_interpose.ll): only the nop that -ppc-go-dynlink puts after that   *|
|* local-looking call lets the linker send it here and restore r2.            *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"

DEFINE_OWN_DATA(exe, EXE_MAGIC)

long a_entry(long X);
long b_step(long X);
long b_call_interposed(long X);

/* Called by libdirecta.so. */
long exe_leaf(long X) { return X * 2 + (OWN_DATA(exe) - EXE_MAGIC); }

/* Interposes libdirectb.so's definition (dynlink only). */
long b_interposed(long X) { return X + 1000 + (OWN_DATA(exe) - EXE_MAGIC); }

int main(void) {
  GUARD("exe->A->B->A->exe") {
    /* a_entry(1) = b_step(2) + 1 = (a_back(3) + 100) + 1
       = ((exe_leaf(4) + 10) + 100) + 1 = 119. */
    long R = a_entry(1);
    check("exe: own data after exe->A->B->A->exe returned", OWN_DATA(exe),
          EXE_MAGIC);
    check("exe: result of exe->A->B->A->exe", R, 119);
  }
  GUARD("exe->B->A->exe") {
    /* b_step(5) = (exe_leaf(7) + 10) + 100 = 124. */
    long R = b_step(5);
    check("exe: own data after exe->B->A->exe returned", OWN_DATA(exe),
          EXE_MAGIC);
    check("exe: result of exe->B->A->exe", R, 124);
  }
#ifdef DYNLINK
  GUARD("exe->B->exe (interposed)") {
    /* B's call to its own dso_local b_interposed lands here: 3 + 1000. */
    long R = b_call_interposed(3);
    check("exe: own data after exe->B->exe (interposed) returned",
          OWN_DATA(exe), EXE_MAGIC);
    check("exe: B's call to b_interposed reached the executable's "
          "definition",
          R, 1003);
  }
#endif
  return finish();
}
