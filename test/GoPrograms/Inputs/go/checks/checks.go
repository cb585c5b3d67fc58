// Package checks calls the LLVM code of ../../llvm.c from Go and prints one
// line per check, "check NAME: ok ..." or "check NAME: FAIL ...", then
// "checks: N ok, M failed". The same package runs in every build mode: a
// main program (exe, pie), a C program's Go library (c-shared) and a Go
// plugin (plugin).
package checks

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func llvmAdd(a, b int64) (ret int64, r0 uint64)
func llvmGlobal(i int64) (ret int64, r0 uint64)
func llvmGlobalDirect(i int64) (ret int64, r0 uint64)
func llvmCallGo(n int64) (ret int64, r0 uint64)
func llvmCallGoCheckG(n int64) (ret int64, r0 uint64)
func llvmPressure(seed, n int64) (ret int64, r0 uint64)

// Written by go_callback (stubs_ppc64le.s).
var cbCalls, cbBadR0, cbBadG int64

// Set by llvmCallGoCheckG while it runs.
var expectG uintptr

// ModeChecks are extra checks a build mode adds (libc in the external
// modes, the main executable in plugin mode); the harness writes them.
var ModeChecks []func(report func(name string, ok bool, format string, args ...interface{}))

// NoDirect is set (by the harness) where a direct branch from Go to LLVM
// code cannot work: -buildmode=exe with an external linker, which enters it
// at the local entry with Go's r2, not a TOC in exe mode.
var NoDirect string

var passed, failed int

func report(name string, ok bool, format string, args ...interface{}) {
	status := "ok"
	if !ok {
		status = "FAIL"
		failed++
	} else {
		passed++
	}
	fmt.Printf("check %s: %s (%s)\n", name, status, fmt.Sprintf(format, args...))
}

// Go versions of the LLVM functions, to compare results with.
func goCallGo(n int64) int64 {
	a, b, c, d, e, f, g, h, k := int64(1), int64(2), int64(3), int64(5), int64(7), int64(11), int64(13), int64(17), int64(19)
	m, p, q, r, s, t, u, v, w := int64(23), int64(29), int64(31), int64(37), int64(41), int64(43), int64(47), int64(53), int64(59)
	for i := int64(0); i < n; i++ {
		x := 2*(i^a) + 1
		a += x
		b ^= a
		c += b * 3
		d ^= c
		e += d
		f ^= e * 5
		g += f
		h ^= g
		k += h
		m ^= k
		p += m
		q ^= p * 7
		r += q
		s ^= r
		t += s
		u ^= t
		v += u
		w ^= v
	}
	return a + b + c + d + e + f + g + h + k + m + p + q + r + s + t + u + v + w
}

func goPressure(seed, n int64) int64 {
	a, b, c, d, e, f, g := seed, seed*3, seed^0x55, seed+7, seed*11, seed^0x1234, seed+99
	h, k, m, p, q, r, s := seed*13, seed^0x77, seed+5, seed*17, seed^0x99, seed+3, seed*19
	t, u, v, w, x, y, z := seed^0x4242, seed+1, seed*23, seed^0x31, seed+41, seed*29, seed^0x2718
	for i := int64(0); i < n; i++ {
		a += z ^ i
		b ^= a + y
		c += b ^ x
		d ^= c + w
		e += d ^ v
		f ^= e + u
		g += f ^ t
		h ^= g + s
		k += h ^ r
		m ^= k + q
		p += m ^ h
		q ^= p + g
		r += q ^ f
		s ^= r + e
		t += s ^ d
		u ^= t + c
		v += u ^ b
		w ^= v + a
		x += w ^ p
		y ^= x + m
		z += y ^ k
	}
	return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ k ^ m ^ p ^ q ^ r ^ s ^ t ^ u ^ v ^ w ^ x ^ y ^ z
}

// Run runs every check; seconds is how long the goroutines, the GC and
// async preemption run together (0: skip that check). Returns the number of
// failed checks.
func Run(seconds int) int {
	ret, r0 := llvmAdd(40, 2)
	report("go-to-llvm", ret == 42 && r0 == 0, "llvm_add(40, 2) = %d through r12", ret)

	table := []int64{3, 1, 4, 1, 5, 9, 2, 6}
	var counter int64
	ok := true
	for i := int64(0); i < 16; i++ {
		counter += i
		want := table[i&7] + counter
		if got, _ := llvmGlobal(i); got != want {
			ok = false
			report("toc-globals", false, "llvm_global(%d) = %d, want %d", i, got, want)
			break
		}
	}
	if ok {
		report("toc-globals", true, "16 reads and writes of LLVM's own globals through its TOC")
	}
	if NoDirect == "" {
		counter += 5
		ret, _ = llvmGlobalDirect(5)
		report("go-to-llvm-direct", ret == table[5]+counter, "bl llvm_global = %d, want %d", ret, table[5]+counter)
	} else {
		fmt.Printf("check go-to-llvm-direct: not run (%s)\n", NoDirect)
	}

	atomic.StoreInt64(&cbBadR0, 0)
	ret, r0 = llvmCallGoCheckG(100)
	calls, badR0, badG := atomic.LoadInt64(&cbCalls), atomic.LoadInt64(&cbBadR0), atomic.LoadInt64(&cbBadG)
	report("callback-result", ret == goCallGo(100), "llvm_call_go(100) = %d, want %d", ret, goCallGo(100))
	report("callback-r0", badR0 == 0, "%d of %d Go assembly callbacks entered with r0 != 0", badR0, calls)
	report("callback-r30", badG == 0, "%d of %d Go assembly callbacks entered with r30 != g", badG, calls)
	report("return-r0", r0 == 0, "r0 = %#x after llvm_call_go returned", r0)
	ret, r0 = llvmPressure(7, 1000)
	report("pressure-return-r0", r0 == 0 && ret == goPressure(7, 1000), "llvm_pressure = %d, want %d; r0 = %#x after it returned", ret, goPressure(7, 1000), r0)

	for _, c := range ModeChecks {
		c(report)
	}

	if seconds > 0 {
		preempt(seconds)
	}
	fmt.Printf("checks: %d ok, %d failed\n", passed, failed)
	return failed
}

// preempt runs LLVM code on 4 goroutines for the given time while another
// goroutine allocates and runs the GC: the scheduler interrupts the LLVM
// code with SIGURG (async preemption), and Go's signal handler takes r30
// for g.
func preempt(seconds int) {
	fmt.Printf("begin preempt\n")
	var calls, wrong, r0bad int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int64) {
			defer wg.Done()
			for i := int64(0); ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				seed := w*1000003 + i
				got, r0 := llvmPressure(seed, 5000)
				if got != goPressure(seed, 5000) {
					atomic.AddInt64(&wrong, 1)
				}
				if r0 != 0 {
					atomic.AddInt64(&r0bad, 1)
				}
				got, _ = llvmCallGo(50)
				if got != goCallGo(50) {
					atomic.AddInt64(&wrong, 1)
				}
				atomic.AddInt64(&calls, 2)
			}
		}(int64(w))
	}
	var gcs int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		var keep [][]byte
		for {
			select {
			case <-stop:
				return
			default:
			}
			keep = append(keep, make([]byte, 1<<16))
			if len(keep) > 64 {
				keep = nil
				runtime.GC()
				gcs++
			}
		}
	}()
	time.Sleep(time.Duration(seconds) * time.Second)
	close(stop)
	wg.Wait()
	report("preempt", wrong == 0 && calls > 0, "%d calls on 4 goroutines for %ds with %d GCs, %d wrong results", calls, seconds, gcs, wrong)
}
