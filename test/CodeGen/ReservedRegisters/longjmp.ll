; Rule 6: __builtin_longjmp restores the TOC that __builtin_setjmp saved in
; the jump buffer (`ld 2,24(rB)`, then `bctr` to the resume address). That
; write of r2 is accepted, by the plugin and by the checker; a load into r2
; from anywhere else is still an error that says what it found.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 < %s | FileCheck %s --check-prefix=O0
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink < %s | FileCheck %s
; RUN: %llc_go -relocation-model=static -ppc-go-abi -ppc-go-version=1.19 < %s | FileCheck %s --check-prefix=O0
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: %ppc-go-abi-check --mode=shared %t.o | FileCheck %s --check-prefix=CHECKER
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -filetype=obj -o %t.dyn.o < %s
; RUN: %ppc-go-abi-check --mode=dynlink %t.dyn.o | FileCheck %s --check-prefix=CHECKER

; CHECK-LABEL: jumper:
; CHECK:       ld 1, 16([[BUF:[0-9]+]])
; CHECK-NEXT:  mtctr [[IP:[0-9]+]]
; CHECK-NEXT:  ld 30, 32([[BUF]])
; CHECK-NEXT:  ld 2, 24([[BUF]])
; CHECK-NEXT:  bctr
; O0-LABEL:    jumper:
; O0:          ld 1, 16([[BUF:[0-9]+]])
; O0:          ld 2, 24([[BUF]])
; O0:          bctr
; CHECK-LABEL: catcher:
; CHECK:       std 2, 24(1)
; CHECKER: 2 of 2 functions checked, 0 violations

@buf = internal global [5 x ptr] zeroinitializer, align 8

define void @jumper(i32 signext %v) noinline {
  %z = icmp eq i32 %v, 0
  br i1 %z, label %out, label %jump
jump:
  call void @llvm.eh.sjlj.longjmp(ptr @buf)
  unreachable
out:
  ret void
}

define signext i32 @catcher() {
  %fp = call ptr @llvm.frameaddress.p0(i32 0)
  store ptr %fp, ptr @buf
  %sp = call ptr @llvm.stacksave.p0()
  store ptr %sp, ptr getelementptr (i8, ptr @buf, i64 16)
  %r = call i32 @llvm.eh.sjlj.setjmp(ptr @buf)
  %z = icmp eq i32 %r, 0
  br i1 %z, label %call, label %back
call:
  call void @jumper(i32 1)
  ret i32 0
back:
  ret i32 1
}

declare void @llvm.eh.sjlj.longjmp(ptr)
declare i32 @llvm.eh.sjlj.setjmp(ptr)
declare ptr @llvm.frameaddress.p0(i32)
declare ptr @llvm.stacksave.p0()
