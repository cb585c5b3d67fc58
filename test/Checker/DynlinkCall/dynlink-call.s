# Rule 4 (dynlink-call): calls that may leave the module. With dynlink every
# `bl sym` is followed by a nop (the linker's slot for `ld 2,24(1)`), and no
# tail branch goes to a symbol another module could define. In shared mode
# only calls to symbols the object does not define may leave. The
# relocations tell the two apart: R_PPC64_REL24 against an undefined symbol,
# a preemptible (global, default visibility) one, or a local one.
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 4 of 4 functions checked, 0 violations
#
# A call to a function defined in the object, without a nop: fine with
# -shared (the callee shares the TOC), not with -dynlink.
# RUN: %mc --defsym=LOCAL_NO_NOP=1 %s -o %t.localnonop.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.localnonop.o | FileCheck %s --check-prefix=OK5
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.localnonop.o \
# RUN:   | FileCheck %s --check-prefix=LOCALNONOP --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.localnonop.o | FileCheck %s --check-prefix=OK5
# LOCALNONOP:      local_no_nop+0x18 (0x{{[0-9a-f]+}}): error: [dynlink-call] call to callee (dynlink: any call may leave the module) is not followed by a nop: the linker has nowhere to restore r2
# LOCALNONOP-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl callee
# LOCALNONOP-NEXT:     0x{{[0-9a-f]+}}: 38600000  li 3, 0
# OK5: 5 of 5 functions checked, 0 violations
#
# A call to an undefined function without a nop: wrong in both modes.
# RUN: %mc --defsym=EXTERNAL_NO_NOP=1 %s -o %t.extnonop.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.extnonop.o \
# RUN:   | FileCheck %s --check-prefix=EXTNONOP-SHARED --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.extnonop.o \
# RUN:   | FileCheck %s --check-prefix=EXTNONOP-DYNLINK --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.extnonop.o | FileCheck %s --check-prefix=OK5
# EXTNONOP-SHARED:  external_no_nop+0x18 (0x{{[0-9a-f]+}}): error: [dynlink-call] call to ext (may leave the module) is not followed by a nop
# EXTNONOP-DYNLINK: external_no_nop+0x18 (0x{{[0-9a-f]+}}): error: [dynlink-call] call to ext (dynlink: any call may leave the module) is not followed by a nop
#
# A tail branch to an undefined function: the callee would return to our
# caller with another module's TOC.
# RUN: %mc --defsym=TAIL_EXTERNAL=1 %s -o %t.tailext.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.tailext.o \
# RUN:   | FileCheck %s --check-prefix=TAILEXT --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.tailext.o \
# RUN:   | FileCheck %s --check-prefix=TAILEXT --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.tailext.o | FileCheck %s --check-prefix=OK5
# TAILEXT:      tail_external+0x8 (0x{{[0-9a-f]+}}): error: [dynlink-call] tail branch to ext, which may leave the module
# TAILEXT-NEXT:   > 0x{{[0-9a-f]+}}: 48000000  b ext
#
# A tail branch to a global function of the object: another module may
# preempt it under dynlink, not under -shared.
# RUN: %mc --defsym=TAIL_GLOBAL=1 %s -o %t.tailglobal.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.tailglobal.o | FileCheck %s --check-prefix=OK5
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.tailglobal.o \
# RUN:   | FileCheck %s --check-prefix=TAILGLOBAL --implicit-check-not=error:
# TAILGLOBAL: tail_global+0x8 (0x{{[0-9a-f]+}}): error: [dynlink-call] tail branch to callee, which may leave the module
#
# --dynlink-tail-calls=none (the plugin's -ppc-go-dynlink-tail-calls=none,
# Go's compiler): under dynlink no tail branch at all, not even to a local
# callee. Without --mode=dynlink the option does nothing, and says so; a bad
# value is a usage error.
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink --dynlink-tail-calls=none %t.good.o \
# RUN:   | FileCheck %s --check-prefix=NOTAIL --implicit-check-not=error:
# NOTAIL:      tail_static+0x8 (0x{{[0-9a-f]+}}): error: [dynlink-call] tail branch to static_callee under --dynlink-tail-calls=none: Go's compiler makes no tail branch under dynlink
# NOTAIL-NEXT:   > 0x{{[0-9a-f]+}}: 48000000  b static_callee
# NOTAIL:      4 of 4 functions checked, 1 violation
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink --dynlink-tail-calls=module-local %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --dynlink-tail-calls=none %t.good.o 2>&1 \
# RUN:   | FileCheck %s --check-prefix=NOEFFECT
# NOEFFECT: warning: --dynlink-tail-calls has no effect without --mode=dynlink
# NOEFFECT: 4 of 4 functions checked, 0 violations
# RUN: %expect-exit 2 %ppc-go-abi-check --mode=dynlink --dynlink-tail-calls=all %t.good.o 2>&1 \
# RUN:   | FileCheck %s --check-prefix=BADVALUE
# BADVALUE: invalid --dynlink-tail-calls='all': expected module-local or none

  .abiversion 2
  .text

.include "macros.s"



  .globl callee
  gep_local callee
  blr
  .size callee, .-callee

# Local binding: no other module can provide it.
  gep_local static_callee
  blr
  .size static_callee, .-static_callee

# Every call followed by a nop, as Go's -dynlink emits them.
  .globl caller
  gep_local caller
  prologue
  bl ext
  nop
  bl callee
  nop
  bl static_callee
  nop
  epilogue
  .size caller, .-caller

# A tail branch that cannot leave the module.
  .globl tail_static
  gep_local tail_static
  b static_callee
  .size tail_static, .-tail_static

.ifdef LOCAL_NO_NOP
  .globl local_no_nop
  gep_local local_no_nop
  prologue
  bl callee
  li 3, 0
  epilogue
  .size local_no_nop, .-local_no_nop
.endif

.ifdef EXTERNAL_NO_NOP
  .globl external_no_nop
  gep_local external_no_nop
  prologue
  bl ext
  li 3, 0
  epilogue
  .size external_no_nop, .-external_no_nop
.endif

.ifdef TAIL_EXTERNAL
  .globl tail_external
  gep_local tail_external
  b ext
  .size tail_external, .-tail_external
.endif

.ifdef TAIL_GLOBAL
  .globl tail_global
  gep_local tail_global
  b callee
  .size tail_global, .-tail_global
.endif
