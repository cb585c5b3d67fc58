/*===- exec_runtime.S - Go-runtime-style r2 handling for the tests --------===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* Small routines that move r2 the way Go's runtime does (runtime/            *|
|* asm_ppc64x.s since the seed, Go 368d548). Every module links its own       *|
|* hidden copy and reaches it with a local call: no PLT stub runs, so no      *|
|* linker code stores r2 at 24(r1) on the way. What the routines find in a    *|
|* frame's TOC save slot is therefore exactly what the compiled code put      *|
|* there: rule 2's `std 2,24(1)` right after the frame is allocated.          *|
|*                                                                            *|
|*   runtime.systemstack(fn, x)  calls fn(x) through r12 and CTR, then takes  *|
|*       r2 from 24(sp) of its caller's frame, as Go's systemstack reloads r2 *|
|*       from 24(g->sched.sp) after the call.                                 *|
|*   runtime.gosave(buf)         saves the caller's sp, lr and callee-saved   *|
|*       registers (not r2, like Go's gobuf) and returns 0.                   *|
|*   runtime.gogo(buf, v)        resumes the frame saved in buf: r1 from buf, *|
|*       r2 from 24(r1) (Go's gogo: MOVD 24(R1), R2), returns v from gosave.  *|
|*   exectest.callentry(fn, x)   enters fn at its global entry with r12 = fn  *|
|*       and r2 = ENTRY_POISON, and returns the r2 that fn returned with: a   *|
|*       function with the global entry prologue (rule 1) returns its own     *|
|*       module's TOC pointer, one without it the poison.                     *|
|*   poison_stack()              fills the 16 KiB below the caller's sp with  *|
|*       STACK_POISON (exec.h), so an unwritten save slot holds poison.       *|
|*                                                                            *|
|* None of them uses r2 itself, so none needs a global entry.                 *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#define ENTRY_POISON_HI 0x0bad
#define ENTRY_POISON_LO 0x0e00

	.abiversion 2
	.text

#define FUNCTION(name)                                                         \
	.globl name;                                                           \
	.hidden name;                                                          \
	.type name, @function;                                                 \
	.p2align 4;                                                            \
name:

#define END(name) .size name, . - name

/* long runtime.systemstack(long (*fn)(long), long x) */
FUNCTION(runtime.systemstack)
	mflr 0
	std 0, 16(1)
	stdu 1, -32(1)
	/* No TOC save of its own: like Go's systemstack, r2 comes back from
	   the caller's frame. */
	mr 12, 3
	mr 3, 4
	mtctr 12
	bctrl
	ld 11, 0(1)     /* back chain: the caller's sp */
	ld 2, 24(11)    /* the caller's TOC save slot */
	addi 1, 1, 32
	ld 0, 16(1)
	mtlr 0
	blr
END(runtime.systemstack)

/* Buffer layout, in doublewords: lr, sp, cr, r14-r31, f14-f31. */
#define BUF_LR 0
#define BUF_SP 8
#define BUF_CR 16
#define BUF_GPR(n) (24 + ((n) - 14) * 8)
#define BUF_FPR(n) (168 + ((n) - 14) * 8)

/* long runtime.gosave(struct gobuf *buf): returns 0, and v when resumed by
   runtime.gogo(buf, v). */
FUNCTION(runtime.gosave)
	mflr 0
	std 0, BUF_LR(3)
	std 1, BUF_SP(3)
	mfcr 0
	std 0, BUF_CR(3)
	.irp n, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	std \n, BUF_GPR(\n)(3)
	stfd \n, BUF_FPR(\n)(3)
	.endr
	li 3, 0
	blr
END(runtime.gosave)

/* void runtime.gogo(struct gobuf *buf, long v) */
FUNCTION(runtime.gogo)
	ld 1, BUF_SP(3)
	ld 2, 24(1)     /* the resumed frame's TOC save slot */
	ld 0, BUF_LR(3)
	mtlr 0
	ld 0, BUF_CR(3)
	mtcrf 0x38, 0   /* cr2-cr4 are the callee-saved fields */
	.irp n, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld \n, BUF_GPR(\n)(3)
	lfd \n, BUF_FPR(\n)(3)
	.endr
	mr 3, 4
	blr
END(runtime.gogo)

/* long exectest.callentry(long (*fn)(long), long x) */
FUNCTION(exectest.callentry)
	mflr 0
	std 0, 16(1)
	stdu 1, -32(1)
	std 2, 24(1)
	mr 12, 3
	mr 3, 4
	mtctr 12
	lis 2, ENTRY_POISON_HI
	ori 2, 2, ENTRY_POISON_LO
	bctrl
	mr 3, 2         /* the r2 fn returned with */
	ld 2, 24(1)
	addi 1, 1, 32
	ld 0, 16(1)
	mtlr 0
	blr
END(exectest.callentry)

/* void poison_stack(void): STACK_POISON = 0x00000badbad00000 */
FUNCTION(poison_stack)
	lis 4, 0xba
	ori 4, 4, 0xdbad
	sldi 4, 4, 20
	li 5, 2048
	mtctr 5
	addi 6, 1, -8
1:	std 4, 0(6)
	addi 6, 6, -8
	bdnz 1b
	blr
END(poison_stack)

	.section .note.GNU-stack, "", @progbits
