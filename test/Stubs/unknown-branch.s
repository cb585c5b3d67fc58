# A call whose target is no function of the object (here a label in
# another section, reached through the section symbol) has an unknown stack
# use: the function is refused, not given a bound without that callee.
# RUN: llvm-mc -triple=powerpc64le-unknown-linux-gnu -filetype=obj %s -o %t.o
# RUN: llvm-readelf -r %t.o | FileCheck %s --check-prefix=RELOC
# RELOC: R_PPC64_REL24 {{.*}} .text.other + 8
# RUN: %expect-exit 1 %ppc-go-stubs --object=%t.o --export=f --go-out=%t.go --asm-out=%t.s %S/Inputs/f.ll \
# RUN:   | FileCheck %s --implicit-check-not=error:
# CHECK: ppc-go-stubs: error: f: unbounded stack: the branch at .text+0xc goes to no function of the object (f -> ?)

	.text
	.globl	f
	.type	f,@function
f:
	mflr	0
	std	0, 16(1)
	stdu	1, -32(1)
	bl	.Linside
	nop
	addi	1, 1, 32
	ld	0, 16(1)
	mtlr	0
	blr
	.size	f, .-f

	.section	.text.other,"ax",@progbits
	nop
	nop
.Linside:
	blr

	.section	.stack_sizes,"o",@progbits,.text
	.quad	f
	.uleb128	32
