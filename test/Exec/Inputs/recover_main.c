/*===- recover_main.c - Scenario "recover": the executable ----------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Runtime-style r2 recovery (rule 2): code that, like Go's systemstack and   *|
|* gogo, reloads r2 from 24(r1) of a frame it did not create                  *|
|* (exec_runtime.S). The frames are plugin-compiled functions here and in     *|
|* librecoverb.so that reach the runtime routine only through local calls     *|
|* (no PLT stub, no indirect call of their own), so only the `std 2,24(1)`    *|
|* right after their frame allocation can have put their module's TOC in the  *|
|* slot; poison_stack makes an unfilled slot fault.                           *|
|*   exe_systemstack: the routine calls into librecoverb.so through r12,      *|
|*     which leaves B's TOC in r2, then takes r2 from this frame's slot.      *|
|*   exe_gosave: the frame saves its state, goes (through a local helper)     *|
|*     into librecoverb.so, which resumes it with runtime.gogo: r2 comes only *|
|*     from the slot.                                                         *|
|* librecoverb.so has the same two frames the other way round.                *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"
#include "recover.h"

DEFINE_OWN_DATA(exe, EXE_MAGIC)

static struct gobuf ExeBuf;

/* Called through a pointer by librecoverb.so's runtime.systemstack. */
long exe_work(long X) { return X * 3 + (OWN_DATA(exe) - EXE_MAGIC); }

/* Called by librecoverb.so: resumes the frame saved in Buf. */
void exe_resume(struct gobuf *Buf, long V) { gogo(Buf, V); }

/* X * 5 + 2 + EXE_MAGIC. */
NOINLINE long exe_systemstack(long X) {
  long R = systemstack(b_work, X);
  return R + OWN_DATA(exe);
}

static NOINLINE void exe_leave(long X) { b_resume(&ExeBuf, X + 1); }

/* X + 1 + EXE_MAGIC. */
NOINLINE long exe_gosave(long X) {
  long V = gosave(&ExeBuf);
  if (V == 0) {
    exe_leave(X); /* B resumes this frame with V = X + 1 */
    return -1;
  }
  return V + OWN_DATA(exe);
}

int main(void) {
  GUARD("exe frame, systemstack(B)") {
    poison_stack();
    check("exe frame, systemstack(B): result and own data", exe_systemstack(4),
          4 * 5 + 2 + EXE_MAGIC);
  }
  GUARD("exe frame, gogo from B") {
    poison_stack();
    check("exe frame, gogo from B: result and own data", exe_gosave(8),
          8 + 1 + EXE_MAGIC);
  }
  GUARD("B frame, systemstack(exe)") {
    poison_stack();
    check("B frame, systemstack(exe): result and own data",
          b_systemstack(exe_work, 6), 6 * 3 + B_MAGIC);
  }
  GUARD("B frame, gogo from the exe") {
    poison_stack();
    check("B frame, gogo from the exe: result and own data", b_gosave(9),
          9 + 2 + B_MAGIC);
  }
  check("exe: own data at the end", OWN_DATA(exe), EXE_MAGIC);
  return finish();
}
