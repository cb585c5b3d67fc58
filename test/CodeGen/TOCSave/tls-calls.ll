; Rules 2 and 4 for the calls that general- and local-dynamic TLS become:
; `bl __tls_get_addr(sym@tlsgd)` is emitted from pseudos (GETtlsADDR,
; GETtlsldADDR) that are not flagged as calls. A function whose only call is
; that one still saves r2 right after allocating its frame, and the call
; keeps its single nop under dynlink. The checker accepts the object, alone
; and linked into a shared object by lld and GNU ld.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 < %s | FileCheck %s --check-prefix=O0
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: %ppc-go-abi-check --mode=shared %t.o | FileCheck %s --check-prefix=CHECKER
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -filetype=obj -o %t.dyn.o < %s
; RUN: %ppc-go-abi-check --mode=dynlink %t.dyn.o | FileCheck %s --check-prefix=CHECKER
; RUN: %if ld.lld %{ ld.lld -shared -o %t.lld.so %t.dyn.o %}
; RUN: %if ld.lld %{ %ppc-go-abi-check --mode=dynlink %t.lld.so | FileCheck %s --check-prefix=LINKED %}
; RUN: %if ppc64le-binutils %{ powerpc64le-linux-gnu-ld -shared -o %t.bfd.so %t.dyn.o %}
; RUN: %if ppc64le-binutils %{ %ppc-go-abi-check --mode=dynlink %t.bfd.so | FileCheck %s --check-prefix=LINKED %}

; CHECK-LABEL: get:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK:       bl __tls_get_addr(v@tlsgd)
; CHECK-NEXT:  nop
; CHECK-NEXT:  addi 1, 1,
; CHECK-LABEL: get_local:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK:       bl __tls_get_addr(lv@tlsld)
; CHECK-NEXT:  nop
; CHECK-NEXT:  addis 3, 3, lv@dtprel@ha
; O0-LABEL:    get:
; O0:          stdu 1, -{{[0-9]+}}(1)
; O0-NEXT:     std 2, 24(1)
; O0:          bl __tls_get_addr(v@tlsgd)
; O0-NEXT:     nop
; O0-LABEL:    get_local:
; O0:          stdu 1, -{{[0-9]+}}(1)
; O0-NEXT:     std 2, 24(1)
; O0:          bl __tls_get_addr(lv@tlsld)
; O0-NEXT:     nop
; CHECKER: 2 of 2 functions checked, 0 violations
; LINKED:  shared object, Go 1.17, dynlink: {{[0-9]+}} of {{[0-9]+}} functions checked, 0 violations

@v = thread_local global i32 0, align 4
@lv = internal thread_local global i32 0, align 4

define ptr @get() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @v)
  ret ptr %p
}

define ptr @get_local() {
  %p = call ptr @llvm.threadlocal.address.p0(ptr @lv)
  ret ptr %p
}

declare ptr @llvm.threadlocal.address.p0(ptr)
