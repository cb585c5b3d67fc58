; One exportable function, for the command-line tests.
target triple = "powerpc64le-unknown-linux-gnu"

define i64 @add(i64 %a, i64 %b) {
  %s = add i64 %a, %b
  ret i64 %s
}

define i64 @sub(i64 %a, i64 %b) {
  %s = sub i64 %a, %b
  ret i64 %s
}
