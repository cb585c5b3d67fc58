; Rule 1: every enabled function gets the global entry prologue and a local
; entry 8 bytes in, TOC-free leaves included; stock LLVM gives a TOC-free
; leaf none (the STOCK prefix proves the test sees the difference).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s --check-prefix=GO
; RUN: %llc_stock -relocation-model=pic < %s | FileCheck %s --check-prefix=STOCK
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 < %s | FileCheck %s --check-prefix=GO
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O3 -verify-machineinstrs < %s | FileCheck %s --check-prefix=GO
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=global-entry < %s \
; RUN:   | not FileCheck %s --check-prefix=GO

@counter = global i64 0

; GO-LABEL: leaf:
; GO:       .Lfunc_gep0:
; GO-NEXT:  addis 2, 12, .TOC.-.Lfunc_gep0@ha
; GO-NEXT:  addi 2, 2, .TOC.-.Lfunc_gep0@l
; GO-NEXT:  .Lfunc_lep0:
; GO-NEXT:  .localentry leaf, .Lfunc_lep0-.Lfunc_gep0
; STOCK-LABEL: leaf:
; STOCK-NOT:   addis 2, 12
; STOCK-NOT:   .localentry
; STOCK:       blr
define i64 @leaf(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}

; A function with nothing but a return.
; GO-LABEL: empty:
; GO:       .Lfunc_gep1:
; GO-NEXT:  addis 2, 12, .TOC.-.Lfunc_gep1@ha
; GO-NEXT:  addi 2, 2, .TOC.-.Lfunc_gep1@l
; GO-NEXT:  .Lfunc_lep1:
; GO-NEXT:  .localentry empty, .Lfunc_lep1-.Lfunc_gep1
; GO-NOT:   {{addis|addi}} 2,
; GO:       blr
define void @empty() {
  ret void
}

; A function LLVM already gives the prologue (it reads the TOC) keeps exactly
; one.
; GO-LABEL: uses_toc:
; GO:       .Lfunc_gep2:
; GO-NEXT:  addis 2, 12, .TOC.-.Lfunc_gep2@ha
; GO-NEXT:  addi 2, 2, .TOC.-.Lfunc_gep2@l
; GO-NEXT:  .Lfunc_lep2:
; GO-NEXT:  .localentry uses_toc, .Lfunc_lep2-.Lfunc_gep2
; GO-NOT:   addis 2, 12
; GO:       blr
define i64 @uses_toc() {
  %v = load i64, ptr @counter
  ret i64 %v
}

; The body is unreachable: no instruction at all, still a global entry.
; GO-LABEL: nothing:
; GO:       .Lfunc_gep3:
; GO-NEXT:  addis 2, 12, .TOC.-.Lfunc_gep3@ha
; GO-NEXT:  addi 2, 2, .TOC.-.Lfunc_gep3@l
; GO-NEXT:  .Lfunc_lep3:
; GO-NEXT:  .localentry nothing, .Lfunc_lep3-.Lfunc_gep3
define void @nothing() {
  unreachable
}
