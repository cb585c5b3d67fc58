/*===- exec.h - Shared declarations of the execution tests ----------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* What every module of an execution test shares (docs/ExecutionTests.md).    *|
|*                                                                            *|
|* A wrong r2 is observed through module data: every module owns a static     *|
|* word holding a magic value that no other module holds, and reads it        *|
|* through its TOC pointer after every call returns. With the wrong TOC the   *|
|* read either faults or returns some other word, never the magic.            *|
|* OWN_DATA reads the word twice, inline (TOC-relative code in the function   *|
|* itself) and through a local call (the callee's local entry uses the        *|
|* caller's r2 as it is), so that a compiler which keeps a TOC-derived        *|
|* address in a callee-saved register across the call cannot hide a wrong     *|
|* r2.                                                                        *|
|*                                                                            *|
|* The checks themselves are printed by the executable (harness.c): one line  *|
|* per check, then "RESULT <n> checks, <f> failed", which the driver          *|
|* (utils/exec/run-exec-tests.py) reads.                                      *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef PPCGOABI_EXEC_H
#define PPCGOABI_EXEC_H

#include <setjmp.h>

#define NOINLINE __attribute__((noinline))
#define HIDDEN __attribute__((visibility("hidden")))

/* One magic value per module; none is another's. */
#define EXE_MAGIC 0x0e0e1e2e3e4e5e6eL
#define A_MAGIC 0x0a0a1a2a3a4a5a6aL
#define B_MAGIC 0x0b0b1b2b3b4b5b6bL

/* What poison_stack leaves in the stack below its caller: an address far
   from every module, so that with a TOC pointer loaded from an unwritten
   save slot each data read faults or returns a word that is no magic. */
#define STACK_POISON 0x00000badbad00000L

/* The module's own word, read inline and through a local call. Evaluates to
   the word if both reads agree, else to a value that is no magic. */
#define DEFINE_OWN_DATA(Name, Magic)                                           \
  static volatile long Name##_word = (Magic);                                  \
  static NOINLINE long Name##_read(void) { return Name##_word; }
#define OWN_DATA(Name) own_data_value(Name##_word, Name##_read())
static inline long own_data_value(long Inline, long ViaCall) {
  return Inline == ViaCall ? Inline : (Inline ^ ViaCall ^ 0x5555);
}

/* The harness, in the executable (harness.c). */
void check(const char *Name, long Got, long Want);
/* Checks that Got[0..N) equals Want[0..N) and prints both on a mismatch. */
void check_seq(const char *Name, const long *Got, long NGot, const long *Want,
               long NWant);
/* Fills the 16 KiB below the caller's stack pointer with STACK_POISON, so
   that a frame created next holds poison in every slot it does not write
   (exec_runtime.S; every module links its own hidden copy). */
void poison_stack(void) HIDDEN;
/* Prints the RESULT line; returns the exit status. */
int finish(void);

/* GUARD("name") { body } runs body; if it faults or traps (a wrong r2
   usually does), prints "FAIL name: crashed by SIGxxx", counts it as a failed
   check and goes on after the body, with r2 and the stack pointer restored
   by siglongjmp. So every group of checks shows its own failure in a
   negative control, not only the first one. Use only in main, without
   return or break in the body. */
#define GUARD(Name)                                                            \
  for (int Guard_ = guard_enter(Name); Guard_; Guard_ = guard_leave())         \
    if (sigsetjmp(GuardEnv, 1) != 0)                                           \
      guard_crashed();                                                         \
    else
extern sigjmp_buf GuardEnv;
int guard_enter(const char *Name);
int guard_leave(void);
void guard_crashed(void);

#endif /* PPCGOABI_EXEC_H */
