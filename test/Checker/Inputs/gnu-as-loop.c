extern int ext(int);
int sum(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) { s += ext(a[i]); if (s > 100) s -= a[i+1]; } return s; }
