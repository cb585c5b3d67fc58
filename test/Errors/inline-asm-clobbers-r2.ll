; Inline asm that writes or clobbers r2 breaks rule 6: an error naming the
; function and the asm, in every mode.
;
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: not %llc_go -relocation-model=static -ppc-go-abi -o /dev/null < %s 2>&1 | FileCheck %s
; (Reading r2 is fine: CodeGen/ReservedRegisters/inline-asm-reads-r2.ll.)

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
