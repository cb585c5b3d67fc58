; The stub's frame holds the C function's measured stack use: its own
; .stack_sizes entry, plus the deepest of its callees' bounds or ELFv2's
; 288-byte red zone. A function whose use has no bound is refused, with the
; chain of calls that leads to the reason.
;
; Stock llc resolves deep's call to the static helper in the same section
; without a relocation: that edge comes from the IR. With the plugin, the
; helper has a global entry and the call keeps its relocation.
; RUN: %llc_stock -O2 -relocation-model=pic -stack-size-section -filetype=obj %s -o %t.stock.o
; RUN: %llc_go -ppc-go-abi -O2 -relocation-model=pic -stack-size-section -filetype=obj %s -o %t.go.o
; RUN: llvm-readelf -r %t.stock.o | FileCheck %s --check-prefix=RELOCS
; RELOCS-NOT: helper
; RUN: for obj in stock go; do \
; RUN:   llvm-readelf --stack-sizes %t.$obj.o > %t.$obj.all && \
; RUN:   %ppc-go-stubs --object=%t.$obj.o --export=deep,leaf,external,twice --assume-stack=puts=1000 \
; RUN:     --go-out=%t.$obj.go --asm-out=%t.$obj.s %s && \
; RUN:   cat %t.$obj.s >> %t.$obj.all && \
; RUN:   FileCheck %s < %t.$obj.all || exit 1; done
;
; CHECK:     Stack Sizes:
; CHECK-DAG: [[#HELPER:]] helper{{$}}
; CHECK-DAG: [[#DEEP:]] deep{{$}}
; CHECK-DAG: [[#EXTERNAL:]] external{{$}}
; CHECK-DAG: [[#TWICE:]] twice{{$}}
; CHECK-DAG: 0 leaf{{$}}
; CHECK:      // Deep -> i64 deep(i64): stack bound [[#DEEP+HELPER+288]], frame [[#mul(div(DEEP+HELPER+288+15,16),16)+48]].
; CHECK-NEXT: TEXT ·Deep(SB), $[[#mul(div(DEEP+HELPER+288+15,16),16)+48]]-16
; CHECK:      // Leaf -> i64 leaf(i64): stack bound 288, frame 336.
; CHECK-NEXT: TEXT ·Leaf(SB), $336-16
; CHECK:      // External -> i64 external(ptr): stack bound [[#EXTERNAL+1000]], frame [[#mul(div(EXTERNAL+1000+15,16),16)+48]].
; CHECK:      // Twice -> i64 twice(i64): stack bound [[#TWICE+DEEP+HELPER+288]],
;
; RUN: %expect-exit 1 %ppc-go-stubs --object=%t.go.o --export=dyn,rec,ping,indirect,external,via,leaf \
; RUN:   --go-out=%t.err.go --asm-out=%t.err.s %s | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
; RUN: not ls %t.err.go %t.err.s
; ERR:      ppc-go-stubs: error: dyn: unbounded stack: dyn has no .stack_sizes entry, so it allocates stack at run time (alloca with a variable size, a variable-length array) (dyn)
; ERR-NEXT: ppc-go-stubs: error: rec: unbounded stack: recursion (rec -> rec)
; ERR-NEXT: ppc-go-stubs: error: ping: unbounded stack: recursion (ping -> pong -> ping)
; ERR-NEXT: ppc-go-stubs: error: indirect: unbounded stack: indirect makes an indirect call, whose callee's stack use is unknown (indirect); give it with --assume-indirect=indirect=BYTES
; ERR-NEXT: ppc-go-stubs: error: external: unbounded stack: calls puts, which the object does not define (external -> puts); give its stack use with --assume-stack=puts=BYTES
; ERR-NEXT: ppc-go-stubs: error: via: unbounded stack: dyn has no .stack_sizes entry, so it allocates stack at run time (alloca with a variable size, a variable-length array) (via -> dyn)
; ERR-NEXT: ppc-go-stubs: no file written

target triple = "powerpc64le-unknown-linux-gnu"

declare i64 @puts(ptr)

define internal i64 @helper(i64 %n) noinline {
  %buf = alloca [100 x i64]
  %p = getelementptr [100 x i64], ptr %buf, i64 0, i64 %n
  store volatile i64 %n, ptr %p
  %v = load volatile i64, ptr %buf
  ret i64 %v
}

define i64 @deep(i64 %n) noinline {
  %buf = alloca [40 x i64]
  %p = getelementptr [40 x i64], ptr %buf, i64 0, i64 %n
  store volatile i64 %n, ptr %p
  %r = call i64 @helper(i64 %n)
  %v = load volatile i64, ptr %buf
  %s = add i64 %r, %v
  ret i64 %s
}

; deep through two paths: the bound takes the deeper, once.
define i64 @twice(i64 %n) {
  %a = call i64 @deep(i64 %n)
  %b = call i64 @deep(i64 %a)
  ret i64 %b
}

define i64 @leaf(i64 %n) {
  %s = add i64 %n, 1
  ret i64 %s
}

define i64 @dyn(i64 %n) {
  %buf = alloca i64, i64 %n
  store volatile i64 %n, ptr %buf
  %v = load volatile i64, ptr %buf
  ret i64 %v
}

define i64 @rec(i64 %n) {
  %c = icmp eq i64 %n, 0
  br i1 %c, label %z, label %r
z:
  ret i64 0
r:
  %m = sub i64 %n, 1
  %v = call i64 @rec(i64 %m)
  %s = add i64 %v, %n
  ret i64 %s
}

define i64 @ping(i64 %n) {
  %v = call i64 @pong(i64 %n)
  ret i64 %v
}

define i64 @pong(i64 %n) {
  %c = icmp eq i64 %n, 0
  br i1 %c, label %z, label %r
z:
  ret i64 0
r:
  %m = sub i64 %n, 1
  %v = call i64 @ping(i64 %m)
  ret i64 %v
}

define i64 @indirect(ptr %f) {
  %v = call i64 %f(i64 1)
  ret i64 %v
}

define i64 @external(ptr %s) {
  %v = call i64 @puts(ptr %s)
  ret i64 %v
}

define i64 @via(i64 %n) {
  %v = call i64 @dyn(i64 %n)
  ret i64 %v
}
