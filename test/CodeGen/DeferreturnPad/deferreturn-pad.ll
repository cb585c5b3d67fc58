; Rule 5: every call to runtime.deferreturn is preceded by exactly the seed's
; pad (Go 1.6-1.17): a nop, then ld 2,24(1) with PIC or a second nop without;
; a tail call to it becomes a real call; Go 1.18+ has no pad. Stock LLVM pads
; nothing (NOPAD). Several calls in one function are checked one return path
; at a time (EARLY, LATE), since block order is LLVM's choice.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -verify-machineinstrs < %s > %t.pic.s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 < %s > %t.pic0.s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -O3 < %s > %t.dyn.s
; RUN: %llc_go -relocation-model=static -ppc-go-abi < %s > %t.static.s
; RUN: %llc_go -relocation-model=static -ppc-go-abi -O0 < %s > %t.static0.s
; RUN: FileCheck %s --check-prefixes=CHECK,PIC < %t.pic.s
; RUN: FileCheck %s --check-prefixes=CHECK,PIC < %t.pic0.s
; RUN: FileCheck %s --check-prefixes=CHECK,PIC < %t.dyn.s
; RUN: FileCheck %s --check-prefixes=CHECK,STATIC < %t.static.s
; RUN: FileCheck %s --check-prefixes=CHECK,STATIC < %t.static0.s
; RUN: FileCheck %s --check-prefixes=EARLY,EARLY-PIC < %t.pic.s
; RUN: FileCheck %s --check-prefixes=EARLY,EARLY-PIC < %t.pic0.s
; RUN: FileCheck %s --check-prefixes=EARLY,EARLY-STATIC < %t.static.s
; RUN: FileCheck %s --check-prefixes=LATE,LATE-PIC < %t.pic.s
; RUN: FileCheck %s --check-prefixes=LATE,LATE-PIC < %t.dyn.s
; RUN: FileCheck %s --check-prefixes=LATE,LATE-STATIC < %t.static0.s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-version=1.18 < %s \
; RUN:   | FileCheck %s --check-prefix=NOPAD
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-version=go1.21.3 < %s \
; RUN:   | FileCheck %s --check-prefix=NOPAD
; RUN: %llc_stock -relocation-model=pic < %s | FileCheck %s --check-prefix=NOPAD
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=deferreturn-pad < %s \
; RUN:   | not FileCheck %s --check-prefixes=CHECK,PIC
; RUN: %llc_go -relocation-model=static -ppc-go-abi -ppc-go-abi-disable-rule=deferreturn-pad < %s \
; RUN:   | not FileCheck %s --check-prefixes=CHECK,STATIC

declare void @runtime.deferreturn()
declare void @ext()

; CHECK-LABEL: one_defer:
; CHECK:       bl ext
; CHECK-NEXT:  nop
; CHECK-NEXT:  nop
; PIC-NEXT:    ld 2, 24(1)
; STATIC-NEXT: nop
; CHECK-NEXT:  bl runtime.deferreturn
; CHECK-NEXT:  nop
; NOPAD-LABEL: one_defer:
; NOPAD:       bl ext
; NOPAD-NEXT:  nop
; NOPAD-NEXT:  bl runtime.deferreturn
define void @one_defer() {
  call void @ext()
  call void @runtime.deferreturn()
  ret void
}

; deferreturn on two return paths, one of them after a loop: both calls are
; padded.
; CHECK-LABEL:       two_paths:
; CHECK-COUNT-2:     bl runtime.deferreturn
; CHECK-NOT:         bl runtime.deferreturn
; CHECK:             .Lfunc_end
; EARLY-LABEL:       two_paths:
; EARLY:             # %early
; EARLY-NEXT:        nop
; EARLY-PIC-NEXT:    ld 2, 24(1)
; EARLY-STATIC-NEXT: nop
; EARLY-NEXT:        bl runtime.deferreturn
; EARLY-NEXT:        nop
; LATE-LABEL:        two_paths:
; LATE:              # %late
; LATE-NEXT:         nop
; LATE-PIC-NEXT:     ld 2, 24(1)
; LATE-STATIC-NEXT:  nop
; LATE-NEXT:         bl runtime.deferreturn
; LATE-NEXT:         nop
define i64 @two_paths(i64 %n) {
entry:
  %c = icmp eq i64 %n, 0
  br i1 %c, label %early, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  call void @ext()
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %late, label %loop
early:
  call void @runtime.deferreturn()
  ret i64 1
late:
  call void @runtime.deferreturn()
  ret i64 2
}

; A call in tail position would be `b runtime.deferreturn`; it must return
; into the pad.
; CHECK-LABEL: tail_position:
; CHECK:       nop
; PIC-NEXT:    ld 2, 24(1)
; STATIC-NEXT: nop
; CHECK-NEXT:  bl runtime.deferreturn
; CHECK-NOT:   b runtime.deferreturn
; CHECK:       blr
define void @tail_position() {
  tail call void @runtime.deferreturn()
  ret void
}
