; Bad option values are rejected while the command line is parsed, before
; any code is generated, with LLVM's usual message.
;
; RUN: not %llc_go -ppc-go-abi -ppc-go-version=1.5 -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=OLD
; RUN: not %llc_go -ppc-go-abi -ppc-go-version=banana -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=VERSION
; RUN: not %llc_go -ppc-go-abi -ppc-go-version=2.0 -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=MAJOR
; RUN: not %llc_go -ppc-go-abi -ppc-go-no-toc-prologue=a,,b -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=EMPTY
; RUN: not %llc_go -ppc-go-abi -ppc-go-no-toc-prologue='a*b' -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=STAR
; RUN: not %llc_go -ppc-go-abi -ppc-go-no-toc-prologue='*' -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=ALL
; RUN: not %llc_go -ppc-go-abi -ppc-go-deferreturn= -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=DEFER
; RUN: not %llc_go -ppc-go-abi -ppc-go-deferreturn='a b' -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=DEFER-SPACE
; RUN: not %llc_go -ppc-go-abi -ppc-go-dynlink -relocation-model=static -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=DYNLINK
; RUN: not %llc_go -ppc-go-abi -ppc-go-dynlink -ppc-go-dynlink-tail-calls=some -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=TAILS
; RUN: not %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-abi-disable-rule=no-such-rule -o /dev/null < %s 2>&1 | FileCheck %s --check-prefix=NORULE

; OLD:     for the --ppc-go-version option: invalid Go version '1.5': Go before 1.6 has no position-independent code on ppc64le
; VERSION: for the --ppc-go-version option: invalid Go version 'banana': expected 1.N or 1.N.P, e.g. 1.17
; MAJOR:   for the --ppc-go-version option: invalid Go version '2.0': only Go 1.x is known
; EMPTY:   for the --ppc-go-no-toc-prologue option: invalid symbol list 'a,,b': empty entry
; STAR:    for the --ppc-go-no-toc-prologue option: invalid symbol list 'a*b': '*' may only end an entry ('a*b')
; ALL:     for the --ppc-go-no-toc-prologue option: invalid symbol list '*': '*' alone would exclude every function
; DEFER:   error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': -ppc-go-deferreturn='' is not a symbol name
; DEFER-SPACE: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': -ppc-go-deferreturn='a b' is not a symbol name
; DYNLINK: error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': -ppc-go-dynlink needs -relocation-model=pic
; TAILS:   for the --ppc-go-dynlink-tail-calls option: Cannot find option named 'some'!
; NORULE:  error: {{.*}}in function f {{.*}}ppc-go-abi: rule 'target': -ppc-go-abi-disable-rule names no rule: 'no-such-rule'

define void @f() {
  ret void
}
