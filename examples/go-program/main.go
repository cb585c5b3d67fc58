// A Go program that calls C code compiled by LLVM with the PPCGoABI plugin,
// without cgo, through a Go assembly stub that ppc-go-stubs writes
// (stubs.go, stubs_ppc64le.s). run.sh generates the stub, builds the program
// (-buildmode=pie, Go's internal linker) and runs it under qemu-ppc64le.
package main

import (
	"fmt"
	"os"
	"unsafe"
)

// weightedSum, which calls the C function weighted_sum (sum.c), is declared
// in the generated stubs.go: func weightedSum(v unsafe.Pointer, n int64) int64.

func main() {
	v := []int64{10, 20, 30, 40, 50}
	got := weightedSum(unsafe.Pointer(&v[0]), int64(len(v)))
	want := int64(10*1 + 20*2 + 30*3 + 40*4 + 50*1)
	fmt.Printf("weighted_sum(%v) = %d (want %d)\n", v, got, want)
	if got != want {
		os.Exit(1)
	}
}
