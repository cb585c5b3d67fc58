; Rule 1 in the object file: R_PPC64_REL16_HA against .TOC. at +0 and
; R_PPC64_REL16_LO against .TOC.+4 at +4 of every enabled function, and
; st_other 0x60 ([<localentry>: 8]). Stock LLVM leaves the TOC-free leaf at
; st_other 0 without relocations (the STOCK prefix).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: llvm-readelf -s %t.o | FileCheck %s --check-prefix=SYMS
; RUN: llvm-objdump -d -r --no-show-raw-insn %t.o | FileCheck %s --check-prefix=RELOCS
; RUN: %llc_stock -relocation-model=pic -filetype=obj -o %t.stock.o < %s
; RUN: llvm-readelf -s %t.stock.o | FileCheck %s --check-prefix=STOCK
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=global-entry -filetype=obj \
; RUN:   -o %t.off.o < %s
; RUN: llvm-readelf -s %t.off.o | not FileCheck %s --check-prefix=SYMS

; SYMS-DAG:  FUNC    GLOBAL DEFAULT [<other: 0x60>] {{[0-9]+}} leaf
; SYMS-DAG:  FUNC    GLOBAL DEFAULT [<other: 0x60>] {{[0-9]+}} calls
; STOCK:     FUNC    GLOBAL DEFAULT {{[0-9]+}} leaf

; RELOCS-LABEL: <leaf>:
; RELOCS-NEXT:  addis 2, 12, 0
; RELOCS-NEXT:  R_PPC64_REL16_HA .TOC.
; RELOCS-NEXT:  addi 2, 2, 0
; RELOCS-NEXT:  R_PPC64_REL16_LO .TOC.+0x4
; RELOCS-NEXT:  addi 3, 3, 1
; RELOCS-LABEL: <calls>:
; RELOCS-NEXT:  addis 2, 12, 0
; RELOCS-NEXT:  R_PPC64_REL16_HA .TOC.
; RELOCS-NEXT:  addi 2, 2, 0
; RELOCS-NEXT:  R_PPC64_REL16_LO .TOC.+0x4

declare void @ext()

define i64 @leaf(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}

define void @calls() {
  call void @ext()
  ret void
}
