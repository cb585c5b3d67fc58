; Rule 7, r30: under register pressure (32 values live at once, across a
; call and in a leaf) nothing in an enabled function names r30, at any
; optimisation level, in every mode, on both LLVM majors. Stock LLVM (STOCK)
; allocates r30 and saves it, and so does the plugin without the option or
; with the r30 half switched off (a negative control).
;
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -O0 -relocation-model=pic < %s \
; RUN:   | FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -O1 -relocation-model=static < %s \
; RUN:   | FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -O2 -relocation-model=pic < %s \
; RUN:   | FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_go -ppc-go-fixed-regs -verify-machineinstrs -O3 -relocation-model=static < %s \
; RUN:   | FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-abi -ppc-go-dynlink -O2 -relocation-model=pic < %s \
; RUN:   | FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-abi -O0 -relocation-model=static < %s \
; RUN:   | FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_go -ppc-go-fixed-regs -filetype=obj -relocation-model=pic -o %t.o < %s
; RUN: llvm-objdump -d --no-show-raw-insn %t.o \
; RUN:   | FileCheck %s --check-prefix=OBJ --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'
; RUN: %llc_stock -O2 -relocation-model=pic < %s | FileCheck %s --check-prefix=STOCK
; RUN: %llc_go -O2 -relocation-model=pic < %s | FileCheck %s --check-prefix=STOCK
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-fixed-regs-disable=r30 -O2 -relocation-model=pic < %s \
; RUN:   | FileCheck %s --check-prefix=STOCK
; Negative control: with the rule switched off (-ppc-go-fixed-regs-disable, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -ppc-go-fixed-regs -ppc-go-fixed-regs-disable=r30 -relocation-model=pic < %s \
; RUN:   | not FileCheck %s --implicit-check-not='{{[[:space:]]30,|, 30$|, 30,}}'

; CHECK-LABEL: across_call:
; CHECK:       blr
; CHECK-LABEL: leaf:
; CHECK:       blr
; OBJ-LABEL:   <across_call>:
; OBJ:         blr
; OBJ-LABEL:   <leaf>:
; OBJ:         blr
; STOCK-LABEL: across_call:
; STOCK:       std 30, {{-?[0-9]+}}(1)
; STOCK:       ld 30, {{-?[0-9]+}}(1)
; STOCK:       blr

declare void @ext(i64)

define void @across_call(ptr %p) {
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
  call void @ext(i64 %a0)
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

define void @leaf(ptr %p) {
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
