; An excluded function (no global entry prologue) that needs the TOC pointer
; would get LLVM's prologue anyway, or run with a foreign r2: an error naming
; it and the instruction.
;
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %s 2>&1 | FileCheck %s
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-no-toc-prologue=calls.out -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=CALLS

@g = global i64 0
declare void @ext()

; CHECK: error: {{.*}}in function runtime.duffzero {{.*}}ppc-go-abi: rule 'global-entry': function is excluded from the global entry prologue (-ppc-go-no-toc-prologue) but needs the TOC pointer r2: {{.*}}$x2
define i64 @runtime.duffzero() {
  %v = load i64, ptr @g
  ret i64 %v
}

; CALLS: error: {{.*}}in function calls.out {{.*}}rule 'global-entry': function is excluded {{.*}}but needs the TOC pointer r2: {{.*}}ext
define void @calls.out() {
  call void @ext()
  ret void
}
