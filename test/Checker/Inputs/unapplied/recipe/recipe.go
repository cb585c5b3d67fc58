// The recipe for -buildmode=exe with Go's internal linker (copied into the
// program's package by unapplied-relocations.test): one dynamic import, so
// that the linker applies the .syso's relocations (docs/GoIntegration.md).
package main

//go:cgo_import_dynamic _ _ "libc.so.6"
