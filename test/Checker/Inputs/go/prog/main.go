// A Go program with what the TOC conventions are about: calls between
// packages, closures and interface methods (indirect calls), a deferred
// closure (runtime.deferreturn), goroutines (the runtime's stack switching).
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

type shape interface{ area() float64 }
type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

func work(n int) (r int) {
	defer func() { r++ }()
	f := func(x int) int { return x * n }
	for i := 0; i < n; i++ {
		r += f(i)
	}
	return
}

func main() {
	words := []string{"c", "a", "b"}
	sort.Strings(words)
	var s shape = square{3}
	ch := make(chan int)
	go func() { ch <- work(5) }()
	fmt.Println(strings.Join(words, ","), s.area(), <-ch, len(os.Args))
}
