// The Go plugin of the plugin mode (-buildmode=plugin; the LLVM code in it
// is compiled with -ppc-go-dynlink), loaded by ../host.
package main

import "goprog/checks"

func Run(seconds int) int { return checks.Run(seconds) }
