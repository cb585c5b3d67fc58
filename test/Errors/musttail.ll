; A musttail call cannot be honoured where the rules need a real call: to
; deferreturn (rule 5, the pad needs a return address) and under dynlink
; (rule 4, no tail branch may leave the module). Both are errors naming the
; function and the rule, not a crash.
;
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefixes=CHECK,DYNLINK
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefixes=CHECK,SHARED

declare void @runtime.deferreturn()
define dso_local void @local() {
  ret void
}

; CHECK:   error: {{.*}}in function defer {{.*}}ppc-go-abi: rule 'deferreturn-pad': a musttail call to runtime.deferreturn cannot be padded; it must be a call
define void @defer() {
  musttail call void @runtime.deferreturn()
  ret void
}

; DYNLINK: error: {{.*}}in function jump {{.*}}ppc-go-abi: rule 'dynlink-call': a musttail call would be a tail branch, which may leave the module under dynlink
; SHARED-NOT: in function jump
; CHECK-NOT: LLVM ERROR
define void @jump() {
  musttail call void @local()
  ret void
}
