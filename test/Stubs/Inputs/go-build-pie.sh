#!/bin/sh
# go-build-pie.sh GOCACHE DIR OUT [vet]: builds the Go module in DIR for
# linux/ppc64le with -buildmode=pie (internal linking, no cgo: the .syso in
# DIR is linked by Go's own linker) into OUT, after `go vet` if asked (vet's
# asmdecl check compares the assembly's x+off(FP) names, offsets and
# argument sizes with the Go declarations).
set -e
cache=$1
dir=$2
out=$3
export GOOS=linux GOARCH=ppc64le CGO_ENABLED=0 GOFLAGS=-mod=mod \
  GO111MODULE=on GOTOOLCHAIN=local GOCACHE="$cache" GOPATH="$dir.gopath"
cd "$dir"
if [ "$4" = vet ]; then
  go vet .
fi
# Go 1.19's linker writes ELFv1's loader, /lib64/ld64.so.1, as the PIE's
# interpreter on ppc64le (cmd/link/internal/ppc64/obj.go); ELFv2 systems
# have /lib64/ld64.so.2.
go build -buildmode=pie "-ldflags=-I /lib64/ld64.so.2" -o "$out" .
