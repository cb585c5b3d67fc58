; Rule 7: __builtin_setjmp and __builtin_longjmp keep r30 in their buffer
; (LLVM's longjmp reloads it with `ld 30,32(rB)`, and a function calling
; setjmp saves and restores every callee-saved register), so under the
; fixed-regs rule each call is one error that names the builtin, the function
; and the rule, and nothing more (no second report of the r30 write). The
; same module compiles without the rule (negative control), and a function
; that opts out with the attribute is accepted.
;
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=pic -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=pic -O0 -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %s

; CHECK: error: {{.*}}in function jumper {{.*}}ppc-go-abi: rule 'fixed-regs': __builtin_longjmp (llvm.eh.sjlj.longjmp) saves r30 in its buffer and restores it from there; r30 holds Go's g
; CHECK: error: {{.*}}in function setter {{.*}}ppc-go-abi: rule 'fixed-regs': __builtin_setjmp (llvm.eh.sjlj.setjmp) saves r30
; CHECK-NOT: error:
; CHECK-NOT: LLVM ERROR

target triple = "powerpc64le-unknown-linux-gnu"

@buf = global [5 x ptr] zeroinitializer

define void @jumper(i32 %v) {
  %c = icmp ne i32 %v, 0
  br i1 %c, label %j, label %r
j:
  call void @llvm.eh.sjlj.longjmp(ptr @buf)
  unreachable
r:
  ret void
}

define i32 @setter() {
  %r = call i32 @llvm.eh.sjlj.setjmp(ptr @buf)
  ret i32 %r
}

define i32 @opted_out() "ppc-go-fixed-regs"="false" {
  %r = call i32 @llvm.eh.sjlj.setjmp(ptr @buf)
  ret i32 %r
}

declare i32 @llvm.eh.sjlj.setjmp(ptr)
declare void @llvm.eh.sjlj.longjmp(ptr)
