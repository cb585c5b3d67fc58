// host_callback: Go assembly in the main executable that the LLVM code in
// the plugin calls (C ABI: x in r3, 3 * x + 1 in r3). Reached through the
// plugin's PLT stub, it enters at its global entry with r12 set and
// computes its own r2 (Go's -dynlink prologue); it counts calls with
// r0 != 0.
#include "textflag.h"

TEXT host_callback(SB), NOSPLIT|NOFRAME, $0-0
	MOVD $·hostCalls(SB), R5
	MOVD 0(R5), R6
	ADD $1, R6
	MOVD R6, 0(R5)
	XOR R7, R7, R7
	CMP R0, R7
	BEQ r0ok
	MOVD $·hostBadR0(SB), R5
	MOVD 0(R5), R6
	ADD $1, R6
	MOVD R6, 0(R5)
r0ok:
	MULLD $3, R3
	ADD $1, R3
	RET

// func keepHostCallback(): a Go reference to host_callback, which only the
// plugin calls, so that Go's linker keeps it.
TEXT ·keepHostCallback(SB), NOSPLIT|NOFRAME, $0-0
	MOVD $host_callback(SB), R3
	RET
