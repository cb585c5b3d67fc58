; Rule 6: r2 is never allocated as an ordinary register in an enabled
; function. Thirty-two values live at once in a TOC-free leaf: stock LLVM
; spills r2 and uses it (STOCK); with the plugin nothing after the global
; entry names r2, in every mode.
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 < %s | FileCheck %s
; RUN: %llc_go -relocation-model=static -ppc-go-abi < %s | FileCheck %s --check-prefix=STATIC
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -O3 < %s | FileCheck %s
; RUN: %llc_stock -relocation-model=pic < %s | FileCheck %s --check-prefix=STOCK
; The seed (Go 1.6-1.7) reserved r2 only with -shared: in static mode it is
; an ordinary register again.
; RUN: %llc_go -relocation-model=static -ppc-go-abi -ppc-go-version=1.7 < %s | FileCheck %s --check-prefix=STOCK
; RUN: %llc_go -relocation-model=static -ppc-go-abi -ppc-go-version=1.8 < %s | FileCheck %s --check-prefix=STATIC
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: llvm-objdump -d --no-show-raw-insn %t.o | FileCheck %s --check-prefix=OBJ
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=reserved-registers < %s \
; RUN:   | not FileCheck %s

; CHECK-LABEL:  pressure:
; CHECK:        addis 2, 12, .TOC.-.Lfunc_gep0@ha
; CHECK-NEXT:   addi 2, 2, .TOC.-.Lfunc_gep0@l
; CHECK-NOT:    {{[[:space:]]2, |, 2$|, 2, }}
; CHECK:        blr
; STATIC-LABEL: pressure:
; STATIC-NOT:   {{[[:space:]]2, |, 2$|, 2, }}
; STATIC:       blr
; STOCK-LABEL:  pressure:
; STOCK:        std 2, {{-?[0-9]+}}(1)
; STOCK:        ld 2, {{-?[0-9]+}}(1)
; STOCK:        blr
; OBJ-LABEL:    <pressure>:
; OBJ:          addi 2, 2, 0
; OBJ-NOT:      {{[[:space:]]2, |, 2$|, 2, }}
; OBJ:          blr
define void @pressure(ptr %p) {
  %a0 = load volatile i64, ptr %p
  %a1 = load volatile i64, ptr %p
  %a2 = load volatile i64, ptr %p
  %a3 = load volatile i64, ptr %p
  %a4 = load volatile i64, ptr %p
  %a5 = load volatile i64, ptr %p
  %a6 = load volatile i64, ptr %p
  %a7 = load volatile i64, ptr %p
  %a8 = load volatile i64, ptr %p
  %a9 = load volatile i64, ptr %p
  %a10 = load volatile i64, ptr %p
  %a11 = load volatile i64, ptr %p
  %a12 = load volatile i64, ptr %p
  %a13 = load volatile i64, ptr %p
  %a14 = load volatile i64, ptr %p
  %a15 = load volatile i64, ptr %p
  %a16 = load volatile i64, ptr %p
  %a17 = load volatile i64, ptr %p
  %a18 = load volatile i64, ptr %p
  %a19 = load volatile i64, ptr %p
  %a20 = load volatile i64, ptr %p
  %a21 = load volatile i64, ptr %p
  %a22 = load volatile i64, ptr %p
  %a23 = load volatile i64, ptr %p
  %a24 = load volatile i64, ptr %p
  %a25 = load volatile i64, ptr %p
  %a26 = load volatile i64, ptr %p
  %a27 = load volatile i64, ptr %p
  %a28 = load volatile i64, ptr %p
  %a29 = load volatile i64, ptr %p
  %a30 = load volatile i64, ptr %p
  %a31 = load volatile i64, ptr %p
  store volatile i64 %a0, ptr %p
  store volatile i64 %a1, ptr %p
  store volatile i64 %a2, ptr %p
  store volatile i64 %a3, ptr %p
  store volatile i64 %a4, ptr %p
  store volatile i64 %a5, ptr %p
  store volatile i64 %a6, ptr %p
  store volatile i64 %a7, ptr %p
  store volatile i64 %a8, ptr %p
  store volatile i64 %a9, ptr %p
  store volatile i64 %a10, ptr %p
  store volatile i64 %a11, ptr %p
  store volatile i64 %a12, ptr %p
  store volatile i64 %a13, ptr %p
  store volatile i64 %a14, ptr %p
  store volatile i64 %a15, ptr %p
  store volatile i64 %a16, ptr %p
  store volatile i64 %a17, ptr %p
  store volatile i64 %a18, ptr %p
  store volatile i64 %a19, ptr %p
  store volatile i64 %a20, ptr %p
  store volatile i64 %a21, ptr %p
  store volatile i64 %a22, ptr %p
  store volatile i64 %a23, ptr %p
  store volatile i64 %a24, ptr %p
  store volatile i64 %a25, ptr %p
  store volatile i64 %a26, ptr %p
  store volatile i64 %a27, ptr %p
  store volatile i64 %a28, ptr %p
  store volatile i64 %a29, ptr %p
  store volatile i64 %a30, ptr %p
  store volatile i64 %a31, ptr %p
  ret void
}
