; Rule 7, r0: r0 is zero at every call (to a symbol, through CTR, a tail
; branch) and every return, with `li 0,0` inserted only where r0 may be
; non-zero on some path: never in a function that does not write r0, not
; between two calls to Go code (which returns with r0 == 0), once after a
; call to other code (ELFv2: r0 is volatile).
;
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -relocation-model=pic < %s | FileCheck %s
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-abi -verify-machineinstrs -relocation-model=pic < %s \
; RUN:   | FileCheck %s
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -relocation-model=static < %s \
; RUN:   | FileCheck %s --check-prefix=STATIC
; The plugin without the option, and the option with the r0 half off, do not
; zero r0 (negative controls for the CHECK lines above).
; RUN: %llc_go -relocation-model=pic < %s | not FileCheck %s
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-fixed-regs-disable=r0 -relocation-model=pic < %s \
; RUN:   | not FileCheck %s

declare void @ext(i64)
declare void @go_asm(i64) "ppc-go-fixed-regs"="true"
define hidden void @local(i64 %a) {
  ret void
}

; A leaf never writes r0: no instruction added.
; CHECK-LABEL: leaf:
; CHECK-NOT:   li 0, 0
; CHECK:       add 3, 3, 4
; CHECK-NEXT:  blr
define i64 @leaf(i64 %a, i64 %b) {
  %s = add i64 %a, %b
  ret i64 %s
}

; mflr 0 makes r0 non-zero before the first call; ext returns with r0
; unknown; go_asm returns it zero; mtlr 0 before the return.
; CHECK-LABEL: calls:
; CHECK:       mflr 0
; CHECK:       li 0, 0
; CHECK-NEXT:  bl ext
; CHECK-NEXT:  nop
; CHECK-NEXT:  mr 3, [[A:[0-9]+]]
; CHECK-NEXT:  li 0, 0
; CHECK-NEXT:  bl go_asm
; CHECK-NEXT:  nop
; CHECK-NEXT:  mr 3, [[A]]
; CHECK-NEXT:  bl go_asm
; CHECK-NEXT:  nop
; CHECK:       mtlr 0
; CHECK-NEXT:  li 0, 0
; CHECK-NEXT:  blr
define void @calls(i64 %a) {
  call void @ext(i64 %a)
  call void @go_asm(i64 %a)
  call void @go_asm(i64 %a)
  ret void
}

; Through CTR (rule 3's sequence is kept: the target in r12, the reload).
; CHECK-LABEL: indirect:
; CHECK:       mtctr 3
; CHECK-NEXT:  mr 12, 3
; CHECK-NEXT:  li 3, 1
; CHECK-NEXT:  li 0, 0
; CHECK-NEXT:  bctrl
; CHECK-NEXT:  ld 2, 24(1)
; CHECK:       mtlr 0
; CHECK-NEXT:  li 0, 0
; CHECK-NEXT:  blr
define void @indirect(ptr %f) {
  call void %f(i64 1)
  ret void
}

; A tail branch after the frame is gone (mtlr 0 first).
; STATIC-LABEL: tail_after_call:
; STATIC:       bl ext
; STATIC:       mtlr 0
; STATIC-NEXT:  li 0, 0
; STATIC-NEXT:  b local
define void @tail_after_call(i64 %a) {
  call void @ext(i64 %a)
  tail call void @local(i64 %a)
  ret void
}

; r0 written on one path only (inline asm that declares it clobbered): the
; zeroing goes where the paths meet, before the return, once.
; CHECK-LABEL: one_path:
; CHECK:       #APP
; CHECK-NEXT:  li 0, 7
; CHECK-NEXT:  #NO_APP
; CHECK:       li 0, 0
; CHECK-NEXT:  blr
; CHECK-NOT:   li 0, 0
; CHECK:       .Lfunc_end
define i64 @one_path(i64 %a) {
entry:
  %c = icmp eq i64 %a, 0
  br i1 %c, label %w, label %done
w:
  call void asm sideeffect "li 0, 7", "~{r0}"()
  br label %done
done:
  %r = phi i64 [ 1, %w ], [ 2, %entry ]
  ret i64 %r
}
