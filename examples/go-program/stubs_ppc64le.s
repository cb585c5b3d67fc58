// The Go assembly stub (ABI0) that calls the C function: arguments into
// r3, r4; the C code runs on the goroutine stack inside the stub's FRAME
// bytes (r1 moves to their top, 16-byte aligned; the old r1 stays in r14,
// which C code preserves); target in r12 (the C function computes its TOC
// from it); r2 saved at 24(r1) and restored after the call; r0 zeroed on
// return, as Go code needs. The slice's array is not moved while the C code
// runs: the goroutine cannot be preempted inside C code or this stub.

#include "textflag.h"

#define FRAME 1024

// func weightedSum(v *int64, n int64) int64
TEXT ·weightedSum(SB), $FRAME-24
	MOVD v+0(FP), R3
	MOVD n+8(FP), R4
	ADD $FRAME, R1, R15
	RLDICR $0, R15, $59, R15
	MOVD R1, R14
	MOVD R15, R1
	MOVD R2, 24(R1)
	MOVD $weighted_sum(SB), R12
	MOVD R12, CTR
	BL (CTR)
	MOVD 24(R1), R2
	MOVD R14, R1
	MOVD R3, ret+16(FP)
	MOVD $0, R0
	RET
