/*===- recover.h - The "recover" scenario's runtime routines --------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* exec_runtime.S's Go-style routines, as C sees them (each module has its    *|
|* own hidden copy, reached by a local call), and what the modules of the     *|
|* "recover" scenario share.                                                  *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef PPCGOABI_EXEC_RECOVER_H
#define PPCGOABI_EXEC_RECOVER_H

#include "exec.h"

/* lr, sp, cr, r14-r31, f14-f31 (exec_runtime.S). */
struct gobuf {
  long Words[40];
};

long systemstack(long (*Fn)(long),
                 long X) __asm__("runtime.systemstack") HIDDEN;
long gosave(struct gobuf *Buf) __asm__("runtime.gosave") HIDDEN
    __attribute__((returns_twice));
void gogo(struct gobuf *Buf, long V) __asm__("runtime.gogo") HIDDEN
    __attribute__((noreturn));

/* In the executable. */
long exe_work(long X);
void exe_resume(struct gobuf *Buf, long V);

/* In librecoverb.so. */
long b_work(long X);
void b_resume(struct gobuf *Buf, long V);
long b_systemstack(long (*Fn)(long), long X);
long b_gosave(long X);

#endif /* PPCGOABI_EXEC_RECOVER_H */
