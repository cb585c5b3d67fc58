; The "ppc-go-abi" function attribute overrides the command line per
; function, so Go-convention code and plain C can share a module.
;
; RUN: %llc_go -relocation-model=pic < %s | FileCheck %s --check-prefix=DEFAULT-OFF
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s --check-prefix=DEFAULT-ON

; DEFAULT-OFF-LABEL: go_func:
; DEFAULT-OFF:       addis 2, 12, .TOC.-.Lfunc_gep0@ha
; DEFAULT-ON-LABEL:  go_func:
; DEFAULT-ON:        addis 2, 12, .TOC.-.Lfunc_gep0@ha
define i64 @go_func(i64 %a) "ppc-go-abi"="true" {
  %r = add i64 %a, 1
  ret i64 %r
}

; DEFAULT-OFF-LABEL: c_func:
; DEFAULT-OFF-NOT:   addis 2, 12
; DEFAULT-OFF:       blr
; DEFAULT-ON-LABEL:  c_func:
; DEFAULT-ON-NOT:    addis 2, 12
; DEFAULT-ON:        blr
define i64 @c_func(i64 %a) "ppc-go-abi"="false" {
  %r = add i64 %a, 1
  ret i64 %r
}

; DEFAULT-OFF-LABEL: unmarked:
; DEFAULT-OFF-NOT:   addis 2, 12
; DEFAULT-OFF:       blr
; DEFAULT-ON-LABEL:  unmarked:
; DEFAULT-ON:        addis 2, 12, .TOC.-.Lfunc_gep2@ha
define i64 @unmarked(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}
