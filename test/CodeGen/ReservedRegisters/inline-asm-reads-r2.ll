; Inline asm may read r2 (the TOC pointer); only writing or clobbering it
; is an error (Errors/inline-asm-clobbers-r2.ll).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s

; CHECK-LABEL: reads:
; CHECK:       addis 2, 12, .TOC.-.Lfunc_gep0@ha
; CHECK:       #APP
; CHECK-NEXT:  mr 3, 2
; CHECK-NEXT:  #NO_APP
define i64 @reads() {
  %r = call i64 asm sideeffect "mr $0, 2", "=r"()
  ret i64 %r
}
