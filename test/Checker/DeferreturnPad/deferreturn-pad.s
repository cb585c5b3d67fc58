# Rule 5 (deferreturn-pad): for Go 1.6-1.17 every `bl runtime.deferreturn`
# is preceded by exactly `nop; ld 2,24(1)` (shared, dynlink) or `nop; nop`
# (static), because runtime.jmpdefer returns to the call's address minus 8.
# Go 1.18 removed jmpdefer and the pad: a bare call is then right. The
# deferreturn symbol is an option.
#
# The shared-mode pad:
# RUN: %mc %s -o %t.shared.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.shared.o | FileCheck %s --check-prefix=OK
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.shared.o | FileCheck %s --check-prefix=OK
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --go=1.6 %t.shared.o | FileCheck %s --check-prefix=OK
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=static %t.shared.o \
# RUN:   | FileCheck %s --check-prefix=SHARED-AS-STATIC --implicit-check-not=error:
# OK: 2 of 2 functions checked, 0 violations
# SHARED-AS-STATIC:      one_defer+0x20 (0x{{[0-9a-f]+}}): error: [deferreturn-pad] call to runtime.deferreturn is not preceded by nop; nop (Go 1.17, static): runtime.jmpdefer re-enters the call 8 bytes early
# SHARED-AS-STATIC-NEXT:     0x{{[0-9a-f]+}}: 60000000  nop
# SHARED-AS-STATIC-NEXT:     0x{{[0-9a-f]+}}: e8410018  ld 2, 24(1)
# SHARED-AS-STATIC-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl runtime.deferreturn
#
# The static-mode pad:
# RUN: %mc --defsym=STATIC_PAD=1 %s -o %t.static.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.static.o | FileCheck %s --check-prefix=OK
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.static.o \
# RUN:   | FileCheck %s --check-prefix=STATIC-AS-SHARED --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.static.o \
# RUN:   | FileCheck %s --check-prefix=STATIC-AS-SHARED --implicit-check-not=error:
# STATIC-AS-SHARED: one_defer+0x20 (0x{{[0-9a-f]+}}): error: [deferreturn-pad] call to runtime.deferreturn is not preceded by nop; ld 2,24(1)
#
# No pad: wrong for Go 1.17 in every mode, right for Go 1.18 and later.
# RUN: %mc --defsym=NO_PAD=1 %s -o %t.nopad.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.nopad.o \
# RUN:   | FileCheck %s --check-prefix=NOPAD --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.nopad.o \
# RUN:   | FileCheck %s --check-prefix=NOPAD --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=static %t.nopad.o \
# RUN:   | FileCheck %s --check-prefix=NOPAD --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --go=1.18 %t.nopad.o | FileCheck %s --check-prefix=OK
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink --go=go1.19.8 %t.nopad.o | FileCheck %s --check-prefix=OK
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static --go=1.19 %t.nopad.o | FileCheck %s --check-prefix=OK
# NOPAD:      one_defer+0x20 (0x{{[0-9a-f]+}}): error: [deferreturn-pad] call to runtime.deferreturn is not preceded by
# NOPAD-NEXT:     0x{{[0-9a-f]+}}: 38600000  li 3, 0
# NOPAD-NEXT:     0x{{[0-9a-f]+}}: 38800000  li 4, 0
# NOPAD-NEXT:   > 0x{{[0-9a-f]+}}: 48000001  bl runtime.deferreturn
#
# The pad in the wrong order: jmpdefer would return onto the nop and call
# deferreturn with the callee's r2.
# RUN: %mc --defsym=SWAPPED=1 %s -o %t.swapped.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.swapped.o \
# RUN:   | FileCheck %s --check-prefix=SWAPPED --implicit-check-not=error:
# SWAPPED: one_defer+0x20 (0x{{[0-9a-f]+}}): error: [deferreturn-pad] call to runtime.deferreturn is not preceded by nop; ld 2,24(1)
#
# A tail branch to deferreturn cannot be padded (the symbol is hidden here,
# so that the branch cannot leave the module and only rule 5 applies):
# RUN: %mc --defsym=TAIL=1 %s -o %t.tail.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.tail.o \
# RUN:   | FileCheck %s --check-prefix=TAIL --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.tail.o \
# RUN:   | FileCheck %s --check-prefix=TAIL --implicit-check-not=error:
# RUN: %mc --defsym=TAIL=1 --defsym=STATIC_PAD=1 %s -o %t.tail-static.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=static %t.tail-static.o \
# RUN:   | FileCheck %s --check-prefix=TAIL --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --go=1.18 %t.tail.o | FileCheck %s --check-prefix=OK4
# TAIL: tail_defer+0x8 (0x{{[0-9a-f]+}}): error: [deferreturn-pad] tail branch to runtime.deferreturn
# OK4: 4 of 4 functions checked, 0 violations
#
# --deferreturn names the symbol: calls to another one need no pad, and the
# named one does.
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --deferreturn=my.deferreturn %t.nopad.o | FileCheck %s --check-prefix=OK
# RUN: %mc --defsym=CUSTOM=1 %s -o %t.custom.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared --deferreturn=my.deferreturn %t.custom.o \
# RUN:   | FileCheck %s --check-prefix=CUSTOM --implicit-check-not=error:
# CUSTOM: custom+0x18 (0x{{[0-9a-f]+}}): error: [deferreturn-pad] call to my.deferreturn is not preceded by nop; ld 2,24(1)

  .abiversion 2
  .text

.include "macros.s"



  gep one_defer
  prologue
.ifdef STATIC_PAD
  nop
  nop
.else
.ifdef NO_PAD
  li 3, 0
  li 4, 0
.else
.ifdef SWAPPED
  ld 2, 24(1)
  nop
.else
  nop
  ld 2, 24(1)
.endif
.endif
.endif
  bl runtime.deferreturn
  nop
  epilogue
  .size one_defer, .-one_defer

# Not the deferreturn symbol: no pad needed.
  gep other_call
  prologue
  bl runtime.other
  nop
  epilogue
  .size other_call, .-other_call

.ifdef TAIL
  gep tail_defer
  b runtime.deferreturn
  .size tail_defer, .-tail_defer

  .hidden runtime.deferreturn
  gep runtime.deferreturn
  blr
  .size runtime.deferreturn, .-runtime.deferreturn
.endif

.ifdef CUSTOM
  gep custom
  prologue
  bl my.deferreturn
  nop
  epilogue
  .size custom, .-custom
.endif
