; Rule 1's exclusions: runtime.duffzero and runtime.duffcopy get no global
; entry (callers branch to fixed offsets in them) and keep st_other 0;
; -ppc-go-no-toc-prologue replaces the list, 'prefix*' matches prefixes, and
; the default list follows -ppc-go-version (runtime.stackBarrier for Go
; 1.6-1.8, runtime.elf_* for Go 1.22+).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s \
; RUN:   | FileCheck %s --check-prefixes=CHECK,DEFAULT
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-version=1.8 < %s \
; RUN:   | FileCheck %s --check-prefixes=CHECK,GO18
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-version=1.22 < %s \
; RUN:   | FileCheck %s --check-prefixes=CHECK,GO122
; RUN: %llc_go -relocation-model=pic -ppc-go-abi \
; RUN:   -ppc-go-no-toc-prologue='asm.*,runtime.duffzero' < %s \
; RUN:   | FileCheck %s --check-prefixes=CHECK,EXPLICIT
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj -o %t.o < %s
; RUN: llvm-readelf -s %t.o | FileCheck %s --check-prefix=SYMS

; CHECK-LABEL:     runtime.duffzero:
; DEFAULT-NOT:     addis 2, 12
; DEFAULT-NOT:     .localentry
; EXPLICIT-NOT:    addis 2, 12
; CHECK:           blr
define void @runtime.duffzero(ptr %p) {
  store i64 0, ptr %p
  ret void
}

; CHECK-LABEL:     runtime.duffcopy:
; DEFAULT-NOT:     addis 2, 12
; EXPLICIT:        addis 2, 12, .TOC.-.Lfunc_gep1@ha
; CHECK:           blr
define void @runtime.duffcopy(ptr %d, ptr %s) {
  %v = load i64, ptr %s
  store i64 %v, ptr %d
  ret void
}

; CHECK-LABEL:     runtime.stackBarrier:
; GO18-NOT:        addis 2, 12
; DEFAULT:         addis 2, 12, .TOC.-.Lfunc_gep2@ha
; GO122:           addis 2, 12, .TOC.-.Lfunc_gep2@ha
; CHECK:           blr
define void @runtime.stackBarrier() {
  ret void
}

; CHECK-LABEL:     runtime.elf_savegpr0:
; GO122-NOT:       addis 2, 12
; DEFAULT:         addis 2, 12, .TOC.-.Lfunc_gep3@ha
; CHECK:           blr
define void @runtime.elf_savegpr0() {
  ret void
}

; CHECK-LABEL:     asm.helper:
; EXPLICIT-NOT:    addis 2, 12
; DEFAULT:         addis 2, 12, .TOC.-.Lfunc_gep4@ha
; CHECK:           blr
define void @asm.helper() {
  ret void
}

; SYMS-DAG: FUNC GLOBAL DEFAULT {{[0-9]+}} runtime.duffzero
; SYMS-DAG: FUNC GLOBAL DEFAULT {{[0-9]+}} runtime.duffcopy
; SYMS-DAG: FUNC GLOBAL DEFAULT [<other: 0x60>] {{[0-9]+}} asm.helper
