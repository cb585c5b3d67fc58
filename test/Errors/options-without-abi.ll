; Options that act only on functions the conventions are enabled for do
; nothing without -ppc-go-abi and without the "ppc-go-abi"="true" attribute.
; That is said once per module, naming the options, instead of silently.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-dynlink -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=ONE
; RUN: %llc_go -relocation-model=pic -ppc-go-dynlink -ppc-go-version=1.19 -ppc-go-dynlink-tail-calls=none -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=THREE
; RUN: %llc_go -ppc-go-deferreturn=my.defer -ppc-go-no-toc-prologue=a -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=TWO
; With -ppc-go-abi, or with a function that carries the attribute, the
; options act and there is no warning.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -ppc-go-version=1.19 -o /dev/null < %s 2>&1 | count 0
; RUN: sed 's/^;ATTR://' %s > %t.attr.ll
; RUN: %llc_go -relocation-model=pic -ppc-go-dynlink -ppc-go-version=1.19 -o /dev/null < %t.attr.ll 2>&1 | count 0
; Nothing given, nothing said.
; RUN: %llc_go -relocation-model=pic -o /dev/null < %s 2>&1 | count 0

; ONE:   warning: ppc-go-abi: -ppc-go-dynlink has no effect: the Go conventions are enabled neither by -ppc-go-abi nor by the "ppc-go-abi"="true" attribute on any function of module '<stdin>'
; ONE-NOT: warning
; THREE: warning: ppc-go-abi: -ppc-go-dynlink, -ppc-go-dynlink-tail-calls, -ppc-go-version have no effect: the Go conventions are enabled neither
; THREE-NOT: warning
; TWO:   warning: ppc-go-abi: -ppc-go-deferreturn, -ppc-go-no-toc-prologue have no effect

define void @f() {
  call void @g()
  ret void
}

define void @g() {
  ret void
}

;ATTR:define void @h() "ppc-go-abi"="true" {
;ATTR:  ret void
;ATTR:}
