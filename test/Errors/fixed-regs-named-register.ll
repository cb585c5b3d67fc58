; Rule 7: a global register variable on r30 (llvm.read_register or
; llvm.write_register of "r30") in a function with -ppc-go-fixed-regs is an
; error naming the function and the rule, not LLVM's fatal "Invalid register
; name global variable".
;
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=pic -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=static -O0 -o /dev/null < %s 2>&1 | FileCheck %s

; CHECK: error: {{.*}}in function reads_g {{.*}}ppc-go-abi: rule 'fixed-regs': a global register variable on r30 (llvm.read_register/llvm.write_register) accesses r30, which holds Go's g
; CHECK: error: {{.*}}in function writes_g {{.*}}ppc-go-abi: rule 'fixed-regs': a global register variable on r30
; CHECK-NOT: LLVM ERROR
; CHECK-NOT: Invalid register name

define i64 @reads_g() {
  %g = call i64 @llvm.read_register.i64(metadata !0)
  ret i64 %g
}

define void @writes_g(i64 %v) {
  call void @llvm.write_register.i64(metadata !0, i64 %v)
  ret void
}

declare i64 @llvm.read_register.i64(metadata)
declare void @llvm.write_register.i64(metadata, i64)
!0 = !{!"r30"}
