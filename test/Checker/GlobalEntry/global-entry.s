# Rule 1 (global-entry): in shared and dynlink mode every function but the
# exclusions starts with `addis 2,12,.TOC.-f@ha; addi 2,2,.TOC.-f@l`,
# relocated against .TOC., with its local entry at +8 (st_other 3<<5); the
# excluded ones (runtime.duffzero, runtime.duffcopy) have neither. Static
# mode has no TOC: the same objects pass. One broken variant per way of
# breaking the rule, each reported with exactly that rule.
#
# RUN: %mc %s -o %t.good.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=dynlink %t.good.o | FileCheck %s --check-prefix=GOOD
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.good.o | FileCheck %s --check-prefix=GOOD
# GOOD: 3 of 3 functions checked, 0 violations
#
# No prologue at all:
# RUN: %mc --defsym=NO_PROLOGUE=1 %s -o %t.bare.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.bare.o \
# RUN:   | FileCheck %s --check-prefix=BARE --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.bare.o \
# RUN:   | FileCheck %s --check-prefix=BARE --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.bare.o | FileCheck %s --check-prefix=STATIC
# BARE:      bare (0x{{[0-9a-f]+}}): error: [global-entry] function does not start with the global entry prologue
# BARE-NEXT:   > 0x{{[0-9a-f]+}}: 38600001  li 3, 1
# BARE-NEXT:     0x{{[0-9a-f]+}}: 4e800020  blr
# BARE:      4 of 4 functions checked, 1 violation
# STATIC:    4 of 4 functions checked, 0 violations
#
# The prologue without .localentry (st_other 0): callers in the module would
# enter at the global entry with their own r12.
# RUN: %mc --defsym=NO_LOCALENTRY=1 %s -o %t.nolocal.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.nolocal.o \
# RUN:   | FileCheck %s --check-prefix=NOLOCAL --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.nolocal.o \
# RUN:   | FileCheck %s --check-prefix=NOLOCAL --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.nolocal.o | FileCheck %s --check-prefix=STATIC
# NOLOCAL: no_localentry (0x{{[0-9a-f]+}}): error: [global-entry] st_other local entry field is 0 (local entry at +0), expected 3 (+8)
# NOLOCAL-NEXT: > 0x{{[0-9a-f]+}}: 3c4c0000  addis 2, 12, 0
#
# The right instructions relocated against another symbol: r2 would not be
# the module's TOC.
# RUN: %mc --defsym=WRONG_SYMBOL=1 %s -o %t.wrongsym.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.wrongsym.o \
# RUN:   | FileCheck %s --check-prefix=WRONGSYM --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.wrongsym.o \
# RUN:   | FileCheck %s --check-prefix=WRONGSYM --implicit-check-not=error:
# WRONGSYM: wrong_symbol (0x{{[0-9a-f]+}}): error: [global-entry] the global entry prologue is not relocated against .TOC.
#
# An excluded function with a prologue: callers branch to fixed offsets in
# runtime.duffcopy, which the prologue would shift.
# RUN: %mc --defsym=EXCLUDED_WITH_PROLOGUE=1 %s -o %t.excluded.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.excluded.o \
# RUN:   | FileCheck %s --check-prefix=EXCLUDED --implicit-check-not=error:
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=dynlink %t.excluded.o \
# RUN:   | FileCheck %s --check-prefix=EXCLUDED --implicit-check-not=error:
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t.excluded.o | FileCheck %s --check-prefix=STATIC
# EXCLUDED: runtime.duffcopy (0x{{[0-9a-f]+}}): error: [global-entry] function is excluded from the global entry prologue (--no-toc-prologue; callers branch to fixed offsets in it) but starts with one
# The exclusion list is an option: without runtime.duffcopy on it the same
# object conforms, and with `bare*` the function without a prologue does.
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --no-toc-prologue=runtime.duffzero %t.excluded.o \
# RUN:   | FileCheck %s --check-prefix=STATIC
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --no-toc-prologue='runtime.duffzero,ba*' %t.bare.o \
# RUN:   | FileCheck %s --check-prefix=STATIC
# Go 1.6-1.8 also exclude runtime.stackBarrier, Go 1.22+ runtime.elf_*
# (Conventions.h getDefaultNoTOCPrologue):
# RUN: %mc --defsym=GO_VERSION_EXCLUSIONS=1 %s -o %t.versions.o
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=shared --go=1.22 %t.versions.o \
# RUN:   | FileCheck %s --check-prefix=VERSIONS-OK
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared --go=1.19 %t.versions.o \
# RUN:   | FileCheck %s --check-prefix=VERSIONS-119 --implicit-check-not=error:
# VERSIONS-OK:  0 violations
# VERSIONS-119: runtime.elf_savegpr0 (0x{{[0-9a-f]+}}): error: [global-entry] function does not start
#
# A function too short to hold the prologue.
# RUN: %mc --defsym=TOO_SHORT=1 %s -o %t.short.o
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared %t.short.o \
# RUN:   | FileCheck %s --check-prefix=SHORT --implicit-check-not=error:
# SHORT: too_short (0x{{[0-9a-f]+}}): error: [global-entry] function does not start with the global entry prologue

  .abiversion 2
  .text

  .globl good
  .p2align 4
  .type good,@function
good:
.Lgood_gep:
  addis 2, 12, .TOC.-.Lgood_gep@ha
  addi 2, 2, .TOC.-.Lgood_gep@l
.Lgood_lep:
  .localentry good, .Lgood_lep-.Lgood_gep
  li 3, 1
  blr
  .size good, .-good

# A leaf without TOC use: still a global entry (Go gives every function one).
  .globl leaf
  .p2align 4
  .type leaf,@function
leaf:
.Lleaf_gep:
  addis 2, 12, .TOC.-.Lleaf_gep@ha
  addi 2, 2, .TOC.-.Lleaf_gep@l
.Lleaf_lep:
  .localentry leaf, .Lleaf_lep-.Lleaf_gep
  blr
  .size leaf, .-leaf

  .globl runtime.duffzero
  .p2align 4
  .type runtime.duffzero,@function
runtime.duffzero:
  std 0, 0(3)
  std 0, 8(3)
  blr
  .size runtime.duffzero, .-runtime.duffzero

.ifdef NO_PROLOGUE
  .globl bare
  .p2align 4
  .type bare,@function
bare:
  li 3, 1
  blr
  .size bare, .-bare
.endif

.ifdef NO_LOCALENTRY
  .globl no_localentry
  .p2align 4
  .type no_localentry,@function
no_localentry:
.Lnl_gep:
  addis 2, 12, .TOC.-.Lnl_gep@ha
  addi 2, 2, .TOC.-.Lnl_gep@l
  blr
  .size no_localentry, .-no_localentry
.endif

.ifdef WRONG_SYMBOL
  .globl wrong_symbol
  .p2align 4
  .type wrong_symbol,@function
wrong_symbol:
.Lws_gep:
  addis 2, 12, some_data-.Lws_gep@ha
  addi 2, 2, some_data-.Lws_gep@l
.Lws_lep:
  .localentry wrong_symbol, .Lws_lep-.Lws_gep
  blr
  .size wrong_symbol, .-wrong_symbol
.endif

.ifdef EXCLUDED_WITH_PROLOGUE
  .globl runtime.duffcopy
  .p2align 4
  .type runtime.duffcopy,@function
runtime.duffcopy:
.Ldc_gep:
  addis 2, 12, .TOC.-.Ldc_gep@ha
  addi 2, 2, .TOC.-.Ldc_gep@l
.Ldc_lep:
  .localentry runtime.duffcopy, .Ldc_lep-.Ldc_gep
  blr
  .size runtime.duffcopy, .-runtime.duffcopy
.endif

.ifdef GO_VERSION_EXCLUSIONS
  .globl runtime.elf_savegpr0
  .p2align 4
  .type runtime.elf_savegpr0,@function
runtime.elf_savegpr0:
  std 14, -144(1)
  blr
  .size runtime.elf_savegpr0, .-runtime.elf_savegpr0
.endif

.ifdef TOO_SHORT
  .globl too_short
  .p2align 4
  .type too_short,@function
too_short:
  blr
  .size too_short, .-too_short
.endif
