; Rule 2 in the object file: the word after the frame allocation is
; std 2,24(1) (0xf8410018), in every function that calls.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: llvm-objdump -d %t.o | FileCheck %s
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=toc-save -filetype=obj \
; RUN:   -o %t.off.o < %s
; RUN: llvm-objdump -d %t.off.o | not FileCheck %s

declare void @ext()

; CHECK-LABEL: <direct>:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  18 00 41 f8   std 2, 24(1)
; CHECK:       bl
define void @direct() {
  call void @ext()
  ret void
}

; CHECK-LABEL: <shrink_wrapped>:
; CHECK:       bc
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  18 00 41 f8   std 2, 24(1)
; CHECK:       bl
define void @shrink_wrapped(i1 %c) {
  br i1 %c, label %call, label %done
call:
  call void @ext()
  br label %done
done:
  ret void
}
