; Rule 4: under -ppc-go-dynlink every bl to a symbol is followed by a nop,
; calls to functions defined (and dso_local) in this module included, and no
; call becomes a tail branch. Without dynlink, stock LLVM's choices stand:
; no nop after a call to a dso_local function, and tail calls allowed
; (SHARED).
;
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -verify-machineinstrs < %s \
; RUN:   | FileCheck %s --check-prefix=DYNLINK
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -O0 < %s \
; RUN:   | FileCheck %s --check-prefix=DYNLINK
; RUN: %llc_go -relocation-model=pic -ppc-go-abi < %s | FileCheck %s --check-prefix=SHARED
; RUN: %llc_go -relocation-model=pic -ppc-go-abi -ppc-go-dynlink -filetype=obj -o %t.o < %s
; RUN: llvm-objdump -d -r %t.o | FileCheck %s --check-prefix=OBJ

declare void @ext()

define dso_local void @local_callee() {
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

; A call in tail position stays a call under dynlink.
; DYNLINK-LABEL: tail_position:
; DYNLINK:       bl local_callee
; DYNLINK-NEXT:  nop
; DYNLINK-NOT:   b local_callee
; DYNLINK:       blr
; SHARED-LABEL:  tail_position:
; SHARED:        b local_callee
define void @tail_position() {
  tail call void @local_callee()
  ret void
}
