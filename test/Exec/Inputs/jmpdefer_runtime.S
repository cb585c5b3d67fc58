/*===- jmpdefer_runtime.S - A defer runtime with Go 1.6-1.17 semantics ----===*\
|*                                                                            *|
|* Part of the PPCGoABI project, under the Apache License v2.0 with LLVM      *|
|* Exceptions.                                                                *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* The part of Go's runtime that rule 5 (the deferreturn pad) exists for:     *|
|* deferred calls are run by "returning" into them, as runtime.deferreturn    *|
|* and runtime.jmpdefer did from the seed (Go 368d548) to Go 1.17.            *|
|*                                                                            *|
|*   runtime.deferproc(fn, arg)  pushes a deferred call fn(arg) for the       *|
|*       calling frame (identified by the caller's sp).                       *|
|*   runtime.deferreturn()       if the newest deferred call belongs to the   *|
|*       calling frame, pops it and jumps to fn with r12 = fn, r3 = arg and   *|
|*       lr = the caller's return address minus 8 (jmpdefer: "sub 8 bytes to  *|
|*       get back to either nop or toc reload before deferreturn"); else      *|
|*       returns.                                                             *|
|*                                                                            *|
|* So the deferred function returns onto the second pad instruction before    *|
|* the caller's `bl runtime.deferreturn`: in PIC code `ld 2,24(1)`, which     *|
|* restores the caller's TOC pointer (the deferred function may live in       *|
|* another module and leave its own TOC in r2), after which the `bl` calls    *|
|* deferreturn again, until no deferred call of the frame remains. If the     *|
|* word before the call is anything else, it runs once more per deferred      *|
|* call, with the deferred function's registers. (The pad's first nop is      *|
|* for Go's PC-keyed tables; no jump lands on it.)                            *|
|*                                                                            *|
|* runtime.ndefers() and runtime.njumps() report the pending deferred calls   *|
|* and the number of jumps made so far; exectest.deferreset() drops pending   *|
|* calls (left by a group of checks that crashed in a negative control). A    *|
|* run-away loop (a broken pad that re-registers deferred calls) stops at a   *|
|* trap after MAX_JUMPS jumps, so a broken pad is a crash, not a hang.        *|
|*                                                                            *|
|* Assembled as is for every mode: its global entries derive r2 from r12, so  *|
|* it works in its own shared object (PIC and dynlink: the calls reach it     *|
|* through PLT stubs) or linked into a non-PIC executable (static mode).      *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#define MAX_DEFERS 64
#define MAX_JUMPS 1000
#define RECORD_SIZE 32 /* fn, arg, sp, unused */

	.abiversion 2
	.text

#define FUNCTION(name)                                                         \
	.globl name;                                                           \
	.type name, @function;                                                 \
	.p2align 4;                                                            \
name:                                                                          \
	addis 2, 12, .TOC. - name@ha;                                          \
	addi 2, 2, .TOC. - name@l;                                             \
	.localentry name, . - name

#define END(name) .size name, . - name

/* void runtime.deferproc(long (*fn)(long), long arg) */
FUNCTION(runtime.deferproc)
	addis 5, 2, rt_ndefers@toc@ha
	ld 6, rt_ndefers@toc@l(5)
	cmpldi 6, MAX_DEFERS
	bge- 1f
	addis 7, 2, rt_defers@toc@ha
	addi 7, 7, rt_defers@toc@l
	sldi 8, 6, 5
	add 7, 7, 8
	std 3, 0(7)     /* fn */
	std 4, 8(7)     /* arg */
	std 1, 16(7)    /* the calling frame: deferproc has no frame of its own */
	addi 6, 6, 1
	std 6, rt_ndefers@toc@l(5)
	blr
1:	trap
END(runtime.deferproc)

/* void runtime.deferreturn(void) */
FUNCTION(runtime.deferreturn)
	addis 5, 2, rt_ndefers@toc@ha
	ld 6, rt_ndefers@toc@l(5)
	cmpldi 6, 0
	beqlr           /* nothing deferred at all */
	addi 6, 6, -1
	addis 7, 2, rt_defers@toc@ha
	addi 7, 7, rt_defers@toc@l
	sldi 8, 6, 5
	add 7, 7, 8
	ld 9, 16(7)
	cmpld 9, 1
	bnelr           /* the newest deferred call belongs to another frame */
	std 6, rt_ndefers@toc@l(5)
	addis 10, 2, rt_njumps@toc@ha
	ld 11, rt_njumps@toc@l(10)
	addi 11, 11, 1
	std 11, rt_njumps@toc@l(10)
	cmpldi 11, MAX_JUMPS
	bgt- 1f
	/* jmpdefer */
	ld 12, 0(7)
	ld 3, 8(7)
	mflr 9
	addi 9, 9, -8   /* (not r0: addi reads r0 as the constant 0) */
	mtlr 9
	mr 11, 7        /* Go passes the closure context in r11 */
	mtctr 12
	bctr
1:	trap
END(runtime.deferreturn)

/* long runtime.ndefers(void) */
FUNCTION(runtime.ndefers)
	addis 3, 2, rt_ndefers@toc@ha
	ld 3, rt_ndefers@toc@l(3)
	blr
END(runtime.ndefers)

/* long runtime.njumps(void) */
FUNCTION(runtime.njumps)
	addis 3, 2, rt_njumps@toc@ha
	ld 3, rt_njumps@toc@l(3)
	blr
END(runtime.njumps)

/* void exectest.deferreset(void) */
FUNCTION(exectest.deferreset)
	addis 3, 2, rt_ndefers@toc@ha
	li 4, 0
	std 4, rt_ndefers@toc@l(3)
	blr
END(exectest.deferreset)

	.bss
	.p2align 3
rt_ndefers:
	.space 8
rt_njumps:
	.space 8
rt_defers:
	.space RECORD_SIZE * MAX_DEFERS

	.section .note.GNU-stack, "", @progbits
