; Enabling the conventions where they cannot hold is an error that names the
; function and the rule, never silently unchanged or wrong code.
;
; RUN: not %llc_load -ppc-go-abi -mtriple=x86_64-unknown-linux-gnu -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=X86
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64-unknown-linux-gnu -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=BE
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64-unknown-linux-gnu -target-abi=elfv1 -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=BE
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-linux-gnu -target-abi=elfv1 -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=ELFV1
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc-unknown-linux-gnu -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=PPC32
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-linux-gnu -mcpu=pwr10 -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=PCREL
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-linux-gnu -mattr=+pcrelative-memops,+prefix-instrs -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=PCREL
; Go's ppc64le port is linux/ppc64le only: other OSes are refused, and the
; message says so; Linux with musl is still Linux (ELFv2) and is accepted.
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-freebsd -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=FREEBSD
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-unknown -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=UNKNOWN
; RUN: not %llc_load -ppc-go-abi -mtriple=powerpc64le -relocation-model=pic -o /dev/null < %s 2>&1 \
; RUN:   | FileCheck %s --check-prefix=BARE
; RUN: %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-linux-musl -relocation-model=pic < %s | FileCheck %s --check-prefix=PWR10-TOC
; RUN: %llc_load -ppc-go-abi -mtriple=powerpc64le-linux -relocation-model=pic < %s | FileCheck %s --check-prefix=PWR10-TOC
; Without the plugin enabled, the same inputs compile.
; RUN: %llc_load -mtriple=x86_64-unknown-linux-gnu -o /dev/null < %s
; RUN: %llc_load -mtriple=powerpc64le-unknown-linux-gnu -mcpu=pwr10 -relocation-model=pic -o /dev/null < %s
; Power10 without pc-relative code is TOC-based and accepted.
; RUN: %llc_load -ppc-go-abi -mtriple=powerpc64le-unknown-linux-gnu -mcpu=pwr10 \
; RUN:   -mattr=-pcrelative-memops,-prefix-instrs -relocation-model=pic < %s | FileCheck %s --check-prefix=PWR10-TOC

; X86:   error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': target 'x86_64-unknown-linux-gnu' is not powerpc64le Linux; the Go TOC conventions apply only to powerpc64le-*-linux-* (ELFv2), the one OS Go's ppc64le port runs on
; FREEBSD: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': target 'powerpc64le-unknown-freebsd' is not powerpc64le Linux; the Go TOC conventions apply only to powerpc64le-*-linux-*
; UNKNOWN: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': target 'powerpc64le-unknown-unknown' is not powerpc64le Linux
; BARE:    error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': target 'powerpc64le' is not powerpc64le Linux
; BE:    error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': target 'powerpc64-unknown-linux-gnu' is big-endian ppc64 (ELFv1 by default)
; ELFV1: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': ABI 'elfv1' is not ELFv2
; PPC32: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': target 'powerpc-unknown-linux-gnu' is not powerpc64le Linux
; PCREL: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': pc-relative code (-mcpu=pwr10 or +pcrelative-memops) has no TOC pointer
; PWR10-TOC:      addis 2, 12, .TOC.-.Lfunc_gep0@ha
; PWR10-TOC-NEXT: addi 2, 2, .TOC.-.Lfunc_gep0@l

define i64 @f(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}
