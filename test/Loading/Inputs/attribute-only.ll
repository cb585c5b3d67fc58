; A module that asks for the Go conventions only through the function
; attribute: nothing on the command line would fail if the plugin were absent.
target triple = "powerpc64le-unknown-linux-gnu"

define i64 @go_func(i64 %a) "ppc-go-abi"="true" {
  %r = add i64 %a, 1
  ret i64 %r
}
