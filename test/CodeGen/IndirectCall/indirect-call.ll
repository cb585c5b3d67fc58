; Rule 3: an indirect call has its target in r12 (mtctr 12, or mtctr rX with
; mr 12, rX) and reloads r2 from 24(r1) right after bctrl, in shared and
; dynlink mode, at every optimisation level.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -O3 < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: llvm-objdump -d %t.o | FileCheck %s --check-prefix=OBJ

; CHECK-LABEL: call_ptr:
; CHECK:       std 2, 24(1)
; CHECK-DAG:   mtctr [[T:[0-9]+]]
; CHECK-DAG:   mr 12, [[T]]
; CHECK:       bctrl
; CHECK-NEXT:  ld 2, 24(1)
; CHECK:       blr
; OBJ-LABEL:   <call_ptr>:
; OBJ:         21 04 80 4e  bctrl
; OBJ-NEXT:    18 00 41 e8  ld 2, 24(1)
define i64 @call_ptr(ptr %f, i64 %a) {
  %r = call i64 %f(i64 %a)
  ret i64 %r
}

; A callback loaded from memory, called twice in a loop.
; CHECK-LABEL: callback_loop:
; CHECK:       bctrl
; CHECK-NEXT:  ld 2, 24(1)
; CHECK:       blr
define void @callback_loop(ptr %table, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %slot = getelementptr ptr, ptr %table, i64 %i
  %f = load ptr, ptr %slot
  call void %f()
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; A call to a constant address: LLVM loads the constant into r12 and into
; the register it moves to CTR (`li 3, 4096; li 12, 4096; mtctr 3`), or
; copies it at -O0; either way r12 holds the target and nothing is added.
; CHECK-LABEL: constant_target:
; CHECK-NOT:   mfctr
; CHECK:       li {{[0-9]+}}, 4096
; CHECK-NOT:   mfctr
; CHECK:       bctrl
; CHECK-NEXT:  ld 2, 24(1)
define void @constant_target() {
  call void inttoptr (i64 4096 to ptr)()
  ret void
}
