/*===- defer.h - The mini defer runtime, as C sees it ---------------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Declarations of jmpdefer_runtime.S under Go's symbol names (asm labels),   *|
|* so that the plugin pads the calls to runtime.deferreturn (rule 5), and of  *|
|* what the "deferreturn" scenario's modules share.                           *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef PPCGOABI_EXEC_DEFER_H
#define PPCGOABI_EXEC_DEFER_H

typedef long (*DeferredFn)(long);

void deferproc(DeferredFn Fn, long Arg) __asm__("runtime.deferproc");
void deferreturn(void) __asm__("runtime.deferreturn");
long ndefers(void) __asm__("runtime.ndefers");
long njumps(void) __asm__("runtime.njumps");
void deferreset(void) __asm__("exectest.deferreset");

/* In the executable: records that deferred call Id ran, and checks the word
   the deferred function read through its own TOC (Own against Magic). */
void note(long Id, long Own, long Magic);
long exe_deferred(long Id);

/* In libdeferb.so (linked into the executable in static mode). */
long b_deferred(long Id);
long b_deferred_nested(long Id);
long b_with_defers(long X);

/* What every deferred function returns: it is left in r3 when the function
   "returns" onto the caller's pad, so that an instruction re-executed there
   instead of the pad computes with it. */
#define DEFERRED_RESULT(Id) ((Id) ^ 0x5a5a5a5aL)

#endif /* PPCGOABI_EXEC_DEFER_H */
