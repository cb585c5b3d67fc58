; Rule 2 across function shapes: shrink-wrapped prologues, stack restores,
; varargs calls, calls with stack arguments, several returns, loops. Each
; calling frame is followed immediately by the save, and no other save
; remains.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O2 -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O1 -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O3 -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -O2 -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 -verify-machineinstrs < %s | FileCheck %s --check-prefix=O0
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=toc-save < %s \
; RUN:   | not FileCheck %s

declare void @ext()
declare void @use(ptr)
declare i64 @varargs(i64, ...)
declare i64 @many(i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64)
declare ptr @llvm.stacksave.p0()
declare void @llvm.stackrestore.p0(ptr)

; The prologue is sunk into the block that calls; the early exit has none.
; CHECK-LABEL: shrink_wrapped:
; CHECK:       bclr
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl ext
; CHECK:       blr
; O0-LABEL:    shrink_wrapped:
; O0:          stdu 1, -{{[0-9]+}}(1)
; O0-NEXT:     std 2, 24(1)
define void @shrink_wrapped(i1 %c) {
  br i1 %c, label %call, label %done
call:
  call void @ext()
  br label %done
done:
  ret void
}

; stackrestore resets r1 to a value whose slot the alloca may have
; overwritten: the slot is refilled before the next call.
; CHECK-LABEL: stack_restore:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK:       stdux {{[0-9]+}}, 1, {{[0-9]+}}
; CHECK-NEXT:  std 2, 24(1)
; CHECK:       bl use
; CHECK:       mr 1, {{[0-9]+}}
; CHECK-NEXT:  std 2, 24(1)
; CHECK:       bl ext
; CHECK:       blr
define void @stack_restore(i64 %n) {
  %sp = call ptr @llvm.stacksave.p0()
  %p = alloca i8, i64 %n
  call void @use(ptr %p)
  call void @llvm.stackrestore.p0(ptr %sp)
  call void @ext()
  ret void
}

; CHECK-LABEL: varargs_call:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl varargs
; CHECK:       blr
define i64 @varargs_call(i64 %a) {
  %r = call i64 (i64, ...) @varargs(i64 %a, i64 1, double 2.0, i64 3)
  ret i64 %r
}

; Eleven arguments: three go to the parameter save area on the stack.
; CHECK-LABEL: stack_args:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl many
; CHECK:       blr
define i64 @stack_args(i64 %a) {
  %r = call i64 @many(i64 %a, i64 2, i64 3, i64 4, i64 5, i64 6, i64 7, i64 8, i64 9, i64 10, i64 11)
  ret i64 %r
}

; Several returns and a loop with calls.
; CHECK-LABEL: loop_returns:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl ext
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       .Lfunc_end
define i64 @loop_returns(i64 %n, i1 %early) {
entry:
  br i1 %early, label %ret0, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  call void @ext()
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %ret1, label %loop
ret0:
  ret i64 0
ret1:
  ret i64 %i.next
}
