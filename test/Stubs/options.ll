; The options that change the trampoline: --report-r0 adds a last uint64
; result r0 (what r0 held when the C function returned, stored before the
; stub zeroes it), placed by ABI0 after the result at the next multiple of
; 8; --call=direct branches with CALL sym(SB), r12 still set; and
; --assume-indirect gives the bound of a function's indirect callees.
;
; RUN: %llc_go -ppc-go-abi -relocation-model=pic -stack-size-section -filetype=obj %s -o %t.o
; RUN: %ppc-go-stubs --object=%t.o --export=add,narrow,nothing,r0name --report-r0 \
; RUN:   --go-out=%t.go --asm-out=%t_ppc64le.s %s
; RUN: FileCheck %s --check-prefix=GO < %t.go
; RUN: FileCheck %s --check-prefix=ASM < %t_ppc64le.s
;
; GO:      // r0 is what r0 held when the C function returned.
; GO-NEXT: func Add(a, b int64) (ret int64, r0 uint64)
; GO:      func Narrow(x int32) (ret uint8, r0 uint64)
; GO:      func Nothing(x int32) (r0 uint64)
; A C parameter named r0 is renamed.
; GO:      func R0name(a0 int64) (ret int64, r0 uint64)
;
; ASM-LABEL: TEXT ·Add(SB), ${{[0-9]+}}-32
; ASM:       CALL (CTR)
; ASM-NEXT:  MOVD 24(R1), R2
; ASM-NEXT:  MOVD R14, R1
; ASM-NEXT:  MOVD R0, r0+24(FP)
; ASM-NEXT:  MOVD $0, R0
; ASM-NEXT:  MOVD R3, ret+16(FP)
; ASM-NEXT:  RET
; ASM-LABEL: TEXT ·Narrow(SB), ${{[0-9]+}}-24
; ASM:       MOVD R0, r0+16(FP)
; ASM-NEXT:  MOVD $0, R0
; ASM-NEXT:  MOVB R3, ret+8(FP)
; ASM-LABEL: TEXT ·Nothing(SB), ${{[0-9]+}}-16
; ASM:       MOVD R0, r0+8(FP)
; ASM-NEXT:  MOVD $0, R0
; ASM-NEXT:  RET
;
; Without --report-r0 nothing of it appears.
; RUN: %ppc-go-stubs --object=%t.o --export=add --go-out=%t.plain.go --asm-out=%t.plain.s %s
; RUN: FileCheck %s --check-prefix=PLAIN --implicit-check-not=r0 < %t.plain.go
; RUN: FileCheck %s --check-prefix=PLAINASM < %t.plain.s
; PLAIN:         func Add(a, b int64) int64
; PLAINASM:      TEXT ·Add(SB), ${{[0-9]+}}-24
; PLAINASM-NOT:  r0+
;
; --call=direct: the same stub with CALL add(SB) instead of the CTR branch.
; RUN: %ppc-go-stubs --object=%t.o --export=add --call=direct --go-out=%t.d.go --asm-out=%t.d.s %s
; RUN: FileCheck %s --check-prefix=DIRECT < %t.d.s
; DIRECT:      MOVD R2, 24(R1)
; DIRECT-NEXT: MOVD $add(SB), R12
; DIRECT-NEXT: CALL add(SB)
; DIRECT-NEXT: MOVD 24(R1), R2
; RUN: not %ppc-go-stubs --object=%t.o --export=add --call=tail --go-out=%t.d.go --asm-out=%t.d.s %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=BADCALL
; BADCALL: Cannot find option named 'tail'
;
; --assume-indirect: indirect's callees get the given bound (callees and red
; zone included), like a direct callee; without it, the refusal says so.
; RUN: llvm-readelf --stack-sizes %t.o > %t.ind.txt
; RUN: %ppc-go-stubs --object=%t.o --export=indirect --assume-indirect=indirect=5000 \
; RUN:   --go-out=%t.i.go --asm-out=%t.i.s %s
; RUN: cat %t.i.s >> %t.ind.txt
; RUN: FileCheck %s --check-prefix=IND < %t.ind.txt
; IND:      [[#IND:]] indirect{{$}}
; IND:      // Indirect -> i64 indirect(ptr): stack bound [[#IND+5000]], frame [[#mul(div(IND+5000+15,16),16)+48]].
; RUN: %expect-exit 1 %ppc-go-stubs --object=%t.o --export=indirect --assume-indirect=other=5000 \
; RUN:   --go-out=%t.i.go --asm-out=%t.i.s %s | FileCheck %s --check-prefix=NOIND
; NOIND: ppc-go-stubs: error: indirect: unbounded stack: indirect makes an indirect call, whose callee's stack use is unknown (indirect); give it with --assume-indirect=indirect=BYTES
; RUN: %expect-exit 2 %ppc-go-stubs --object=%t.o --export=indirect --assume-indirect=indirect \
; RUN:   --go-out=%t.i.go --asm-out=%t.i.s %s | FileCheck %s --check-prefix=BADIND
; BADIND: ppc-go-stubs: error: --assume-indirect=indirect: expected fn=bytes

target triple = "powerpc64le-unknown-linux-gnu"

define i64 @add(i64 %a, i64 %b) {
  %s = add i64 %a, %b
  ret i64 %s
}

define zeroext i8 @narrow(i32 signext %x) {
  %t = trunc i32 %x to i8
  ret i8 %t
}

define void @nothing(i32 signext %x) {
  ret void
}

define i64 @r0name(i64 %r0) {
  ret i64 %r0
}

define i64 @indirect(ptr %f) {
  %v = call i64 %f(i64 1)
  ret i64 %v
}
