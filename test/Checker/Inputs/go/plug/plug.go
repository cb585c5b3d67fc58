// A Go plugin (-buildmode=plugin, Go's -dynlink): every call may leave the
// module, so every `bl` is followed by a nop.
package main

import "fmt"

var Counter int

func Hello(name string) string {
	defer func() { Counter++ }()
	return fmt.Sprintf("hello %s", name)
}
