// The Go library of the c-shared mode (-buildmode=c-shared), loaded by
// ../../host.c.
package main

import "C"

import "goprog/checks"

//export RunChecks
func RunChecks(seconds C.int) C.int {
	return C.int(checks.Run(int(seconds)))
}

func main() {}
