; Rule 7: inline asm that writes or clobbers r30 (Go's g) or r13 (the thread
; pointer) in a function with -ppc-go-fixed-regs is an error naming the
; function, the rule and the asm; so is llvm.write_register of r13. Inline asm
; that writes r0 is not an error: r0 is zeroed before the next call or return
; (CodeGen/FixedRegs/zero-r0.ll).
;
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=pic -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: not %llc_go -ppc-go-fixed-regs -ppc-go-abi -relocation-model=static -O0 -o /dev/null < %s 2>&1 | FileCheck %s
; Without the option the same input compiles.
; RUN: %llc_go -relocation-model=pic -o /dev/null < %s

; CHECK: error: {{.*}}in function clobbers_g {{.*}}ppc-go-abi: rule 'fixed-regs': inline asm writes or clobbers r30, Go's g: INLINEASM &{{"?}}nop
; CHECK: error: {{.*}}in function writes_g {{.*}}ppc-go-abi: rule 'fixed-regs': inline asm writes or clobbers r30, Go's g: INLINEASM &"li 30, 0"
; CHECK: error: {{.*}}in function clobbers_tls {{.*}}ppc-go-abi: rule 'fixed-regs': inline asm writes or clobbers r13, the thread pointer: INLINEASM &{{"?}}nop
; CHECK: error: {{.*}}in function writes_tls {{.*}}ppc-go-abi: rule 'fixed-regs': r13, the thread pointer is written (allocated, saved and restored, or used as a base pointer):

define void @clobbers_g() {
  call void asm sideeffect "nop", "~{r30}"()
  ret void
}

define void @writes_g() {
  call void asm sideeffect "li 30, 0", "~{r30}"()
  ret void
}

define void @clobbers_tls() {
  call void asm sideeffect "nop", "~{r13}"()
  ret void
}

define void @writes_tls(i64 %v) {
  call void @llvm.write_register.i64(metadata !0, i64 %v)
  ret void
}

declare void @llvm.write_register.i64(metadata, i64)
!0 = !{!"r13"}
