// Hand-written Go assembly (ABI0) between Go and the LLVM code of
// ../../llvm.c. Each stub moves its Go arguments into the ELFv2 argument
// registers, calls with the target in r12, restores r2 from the TOC save
// slot, hands back what r0 held on return (the fixed-regs check) and zeroes
// it again, as Go needs.
// (A hand-written stand-in for what ppc-go-stubs generates.)

#include "textflag.h"

// The C code runs on the goroutine stack, inside the stub's frame: each
// stub declares FRAME bytes of locals (Go's prologue makes sure the stack
// has them), and r1 moves to their top, 16-byte aligned, for the call, so
// the C frames grow down into them (the C functions here use far less
// than FRAME bytes). The old r1 is kept in r14, which the C code preserves.
// The new r1 gets r2 in its TOC save slot, and r2 comes back from there
// after the call (rules 2 and 3: the same code in every build mode).
#define FRAME 2048
#define ENTER_C ADD $FRAME, R1, R15; RLDICR $0, R15, $59, R15; MOVD R1, R14; MOVD R15, R1; MOVD R2, 24(R1)
#define LEAVE_C MOVD 24(R1), R2; MOVD R14, R1

// Through r12 and the count register, as LLVM's own indirect calls.
#define CALL_R12(fn) ENTER_C; MOVD $fn(SB), R12; MOVD R12, CTR; BL (CTR); LEAVE_C
// A direct branch. Go's internal linker sends it to the global entry (it
// adds the local-entry offset only to the host object's own calls), so r12
// must still hold the target; external linkers send it to the local entry,
// which only works where Go's r2 is the TOC (not in exe mode).
#define CALL_DIRECT(fn) ENTER_C; MOVD $fn(SB), R12; BL fn(SB); LEAVE_C

// func llvmAdd(a, b int64) (ret int64, r0 uint64)
TEXT ·llvmAdd(SB), $FRAME-32
	MOVD a+0(FP), R3
	MOVD b+8(FP), R4
	CALL_R12(llvm_add)
	MOVD R3, ret+16(FP)
	MOVD R0, r0+24(FP)
	MOVD $0, R0
	RET

// func llvmGlobal(i int64) (ret int64, r0 uint64)
TEXT ·llvmGlobal(SB), $FRAME-24
	MOVD i+0(FP), R3
	CALL_R12(llvm_global)
	MOVD R3, ret+8(FP)
	MOVD R0, r0+16(FP)
	MOVD $0, R0
	RET

// func llvmGlobalDirect(i int64) (ret int64, r0 uint64)
TEXT ·llvmGlobalDirect(SB), $FRAME-24
	MOVD i+0(FP), R3
	CALL_DIRECT(llvm_global)
	MOVD R3, ret+8(FP)
	MOVD R0, r0+16(FP)
	MOVD $0, R0
	RET

// func llvmCallGo(n int64) (ret int64, r0 uint64)
TEXT ·llvmCallGo(SB), $FRAME-24
	MOVD n+0(FP), R3
	CALL_R12(llvm_call_go)
	MOVD R3, ret+8(FP)
	MOVD R0, r0+16(FP)
	MOVD $0, R0
	RET

// func llvmCallGoCheckG(n int64) (ret int64, r0 uint64)
// As llvmCallGo, and the callback also compares r30 with this goroutine's
// g (one goroutine at a time: the expected g is a global).
TEXT ·llvmCallGoCheckG(SB), $FRAME-24
	MOVD $·expectG(SB), R5
	MOVD g, 0(R5)
	MOVD n+0(FP), R3
	CALL_R12(llvm_call_go)
	MOVD R3, ret+8(FP)
	MOVD R0, r0+16(FP)
	MOVD $0, R0
	MOVD $·expectG(SB), R5
	MOVD R0, 0(R5)
	RET

// func llvmPressure(seed, n int64) (ret int64, r0 uint64)
TEXT ·llvmPressure(SB), $FRAME-32
	MOVD seed+0(FP), R3
	MOVD n+8(FP), R4
	CALL_R12(llvm_pressure)
	MOVD R3, ret+16(FP)
	MOVD R0, r0+24(FP)
	MOVD $0, R0
	RET

// go_callback is called by LLVM code with the C ABI: x in r3, the result
// in r3, only volatile registers used (r5-r7). It counts a call with
// r0 != 0 in cbBadR0 and, while expectG is set, a call with r30 != g in
// cbBadG. Its comparisons are against r7 = 0, not $0: Go's assembler
// encodes CMP Rx, $0 as cmpd Rx, r0 (asm9.go r0iszero), which is what Go
// code relies on and what this check must not.
TEXT go_callback(SB), NOSPLIT|NOFRAME, $0-0
	MOVD $·cbCalls(SB), R5
	MOVD 0(R5), R6
	ADD $1, R6
	MOVD R6, 0(R5)
	XOR R7, R7, R7
	CMP R0, R7
	BEQ r0ok
	MOVD $·cbBadR0(SB), R5
	MOVD 0(R5), R6
	ADD $1, R6
	MOVD R6, 0(R5)
r0ok:
	MOVD $·expectG(SB), R5
	MOVD 0(R5), R6
	CMP R6, R7
	BEQ gok
	CMP R6, g
	BEQ gok
	MOVD $·cbBadG(SB), R5
	MOVD 0(R5), R6
	ADD $1, R6
	MOVD R6, 0(R5)
gok:
	ADD R3, R3
	ADD $1, R3
	RET
