// The C program of the c-shared mode: it loads the Go library (with the
// LLVM code inside) and runs the checks. Usage: host [seconds]
#include <stdio.h>
#include <stdlib.h>

extern int RunChecks(int seconds);

int main(int argc, char **argv) {
  int failed = RunChecks(argc > 1 ? atoi(argv[1]) : 0);
  printf("host: RunChecks returned %d\n", failed);
  return failed != 0;
}
