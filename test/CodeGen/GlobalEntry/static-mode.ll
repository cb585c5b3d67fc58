; Go's non-shared mode has no TOC code (rule 1 needs -shared): with a static
; relocation model the plugin adds no global entry, and the output equals
; stock LLVM's for code without deferreturn calls.
;
; RUN: %llc_go -relocation-model=static -ppc-go-abi < %s > %t.go.s
; RUN: %llc_stock -relocation-model=static < %s > %t.stock.s
; RUN: diff %t.stock.s %t.go.s
; RUN: FileCheck %s < %t.go.s

; CHECK-LABEL: leaf:
; CHECK-NOT:   addis 2, 12
; CHECK-NOT:   .localentry
; CHECK:       blr
define i64 @leaf(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}

declare void @ext()

; CHECK-LABEL: calls:
; CHECK-NOT:   std 2, 24(1)
; CHECK:       bl ext
define void @calls() {
  call void @ext()
  ret void
}
