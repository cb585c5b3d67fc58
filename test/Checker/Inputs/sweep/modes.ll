; For sweep.test: an input that declares the modes it is swept in.
; SWEEP-MODES: shared,static
define i64 @only_some_modes(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}
