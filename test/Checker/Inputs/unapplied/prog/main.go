// A Go program with a C object (.syso, built by unapplied-relocations.test
// from ../c_entry.c) that calls back into Go assembly: c_entry's
// `bl go_cb` and its global entry's .TOC. pair are relocations that Go's
// internal linker must apply.
package main

// callC calls c_entry(x) (tramp_ppc64le.s).
func callC(x int64) int64

func main() {
	println("c_entry(20):", callC(20))
}
