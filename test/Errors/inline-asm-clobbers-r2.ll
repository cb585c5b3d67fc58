; Inline asm that writes or clobbers r2 breaks rule 6: an error naming the
; function and the asm, in every mode.
;
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: not %llc_go -relocation-model=static -ppc-go-abi -o /dev/null < %s 2>&1 | FileCheck %s
; Reading r2 is fine.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -o - < %s 2>&1 | FileCheck %s --check-prefix=READ

; CHECK: error: {{.*}}in function clobbers {{.*}}ppc-go-abi: rule 'reserved-registers': inline asm writes or clobbers r2, the TOC pointer: INLINEASM &{{"?}}nop
; CHECK: error: {{.*}}in function writes {{.*}}ppc-go-abi: rule 'reserved-registers': inline asm writes or clobbers r2, the TOC pointer: INLINEASM &"li 2, 0"

define void @clobbers() {
  call void asm sideeffect "nop", "~{r2}"()
  ret void
}

define void @writes() {
  call void asm sideeffect "li 2, 0", "~{r2}"()
  ret void
}

; READ-LABEL: reads:
; READ:       mr 3, 2
define i64 @reads() {
  %r = call i64 asm sideeffect "mr $0, 2", "=r"()
  ret i64 %r
}
