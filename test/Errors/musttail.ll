; A musttail call cannot be honoured where the rules need a real call: to
; deferreturn (rule 5, the pad needs a return address), and under dynlink to
; a callee that may be in another module (rule 4: a preemptible symbol), or
; to any callee with -ppc-go-dynlink-tail-calls=none. Each is an error naming
; the function and the rule, not a crash; a musttail call to a hidden callee
; is kept under dynlink.
;
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefixes=CHECK,DYNLINK
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -ppc-go-dynlink-tail-calls=none \
; RUN:   -o /dev/null < %s 2>&1 | FileCheck %s --check-prefixes=CHECK,NONE
; Without dynlink only the deferreturn call is the plugin's concern (stock
; LLVM itself aborts on a musttail call to a preemptible callee, so that
; function is left out):
; RUN: sed '/^define void @jump_external/,/^}/d' %s \
; RUN:   | not %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null 2>&1 \
; RUN:   | FileCheck %s --check-prefixes=CHECK,SHARED

declare void @runtime.deferreturn()
declare void @ext()
define hidden void @local() {
  ret void
}

; CHECK:   error: {{.*}}in function defer {{.*}}ppc-go-abi: rule 'deferreturn-pad': a musttail call to runtime.deferreturn cannot be padded; it must be a call
define void @defer() {
  musttail call void @runtime.deferreturn()
  ret void
}

; DYNLINK-NOT: in function jump_local
; NONE:    error: {{.*}}in function jump_local {{.*}}ppc-go-abi: rule 'dynlink-call': a musttail call would be a tail branch, and -ppc-go-dynlink-tail-calls=none allows none
; SHARED-NOT: in function jump_local
define void @jump_local() {
  musttail call void @local()
  ret void
}

; DYNLINK: error: {{.*}}in function jump_external {{.*}}ppc-go-abi: rule 'dynlink-call': a musttail call would be a tail branch to a callee that is preemptible, which may leave the module under dynlink
; NONE:    error: {{.*}}in function jump_external {{.*}}ppc-go-abi: rule 'dynlink-call': a musttail call would be a tail branch, and -ppc-go-dynlink-tail-calls=none allows none
; SHARED-NOT: in function jump_external
; CHECK-NOT: LLVM ERROR
define void @jump_external() {
  musttail call void @ext()
  ret void
}
