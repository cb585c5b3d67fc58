; The large code model gives each function LLVM's own entry (`.quad .TOC.-f`
; before it; `ld 2,-8(12); add 2,2,12`), which is not Go's `addis/addi`
; entry. It is refused, by option or module flag, with an error naming the
; function and the code model; medium (the default) and small keep working.
;
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -code-model=large -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=LARGE
; RUN: sed 's/^;FLAG://' %s > %t.flag.ll
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %t.flag.ll 2>&1 | FileCheck %s --check-prefix=LARGE
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -code-model=medium < %s | FileCheck %s --check-prefix=GO
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -code-model=small < %s | FileCheck %s --check-prefix=GO
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s --check-prefix=GO
; Without the plugin enabled, the large model compiles as before.
; RUN: %llc_go -relocation-model=pic -code-model=large < %s | FileCheck %s --check-prefix=STOCK

; LARGE: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': code model 'large' (-mcmodel=large, -code-model=large) is not supported
; GO-LABEL:   f:
; GO:         addis 2, 12, .TOC.-.Lfunc_gep0@ha
; GO-NEXT:    addi 2, 2, .TOC.-.Lfunc_gep0@l
; STOCK:      .quad .TOC.-.Lfunc_gep0
; STOCK:      ld 2, .Lfunc_toc0-.Lfunc_gep0(12)
; STOCK-NEXT: add 2, 2, 12

@g = global i64 0
declare void @ext()

define i64 @f() {
  call void @ext()
  %v = load i64, ptr @g
  ret i64 %v
}

;FLAG:!llvm.module.flags = !{!0}
;FLAG:!0 = !{i32 1, !"Code Model", i32 4}
