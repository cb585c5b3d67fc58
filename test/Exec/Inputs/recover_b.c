/*===- recover_b.c - Scenario "recover": librecoverb.so -------------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The other module of the "recover" scenario (recover_main.c): the work the  *|
|* executable's frames hand over, and the same two frames the other way       *|
|* round (this module's frame, the executable's work).                        *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"
#include "recover.h"

DEFINE_OWN_DATA(b, B_MAGIC)

static struct gobuf BBuf;

/* Called through a pointer by the executable's runtime.systemstack. */
long b_work(long X) { return X * 5 + 2 + (OWN_DATA(b) - B_MAGIC); }

/* Called by the executable: resumes the frame saved in Buf. */
void b_resume(struct gobuf *Buf, long V) { gogo(Buf, V); }

/* Fn(X) + B_MAGIC. */
long b_systemstack(long (*Fn)(long), long X) {
  long R = systemstack(Fn, X);
  return R + OWN_DATA(b);
}

static NOINLINE void b_leave(long X) { exe_resume(&BBuf, X + 2); }

/* X + 2 + B_MAGIC. */
long b_gosave(long X) {
  long V = gosave(&BBuf);
  if (V == 0) {
    b_leave(X); /* the executable resumes this frame with V = X + 2 */
    return -1;
  }
  return V + OWN_DATA(b);
}
