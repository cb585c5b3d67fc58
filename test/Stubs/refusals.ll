; What a stub cannot pass in one register is refused, with the function, the
; parameter (1-based, with its IR name) and the reason; every refusal of the
; command line is reported, and no file is written.
;
; RUN: %llc_go -ppc-go-abi -relocation-model=pic -stack-size-section -filetype=obj %s -o %t.o
; RUN: rm -f %t.go %t_ppc64le.s
; RUN: not %ppc-go-stubs --object=%t.o --export=wide,vec,agg,byval,sret,vararg,nine,quad,decl,local,absent,as1,odd,fast,sbool,good \
; RUN:   --go-out=%t.go --asm-out=%t_ppc64le.s %s 2>&1 | FileCheck %s --implicit-check-not=error:
; RUN: not ls %t.go %t_ppc64le.s
;
; The one acceptable function alone is exported.
; RUN: %ppc-go-stubs --object=%t.o --export=good --go-out=%t.go --asm-out=%t_ppc64le.s %s
; RUN: FileCheck %s --check-prefix=GOOD < %t.go
; GOOD: func Good(x int64) int64

target triple = "powerpc64le-unknown-linux-gnu"

%pair = type { i64, i64 }

; CHECK: ppc-go-stubs: error: wide: parameter 2 (%b) has type i128: integers wider than 64 bits take two registers
define i64 @wide(i64 %a, i128 %b) {
  %t = trunc i128 %b to i64
  ret i64 %t
}

; CHECK-NEXT: ppc-go-stubs: error: vec: parameter 1 (%v) has type <2 x i64>: vectors are passed in vector registers; only integers of at most 64 bits, pointers, float and double are supported
define i64 @vec(<2 x i64> %v) {
  %e = extractelement <2 x i64> %v, i32 0
  ret i64 %e
}

; CHECK-NEXT: ppc-go-stubs: error: agg: parameter 1 (%0) has type [2 x i64]: aggregates are passed in several registers or in memory; only integers of at most 64 bits, pointers, float and double are supported
define i64 @agg([2 x i64] %0) {
  %e = extractvalue [2 x i64] %0, 0
  ret i64 %e
}

; CHECK-NEXT: ppc-go-stubs: error: byval: parameter 1 (%p) is passed in memory (byval): only integers, pointers, float and double are passed in registers by a stub
define i64 @byval(ptr byval(%pair) %p) {
  %v = load i64, ptr %p
  ret i64 %v
}

; CHECK-NEXT: ppc-go-stubs: error: sret: parameter 1 (%r) is passed in memory (sret): only integers, pointers, float and double are passed in registers by a stub
define void @sret(ptr sret(%pair) %r) {
  store i64 1, ptr %r
  ret void
}

; CHECK-NEXT: ppc-go-stubs: error: vararg: is variadic: ELFv2 varargs need a parameter save area and Go has no C varargs
define i64 @vararg(i64 %n, ...) {
  ret i64 %n
}

; CHECK-NEXT: ppc-go-stubs: error: nine: parameter 9 (%i): more than 8 parameters: ELFv2 passes the ninth in memory
define i64 @nine(i64 %a, i64 %b, i64 %c, i64 %d, i64 %e, i64 %f, i64 %g, i64 %h, i64 %i) {
  ret i64 %i
}

; CHECK-NEXT: ppc-go-stubs: error: quad: the result has type fp128: only float and double are passed in FPRs; only integers of at most 64 bits, pointers, float and double are supported
define fp128 @quad(double %d) {
  %q = fpext double %d to fp128
  ret fp128 %q
}

; CHECK-NEXT: ppc-go-stubs: error: decl: is only declared in the module, not defined: export the functions of the module the object was compiled from
declare i64 @decl(i64)

; CHECK-NEXT: ppc-go-stubs: error: local: has internal linkage: the Go linker cannot see it (remove 'static')
define internal i64 @local(i64 %x) {
  ret i64 %x
}

; CHECK-NEXT: ppc-go-stubs: error: absent: no such function in {{.*}}refusals.ll

; CHECK-NEXT: ppc-go-stubs: error: as1: parameter 1 (%p) has type ptr addrspace(1): only address space 0 pointers
define i64 @as1(ptr addrspace(1) %p) {
  ret i64 0
}

; CHECK-NEXT: ppc-go-stubs: error: odd: parameter 1 (%x) has type i24: only i1, i8, i16, i32 and i64 have a Go type
define i64 @odd(i24 %x) {
  %e = zext i24 %x to i64
  ret i64 %e
}

; CHECK-NEXT: ppc-go-stubs: error: fast: does not use the C calling convention (calling convention 8)
define fastcc i64 @fast(i64 %x) {
  ret i64 %x
}

; CHECK-NEXT: ppc-go-stubs: error: sbool: parameter 1 (%b) is a signext i1: a Go bool is 0 or 1
define i64 @sbool(i1 signext %b) {
  %e = sext i1 %b to i64
  ret i64 %e
}
; CHECK-NEXT: ppc-go-stubs: no file written

define i64 @good(i64 %x) {
  ret i64 %x
}

; Keep the otherwise unused declaration and local function in the object.
define i64 @user(i64 %x) {
  %a = call i64 @decl(i64 %x)
  %b = call i64 @local(i64 %a)
  ret i64 %b
}
