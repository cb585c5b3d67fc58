int sum(int *a, int n);
int ext(int x) { return x + 1; }
int main(void) { int a[4] = {1,2,3,4}; return sum(a, 3) & 0; }
