// A C shared library and archive written in Go (-buildmode=c-shared,
// c-archive; Go's -shared), exporting one function to C.
package main

import "C"
import "strings"

//export Repeat
func Repeat(n C.int) C.int {
	defer func() {}()
	return C.int(len(strings.Repeat("x", int(n))))
}

func main() {}
