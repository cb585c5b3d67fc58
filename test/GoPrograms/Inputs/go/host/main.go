// The main program of the plugin mode: loads the plugin, runs its checks,
// and checks what its own Go assembly (host_callback, called by the LLVM
// code in the plugin) saw. Usage: host plugin.so [seconds]
package main

import (
	"fmt"
	"os"
	"plugin"
	"strconv"
)

// Written by host_callback (callback_ppc64le.s).
var hostCalls, hostBadR0 int64

func keepHostCallback()

func main() {
	keepHostCallback()
	p, err := plugin.Open(os.Args[1])
	if err != nil {
		fmt.Println("host: plugin.Open:", err)
		os.Exit(2)
	}
	sym, err := p.Lookup("Run")
	if err != nil {
		fmt.Println("host: Lookup(Run):", err)
		os.Exit(2)
	}
	seconds := 0
	if len(os.Args) > 2 {
		seconds, _ = strconv.Atoi(os.Args[2])
	}
	failed := sym.(func(int) int)(seconds)
	ok := hostBadR0 == 0 && hostCalls > 0
	status := "ok"
	if !ok {
		status = "FAIL"
		failed++
	}
	fmt.Printf("check main-executable-callback-r0: %s (%d of %d calls from the plugin's LLVM code entered with r0 != 0)\n", status, hostBadR0, hostCalls)
	if failed != 0 {
		os.Exit(1)
	}
}
