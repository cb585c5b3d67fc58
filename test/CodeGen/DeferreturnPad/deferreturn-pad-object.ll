; Rule 5 in the object file: the two words before the bl that carries the
; R_PPC64_REL24 relocation against runtime.deferreturn are 0x60000000 and
; 0xe8410018 (PIC) or 0x60000000 twice (static).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.pic.o < %s
; RUN: llvm-objdump -d -r %t.pic.o | FileCheck %s --check-prefix=PIC
; RUN: %llc_go -relocation-model=static -ppc-go-abi -filetype=obj -o %t.static.o < %s
; RUN: llvm-objdump -d -r %t.static.o | FileCheck %s --check-prefix=STATIC
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=deferreturn-pad -filetype=obj \
; RUN:   -o %t.off.o < %s
; RUN: llvm-objdump -d -r %t.off.o | not FileCheck %s --check-prefix=PIC

declare void @runtime.deferreturn()

; PIC-LABEL:    <f>:
; PIC:          00 00 00 60 nop
; PIC-NEXT:     18 00 41 e8 ld 2, 24(1)
; PIC-NEXT:     bl
; PIC-NEXT:     R_PPC64_REL24 runtime.deferreturn
; STATIC-LABEL: <f>:
; STATIC:       00 00 00 60 nop
; STATIC-NEXT:  00 00 00 60 nop
; STATIC-NEXT:  bl
; STATIC-NEXT:  R_PPC64_REL24 runtime.deferreturn
define void @f() {
  call void @runtime.deferreturn()
  ret void
}
