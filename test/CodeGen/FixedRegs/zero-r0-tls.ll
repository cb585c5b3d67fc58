; Rule 7, r0: the general- and local-dynamic TLS sequences end in a call to
; __tls_get_addr that LLVM keeps as a pseudo not flagged as a call until the
; AsmPrinter; r0 is zero at it like at any call (the fuzz driver's
; shared+fixed-regs mode found `mflr 0` reaching it, which ppc-go-abi-check
; --fixed-regs reports).
;
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -relocation-model=pic < %s \
; RUN:   | FileCheck %s
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-abi -ppc-go-dynlink -verify-machineinstrs \
; RUN:   -relocation-model=pic < %s | FileCheck %s
; RUN: %llc_go -O0 -ppc-go-fixed-regs -ppc-go-abi -verify-machineinstrs \
; RUN:   -relocation-model=pic < %s | FileCheck %s
; Negative control: with the r0 half off, nothing zeroes r0 before the call.
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-fixed-regs-disable=r0 \
; RUN:   -relocation-model=pic < %s | not FileCheck %s

@gd = thread_local global i64 0
@ld = internal thread_local(localdynamic) global i64 0

; CHECK-LABEL: get_gd:
; CHECK:       mflr 0
; CHECK:       li 0, 0
; CHECK-NEXT:  bl __tls_get_addr(gd@tlsgd)
; CHECK:       li 0, 0
; CHECK-NEXT:  blr
define ptr @get_gd() {
  ret ptr @gd
}

; CHECK-LABEL: get_ld:
; CHECK:       mflr 0
; CHECK:       li 0, 0
; CHECK-NEXT:  bl __tls_get_addr(ld@tlsld)
; CHECK:       li 0, 0
; CHECK-NEXT:  blr
define i64 @get_ld() {
  %v = load i64, ptr @ld, align 8
  ret i64 %v
}
