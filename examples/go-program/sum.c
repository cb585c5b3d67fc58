// C code for a Go program: compiled by clang with the PPCGoABI plugin
// (-ppc-go-abi -ppc-go-fixed-regs) into sum_ppc64le.syso, which the Go
// toolchain links in. See run.sh and docs/GoIntegration.md.

static long weights[4] = {1, 2, 3, 4}; // read through the TOC

// Returns sum(v[i] * weights[i % 4]).
long weighted_sum(const long *v, long n) {
  long s = 0;
  for (long i = 0; i < n; i++)
    s += v[i] * weights[i & 3];
  return s;
}
