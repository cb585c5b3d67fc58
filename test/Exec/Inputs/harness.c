/*===- harness.c - Check reporting for the execution tests ----------------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Linked into every test executable. Prints one line per check ("ok NAME" or *|
|* "FAIL NAME: got X, want Y") and a final "RESULT <n> checks, <f> failed";   *|
|* the exit status is non-zero if any check failed. The driver                *|
|* (utils/exec/run-exec-tests.py) compares the number of checks with what the *|
|* scenario expects, so a program that stops early (a crash, an exit from a   *|
|* broken frame) is never mistaken for a pass. Output is unbuffered so that   *|
|* the lines before a crash survive it. GUARD (exec.h) turns a crash inside   *|
|* a group of checks into one failed check and goes on with the next group.   *|
|* poison_stack is in exec_runtime.S.                                         *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "exec.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static long NumChecks;
static long NumFailed;

void check(const char *Name, long Got, long Want) {
  ++NumChecks;
  if (Got == Want) {
    printf("ok %s\n", Name);
    return;
  }
  ++NumFailed;
  printf("FAIL %s: got %#lx, want %#lx\n", Name, (unsigned long)Got,
         (unsigned long)Want);
}

static void printSeq(const long *Seq, long N) {
  printf("[");
  for (long I = 0; I < N; ++I)
    printf(I ? " %ld" : "%ld", Seq[I]);
  printf("]");
}

void check_seq(const char *Name, const long *Got, long NGot, const long *Want,
               long NWant) {
  int Same = NGot == NWant;
  for (long I = 0; Same && I < NGot; ++I)
    Same = Got[I] == Want[I];
  ++NumChecks;
  if (Same) {
    printf("ok %s\n", Name);
    return;
  }
  ++NumFailed;
  printf("FAIL %s: got ", Name);
  printSeq(Got, NGot);
  printf(", want ");
  printSeq(Want, NWant);
  printf("\n");
}

sigjmp_buf GuardEnv;
static const char *GuardName;
static volatile sig_atomic_t GuardArmed;
static volatile sig_atomic_t GuardSignal;
static const int GuardedSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE};

static void onCrash(int Sig) {
  if (!GuardArmed) {
    signal(Sig, SIG_DFL);
    raise(Sig);
    return;
  }
  GuardArmed = 0;
  GuardSignal = Sig;
  siglongjmp(GuardEnv, 1);
}

int guard_enter(const char *Name) {
  static int Installed;
  if (!Installed) {
    /* The handler runs on its own stack: the faulting code may have left r1
       anywhere. */
    static char AltStack[64 * 1024];
    stack_t SS = {0};
    SS.ss_sp = AltStack;
    SS.ss_size = sizeof AltStack;
    sigaltstack(&SS, 0);
    struct sigaction SA;
    memset(&SA, 0, sizeof SA);
    SA.sa_handler = onCrash;
    SA.sa_flags = SA_ONSTACK | SA_NODEFER;
    for (unsigned I = 0; I < sizeof GuardedSignals / sizeof *GuardedSignals;
         ++I)
      sigaction(GuardedSignals[I], &SA, 0);
    Installed = 1;
  }
  GuardName = Name;
  GuardArmed = 1;
  return 1;
}

int guard_leave(void) {
  GuardArmed = 0;
  return 0;
}

void guard_crashed(void) {
  ++NumChecks;
  ++NumFailed;
  const char *SigName = GuardSignal == SIGSEGV   ? "SIGSEGV"
                        : GuardSignal == SIGBUS  ? "SIGBUS"
                        : GuardSignal == SIGILL  ? "SIGILL"
                        : GuardSignal == SIGTRAP ? "SIGTRAP"
                                                 : "SIGFPE";
  printf("FAIL %s: crashed by %s\n", GuardName, SigName);
}

int finish(void) {
  printf("RESULT %ld checks, %ld failed\n", NumChecks, NumFailed);
  return NumFailed != 0;
}

__attribute__((constructor)) static void unbufferStdout(void) {
  setvbuf(stdout, 0, _IONBF, 0);
}
