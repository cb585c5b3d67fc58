; Rule 4: under -ppc-go-dynlink every bl to a symbol is followed by a nop,
; calls to functions defined (and dso_local) in this module included, and a
; tail branch is kept only to a callee whose symbol is not preemptible (local
; linkage, hidden or protected visibility), which cannot be in another module
; (with -ppc-go-dynlink-tail-calls=none, like Go's compiler, to none).
; Without dynlink, stock LLVM's choices stand: no nop after a call to a
; dso_local function, and tail calls allowed (SHARED).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -verify-machineinstrs < %s \
; RUN:   | FileCheck %s --check-prefixes=DYNLINK,DYNLINK-LOCAL
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -O0 < %s \
; RUN:   | FileCheck %s --check-prefix=DYNLINK
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -ppc-go-dynlink-tail-calls=none \
; RUN:   -verify-machineinstrs < %s | FileCheck %s --check-prefixes=DYNLINK,DYNLINK-NONE
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s --check-prefix=SHARED
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -filetype=obj -o %t.o < %s
; RUN: llvm-objdump -d -r %t.o | FileCheck %s --check-prefix=OBJ
; The checker, with the same policy: the default keeps the tail branch to
; the hidden callee, and that object fails --dynlink-tail-calls=none, which
; the object built with -ppc-go-dynlink-tail-calls=none passes.
; RUN: %ppc-go-abi-check --mode=dynlink %t.o | FileCheck %s --check-prefix=CHECKER
; RUN: not %ppc-go-abi-check --mode=dynlink --dynlink-tail-calls=none %t.o | FileCheck %s --check-prefix=CHECKER-NONE
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -ppc-go-dynlink-tail-calls=none \
; RUN:   -filetype=obj -o %t.none.o < %s
; RUN: %ppc-go-abi-check --mode=dynlink --dynlink-tail-calls=none %t.none.o | FileCheck %s --check-prefix=CHECKER
; CHECKER: dynlink: {{[0-9]+}} of {{[0-9]+}} functions checked, 0 violations
; CHECKER-NONE: error: [dynlink-call] tail branch to hidden_callee under --dynlink-tail-calls=none
; Negative control: with the rule switched off (-ppc-go-abi-disable-rule, a hidden
; option for testing), these checks fail.
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -ppc-go-abi-disable-rule=dynlink-call \
; RUN:   < %s | not FileCheck %s --check-prefix=DYNLINK

declare void @ext()

define dso_local void @local_callee() {
  ret void
}

define hidden void @hidden_callee() {
  ret void
}

; DYNLINK-LABEL: caller:
; DYNLINK:       bl local_callee
; DYNLINK-NEXT:  nop
; DYNLINK-NEXT:  bl ext
; DYNLINK-NEXT:  nop
; SHARED-LABEL:  caller:
; SHARED:        bl local_callee
; SHARED-NEXT:   bl ext
; SHARED-NEXT:   nop
; OBJ-LABEL:     <caller>:
; OBJ:           bl
; OBJ-NEXT:      R_PPC64_REL24 local_callee
; OBJ-NEXT:      00 00 00 60 nop
; OBJ-NEXT:      bl
; OBJ-NEXT:      R_PPC64_REL24 ext
; OBJ-NEXT:      00 00 00 60 nop
define void @caller() {
  call void @local_callee()
  call void @ext()
  ret void
}

; A tail call to a hidden callee stays a tail branch under dynlink: it
; cannot go through a linker stub. With =none it becomes a call.
; DYNLINK-LOCAL-LABEL: tail_hidden:
; DYNLINK-LOCAL-NOT:   bl
; DYNLINK-LOCAL:       b hidden_callee
; DYNLINK-LOCAL-NEXT:  #
; DYNLINK-NONE-LABEL:  tail_hidden:
; DYNLINK-NONE:        bl hidden_callee
; DYNLINK-NONE-NEXT:   nop
; DYNLINK-NONE-NOT:    b hidden_callee
; DYNLINK-NONE:        blr
; SHARED-LABEL:        tail_hidden:
; SHARED:              b hidden_callee
; OBJ-LABEL:           <tail_hidden>:
; OBJ:                 b
; OBJ-NEXT:            R_PPC64_REL24 hidden_callee
define void @tail_hidden() {
  tail call void @hidden_callee()
  ret void
}

; dso_local is not enough: the branch goes to the global, preemptible
; symbol, which a linker may route through a PLT stub. Stock LLVM would
; tail-call it (SHARED); under dynlink it is a call with its nop.
; DYNLINK-LABEL: tail_dso_local:
; DYNLINK:       bl local_callee
; DYNLINK-NEXT:  nop
; DYNLINK-NOT:   b local_callee
; DYNLINK:       blr
; SHARED-LABEL:  tail_dso_local:
; SHARED:        b local_callee
define void @tail_dso_local() {
  tail call void @local_callee()
  ret void
}

; A tail call to an external callee is a call with its nop, in every
; dynlink variant.
; DYNLINK-LABEL: tail_external:
; DYNLINK:       bl ext
; DYNLINK-NEXT:  nop
; DYNLINK-NOT:   b ext
; DYNLINK:       blr
define void @tail_external() {
  tail call void @ext()
  ret void
}
