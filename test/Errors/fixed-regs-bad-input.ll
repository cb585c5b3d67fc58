; Rule 7 where it cannot hold: -ppc-go-fixed-regs on a target other than
; powerpc64le, a malformed attribute, a test option naming no half, and a
; frame the PowerPC backend would realign with a base pointer in r30. Each is
; an error naming the function and the rule.
;
; RUN: not %llc_load -ppc-go-fixed-regs -mtriple=x86_64-unknown-linux-gnu -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=X86
; RUN: not %llc_load -ppc-go-fixed-regs -mtriple=powerpc64-unknown-linux-gnu -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=BE
; RUN: not %llc_go -ppc-go-fixed-regs -ppc-go-fixed-regs-disable=r31 -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=HALF
; RUN: not %llc_go -relocation-model=pic -o /dev/null < %S/Inputs/fixed-regs-bad-attribute.ll 2>&1 \
; RUN:   | FileCheck %s --check-prefix=ATTR
; The realigned frame gets one error: not also one for each write of r30 that
; follows from the refusal.
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=REALIGN --implicit-check-not=error:
; RUN: not %llc_go -ppc-go-fixed-regs -relocation-model=pic -O0 -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=REALIGN --implicit-check-not=error:
; Without the option, the target and the realigned frame compile.
; RUN: %llc_load -mtriple=x86_64-unknown-linux-gnu -o /dev/null < %s

; X86:     error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'fixed-regs': target 'x86_64-unknown-linux-gnu' is not powerpc64le ELF; Go's fixed registers (-ppc-go-fixed-regs) are implemented for powerpc64le-linux only
; BE:      error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'fixed-regs': target 'powerpc64-unknown-linux-gnu' is not powerpc64le ELF
; HALF:    error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'fixed-regs': -ppc-go-fixed-regs-disable names neither 'r30' nor 'r0': 'r31'
; ATTR:    error: {{.*}}in function bad_attribute {{.*}}ppc-go-abi: rule 'fixed-regs': attribute "ppc-go-fixed-regs"="yes" is invalid: expected "true" or "false"
; REALIGN: error: {{.*}}in function realigned {{.*}}ppc-go-abi: rule 'fixed-regs': the stack frame must be realigned (a local aligned beyond the 16-byte stack alignment, or "stackrealign"); the PowerPC backend keeps the base pointer of such a frame in r30, which holds Go's g

define i64 @f(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}

declare void @use(ptr)

define void @realigned() {
  %a = alloca [4 x i64], align 64
  call void @use(ptr %a)
  ret void
}
