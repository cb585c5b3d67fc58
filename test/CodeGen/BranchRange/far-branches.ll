; The deferreturn pads add 8 bytes per call after LLVM's prologue insertion
; and scheduling. Conditional branches that spanned just under 32 KiB before
; span twice that afterwards: they must still reach their targets. On LLVM 22
; the rules run before ppc-branch-select; on LLVM 19 they run in the
; AsmPrinter hook, which re-runs the branch selector. The encoded targets are
; followed in the object file (a mis-encoded 14-bit displacement lands
; elsewhere without any error from llc).
;
; RUN: %python %S/Inputs/far-branches.py 4000 > %t.ll
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -filetype=obj %t.ll -o %t.o
; RUN: llvm-objdump -d --no-show-raw-insn %t.o > %t.dis
; RUN: %python %S/Inputs/check-branch-targets.py forward "xori 0, 0, 4660" first < %t.dis
; RUN: %python %S/Inputs/check-branch-targets.py backward "xori 0, 0, 4661" last < %t.dis
; Before the plugin's instructions the branches were short (in range):
; RUN: %llc_stock -relocation-model=pic -filetype=obj %t.ll -o %t.stock.o
; RUN: llvm-objdump -d --no-show-raw-insn %t.stock.o > %t.stock.dis
; RUN: %python %S/Inputs/check-branch-targets.py forward "xori 0, 0, 4660" first < %t.stock.dis \
; RUN:   | FileCheck %s --check-prefix=SHORT
; And the plugin did add the pads that push them out of range:
; RUN: FileCheck %s --check-prefix=PADS < %t.dis
; Negative control (LLVM 19): without the second branch selection the same
; check catches the mis-encoded branch.
; RUN: %if llvm-19 %{ \
; RUN:   %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-rerun-branch-select=false \
; RUN:     -filetype=obj %t.ll -o %t.broken.o && \
; RUN:   llvm-objdump -d --no-show-raw-insn %t.broken.o > %t.broken.dis && \
; RUN:   not %python %S/Inputs/check-branch-targets.py forward "xori 0, 0, 4660" first < %t.broken.dis %}

; SHORT: forward: branch at {{0x[0-9a-f]+}}: b{{[a-z]*}} {{.*}} -> {{0x[0-9a-f]+}}: xori 0, 0, 4660
; PADS-LABEL: <forward>:
; PADS:       nop
; PADS-NEXT:  ld 2, 24(1)
; PADS-NEXT:  bl
; PADS-NEXT:  nop
