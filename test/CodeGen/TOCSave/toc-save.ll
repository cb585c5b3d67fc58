; Rule 2: a function that calls stores r2 at 24(r1) right after allocating
; its frame, once; a leaf, even with a frame, saves nothing. Stock LLVM saves
; only around indirect calls (STOCK).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O0 -verify-machineinstrs < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O1 < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -O3 < %s | FileCheck %s
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink < %s | FileCheck %s
; RUN: %llc_stock -relocation-model=pic < %s | FileCheck %s --check-prefix=STOCK
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=toc-save < %s \
; RUN:   | not FileCheck %s

declare void @ext()
declare void @use(ptr)

; CHECK-LABEL: direct:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl ext
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       blr
; STOCK-LABEL: direct:
; STOCK-NOT:   std 2, 24(1)
; STOCK:       blr
define void @direct() {
  call void @ext()
  call void @ext()
  ret void
}

; LLVM's own save for the indirect call is replaced by the prologue's, so
; there is still exactly one; at -O0 the copy of r2 it stored (`mr 3, 2`)
; goes with it.
; CHECK-LABEL: indirect:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   {{std [0-9]+, 24\(1\)|mr [0-9]+, 2$}}
; CHECK:       bctrl
; CHECK-NEXT:  ld 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bctrl
; CHECK-NEXT:  ld 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       blr
define void @indirect(ptr %f, ptr %g) {
  call void %f()
  call void %g()
  ret void
}

; A leaf with a frame saves nothing (Go: "Leaf functions (even with a frame)
; do not").
; CHECK-LABEL: leaf_with_frame:
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       blr
define i64 @leaf_with_frame(i64 %i) {
  %buf = alloca [64 x i64]
  %p = getelementptr [64 x i64], ptr %buf, i64 0, i64 %i
  store volatile i64 %i, ptr %p
  %q = getelementptr [64 x i64], ptr %buf, i64 0, i64 3
  %v = load volatile i64, ptr %q
  ret i64 %v
}

; Over 32 KiB of frame: stdux allocates it.
; CHECK-LABEL: big_frame:
; CHECK:       stdux 1, 1, 0
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl use
; CHECK:       blr
define void @big_frame() {
  %buf = alloca [40000 x i8]
  call void @use(ptr %buf)
  ret void
}

; A dynamic alloca moves r1 after the prologue: the new frame bottom gets its
; own save before the call.
; CHECK-LABEL: dynamic_alloca:
; CHECK:       stdu 1, -{{[0-9]+}}(1)
; CHECK-NEXT:  std 2, 24(1)
; CHECK:       stdux {{[0-9]+}}, 1, {{[0-9]+}}
; CHECK-NEXT:  std 2, 24(1)
; CHECK-NOT:   std {{[0-9]+}}, 24(1)
; CHECK:       bl use
; CHECK:       blr
define void @dynamic_alloca(i64 %n) {
  %p = alloca i8, i64 %n
  call void @use(ptr %p)
  ret void
}
