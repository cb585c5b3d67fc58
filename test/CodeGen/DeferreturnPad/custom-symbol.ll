; -ppc-go-deferreturn names the padded call; other calls are left alone.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-deferreturn=my.deferreturn < %s | FileCheck %s

declare void @my.deferreturn()
declare void @runtime.deferreturn()

; CHECK-LABEL: f:
; CHECK:       std 2, 24(1)
; CHECK:       bl runtime.deferreturn
; CHECK-NEXT:  nop
; CHECK-NEXT:  nop
; CHECK-NEXT:  ld 2, 24(1)
; CHECK-NEXT:  bl my.deferreturn
; CHECK-NEXT:  nop
define void @f() {
  call void @runtime.deferreturn()
  call void @my.deferreturn()
  ret void
}
