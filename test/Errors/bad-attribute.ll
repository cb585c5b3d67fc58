; The "ppc-go-abi" function attribute takes "true" or "false"; anything else
; is an error naming the function, even without -ppc-go-abi.
;
; RUN: not %llc_go -relocation-model=pic -o /dev/null < %s 2>&1 | FileCheck %s

; CHECK: error: {{.*}}in function g {{.*}}ppc-go-abi: rule 'target': attribute "ppc-go-abi"="yes" is invalid: expected "true" or "false"
; CHECK-NOT: error:

define void @f() "ppc-go-abi"="false" {
  ret void
}

define void @g() "ppc-go-abi"="yes" {
  ret void
}
