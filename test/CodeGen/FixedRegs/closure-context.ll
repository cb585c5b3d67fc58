; Go's closure context register is r11 (cmd/internal/obj/ppc64/a.out.go,
; REGCTXT). IR's `nest` parameter attribute is how a frontend says "this is
; the context": it arrives in r11 (the callee reads it there) and leaves in
; r11 (the caller sets it before an indirect call), with the rule on and
; through the full Go conventions.
;
; RUN: %llc_go -ppc-go-fixed-regs -relocation-model=pic -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-abi -relocation-model=pic -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -ppc-go-fixed-regs -relocation-model=static -O0 < %s | FileCheck %s --check-prefix=O0

; CHECK-LABEL: closure:
; CHECK:       ld [[V:[0-9]+]], 8(11)
; CHECK-NEXT:  add 3, [[V]], 3
; CHECK-NEXT:  blr
; O0-LABEL:    closure:
; O0:          ld {{[0-9]+}}, 8(11)
; O0:          blr
define i64 @closure(ptr nest %ctx, i64 %a) {
  %p = getelementptr i64, ptr %ctx, i64 1
  %v = load i64, ptr %p
  %r = add i64 %v, %a
  ret i64 %r
}

; CHECK-LABEL: call_closure:
; CHECK:       mr 11, 4
; CHECK-NEXT:  li 0, 0
; CHECK-NEXT:  bctrl
; O0-LABEL:    call_closure:
; O0:          mr 11, 4
; O0:          bctrl
define i64 @call_closure(ptr %f, ptr %ctx) {
  %r = call i64 %f(ptr nest %ctx, i64 1)
  ret i64 %r
}
