; For sweep.test: a function that opts out of the conventions through its
; attribute group, one that opts out inline, and one that follows them. The
; sweep must pass the opted-out ones to --ignore and check the third.
declare void @ext()

define void @follows() {
  call void @ext()
  ret void
}

define void @opted_out() #0 {
  call void @ext()
  ret void
}

define i64 @"quoted.opted_out"(i64 %a) "ppc-go-abi"="false" {
  %r = add i64 %a, 1
  ret i64 %r
}

attributes #0 = { nounwind "ppc-go-abi"="false" }
