; The IR of unknown-branch.s's f, for its types.
target triple = "powerpc64le-unknown-linux-gnu"

define i64 @f(i64 %x) {
  ret i64 %x
}
