#include "textflag.h"

// func callC(x int64) int64: x in r3, the target in r12 (ELFv2); the
// 32-byte frame holds the callee's LR and TOC save slots; r0 is zero
// again on return.
TEXT ·callC(SB), NOSPLIT, $32-16
	MOVD x+0(FP), R3
	MOVD $c_entry(SB), R12
	MOVD R12, CTR
	CALL (CTR)
	MOVD $0, R0
	MOVD R3, ret+8(FP)
	RET

// go_cb: Go assembly the C code calls (x in r3, x + 1 in r3).
TEXT go_cb(SB), NOSPLIT|NOFRAME, $0-0
	ADD $1, R3
	RET
