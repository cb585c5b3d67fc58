; LLVM 22's llc loads the plugin with --load-pass-plugin (it exports
; llvmGetPassPluginInfo); the result is the same as with -load. LLVM 19's llc
; has no such option (LLVM19): there -load is the way.
;
; RUN: %if load-pass-plugin %{ \
; RUN:   llc --load-pass-plugin=%plugin -mtriple=powerpc64le-unknown-linux-gnu \
; RUN:     -relocation-model=pic -ppc-go-abi < %s > %t.pass-plugin.s && \
; RUN:   %llc_go -relocation-model=pic -ppc-go-abi < %s > %t.load.s && \
; RUN:   FileCheck %s < %t.pass-plugin.s && \
; RUN:   diff %t.load.s %t.pass-plugin.s %} \
; RUN: %else %{ \
; RUN:   not llc --load-pass-plugin=%plugin -mtriple=powerpc64le-unknown-linux-gnu \
; RUN:     -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=LLVM19 %}

; LLVM19: Unknown command line argument '--load-pass-plugin={{.*}}PPCGoABI.so'

declare void @ext()

; CHECK-LABEL: f:
; CHECK:       addis 2, 12, .TOC.-.Lfunc_gep0@ha
; CHECK:       stdu 1, -32(1)
; CHECK-NEXT:  std 2, 24(1)
define void @f() {
  call void @ext()
  ret void
}
