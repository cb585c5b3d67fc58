# Relocations a linker left unapplied (docs/Checker.md): in an executable or
# shared object, `bl .+0` (0x48000001, a call to itself) and a global entry
# `addis 2,12,0; addi 2,2,0` (r2 = the function's own address, not the TOC)
# are reported under dynlink-call and global-entry, in every mode and even
# in an --ignore'd function, with the recipe of docs/GoIntegration.md. The
# UNAPPLIED variant writes those words where the relocations would be, as
# Go 1.19's internal linker leaves a .syso's code (test/Checker/
# unapplied-relocations.test builds such a Go program).
#
# RUN: rm -rf %t && mkdir -p %t
# RUN: %mc %s -o %t/good.o
# RUN: %mc --defsym=UNAPPLIED=1 %s -o %t/unapplied.o
# RUN: ld.lld -e c_func %t/good.o -o %t/good.exe
# RUN: ld.lld -e c_func %t/unapplied.o -o %t/unapplied.exe
# RUN: ld.lld -shared %t/unapplied.o -o %t/unapplied.so
#
# Applied (and, in the relocatable object, still to be applied): nothing.
# RUN: %expect-exit 0 %ppc-go-abi-check --mode=static %t/good.o %t/good.exe \
# RUN:   | FileCheck %s --check-prefix=GOOD --implicit-check-not=error:
# GOOD: good.o: relocatable object
# GOOD: good.exe: executable
#
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=static %t/unapplied.exe \
# RUN:   | FileCheck %s --check-prefixes=BAD,EXE --implicit-check-not=error:
#
# --ignore does not hide them (no convention makes such a file work):
# RUN: %expect-exit 1 %ppc-go-abi-check --mode=shared --ignore='^(c_func|go_cb)$' %t/unapplied.so \
# RUN:   | FileCheck %s --check-prefixes=BAD,SO --implicit-check-not=error:
# BAD:      c_func (0x[[F:[0-9a-f]+]]): error: [global-entry] global entry prologue with both immediates 0 (addis 2,12,0; addi 2,2,0): r2 would be the function's own address, not the module's TOC pointer 0x{{[0-9a-f]+}} - unrelocated R_PPC64_REL16_HA/LO .TOC.: the linker left its relocation unapplied. Go 1.19's internal linker does this to a host object (.syso) in a -buildmode=exe program without dynamic imports (it links with -d): add //go:cgo_import_dynamic _ _ "libc.so.6" to the package and link with -ldflags=-I=/lib64/ld64.so.2 (docs/GoIntegration.md, exe)
# BAD-NEXT:   > 0x[[F]]: 3c4c0000  addis 2, 12, 0
# BAD-NEXT:     0x{{[0-9a-f]+}}: 38420000  addi 2, 2, 0
# BAD:      c_func+0x18 (0x[[B:[0-9a-f]+]]): error: [dynlink-call] bl to itself (bl .+0): an unrelocated R_PPC64_REL24, the program loops here: the linker left its relocation unapplied. Go 1.19's internal linker
# BAD-NEXT:   > 0x[[B]]: 48000001  bl 0x[[B]]
# EXE: unapplied.exe: executable, Go 1.17, static: 2 of 2 functions checked, 2 violations
# SO:  unapplied.so: shared object, Go 1.17, shared: 0 of 2 functions checked, 2 violations, 2 ignored

  .text
  .globl c_func
  .p2align 4
  .type c_func,@function
c_func:
.ifdef UNAPPLIED
  .long 0x3c4c0000            # addis 2,12,.TOC.-c_func@ha, unapplied
  .long 0x38420000            # addi 2,2,.TOC.-c_func@l, unapplied
.else
  addis 2, 12, .TOC.-c_func@ha
  addi 2, 2, .TOC.-c_func@l
.endif
  .localentry c_func, .-c_func
  mflr 0
  std 0, 16(1)
  stdu 1, -32(1)
  std 2, 24(1)
.ifdef UNAPPLIED
  .long 0x48000001            # bl go_cb, unapplied
.else
  bl go_cb
.endif
  nop
  addis 4, 2, counter@toc@ha
  ld 4, counter@toc@l(4)
  add 3, 3, 4
  addi 1, 1, 32
  ld 0, 16(1)
  mtlr 0
  blr
  .size c_func, .-c_func

  .globl go_cb
  .p2align 2
  .type go_cb,@function
go_cb:
  li 3, 1
  blr
  .size go_cb, .-go_cb

  .data
  .p2align 3
counter:
  .quad 7
