/* A shared library whose exported function calls a static one: once
   stripped, only `exported` and `main` have a symbol (.dynsym). */
extern int ext(int);
__attribute__((noinline)) static int helper(int x) { return ext(x) * 3 + 1; }
int exported(int x) { return helper(x) + helper(x + 1); }
int ext(int x) { return x + 1; }
int main(void) { return exported(2) == 0; }
