// Calls the C functions of ../funcs.c through the stubs that ppc-go-stubs
// writes next to this file (stubs.go, stubs_ppc64le.s), with the object
// linked in as funcs.syso, and prints what they return.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

func main() {
	fmt.Println("add:", Add(40, 2))
	d := 0.25
	fmt.Println("mix:", Mix(1.5, 4, 0.5, unsafe.Pointer(&d)))
	v := []int64{1, 2, 3, 4, 5}
	fmt.Println("sum:", Sum(unsafe.Pointer(&v[0]), int64(len(v))))
	fmt.Println("bump:", Bump(5), Bump(7))
	fmt.Printf("magic: %#x\n", Magic())
	fmt.Println("sp mod 16:", SPMod16())
	fmt.Println("is_neg:", IsNeg(-3), IsNeg(3))

	// A new goroutine's stack starts small: Deep's 64 KiB fit only because
	// its stub declares a frame that large, which grows the stack first.
	ch := make(chan int64)
	go func() { ch <- Deep(1) }()
	fmt.Println("deep:", <-ch)

	// Goroutines call C while the garbage collector runs and moves stacks.
	var wg sync.WaitGroup
	var bad int64
	for g := int64(0); g < 8; g++ {
		wg.Add(1)
		go func(g int64) {
			defer wg.Done()
			for i := int64(0); i < 20000; i++ {
				if Add(i, g) != i+g {
					atomic.AddInt64(&bad, 1)
				}
				if i%2000 == 0 {
					_ = make([]byte, 1<<16)
					runtime.GC()
				}
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("concurrent mismatches:", atomic.LoadInt64(&bad))
}
