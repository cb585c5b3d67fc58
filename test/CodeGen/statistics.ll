; -stats (or -ppc-go-abi-stats) reports what each rule pass changed, also
; with LLVM builds whose own STATISTICs are compiled out (Debian's).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -stats -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -ppc-go-abi-stats -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %s 2>&1 | count 0

; CHECK:      PPCGoABI statistics
; CHECK-DAG:  2 ppc-go-deferreturn-pad - Instructions added by deferreturn pads
; CHECK-DAG:  1 ppc-go-deferreturn-pad - Deferreturn calls padded
; CHECK-DAG:  1 ppc-go-dynlink-call - Calls given a trailing nop
; CHECK-DAG:  1 ppc-go-dynlink-call - Calls that already had a trailing nop
; CHECK-DAG:  2 ppc-go-global-entry - Global entry prologues added to TOC-free functions
; CHECK-DAG:  1 ppc-go-global-entry - Functions that already had a global entry prologue
; CHECK-DAG:  1 ppc-go-toc-save - TOC saves inserted after a stack allocation

declare void @runtime.deferreturn()

define dso_local void @leaf() {
  ret void
}

define i64 @leaf2(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}

define void @caller() {
  call void @leaf()
  call void @runtime.deferreturn()
  ret void
}
