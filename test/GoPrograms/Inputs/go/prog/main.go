// A Go program that runs the checks: -buildmode=exe and pie, internal or
// external linking. Usage: prog [seconds]
package main

import (
	"os"
	"strconv"

	"goprog/checks"
)

func main() {
	seconds := 0
	if len(os.Args) > 1 {
		seconds, _ = strconv.Atoi(os.Args[1])
	}
	if checks.Run(seconds) != 0 {
		os.Exit(1)
	}
}
