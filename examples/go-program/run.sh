#!/usr/bin/env bash
# Builds the example Go program with its C code and runs it under
# qemu-ppc64le. Usage: examples/go-program/run.sh [PPCGoABI.so] [clang]
# (defaults: build/lib/PPCGoABI.so and LLVM 22's clang; the checker is taken
# from the plugin's build tree).
# Needs golang-go (Go 1.19 here), qemu-user and the ppc64le sysroot
# (libc6-ppc64el-cross); utils/packages.txt lists them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
plugin=${1:-$root/build/lib/PPCGoABI.so}
clang=${2:-/usr/lib/llvm-22/bin/clang}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/go.mod "$here"/main.go "$here"/stubs_ppc64le.s "$work"/

# 1. The C code, as a .syso the Go toolchain links in.
set -x
"$clang" --target=powerpc64le-linux-gnu -O2 -fPIC -c "$here/sum.c" \
  -o "$work/sum_ppc64le.syso" \
  -Xclang -load -Xclang "$plugin" \
  -mllvm -ppc-go-abi -mllvm -ppc-go-version=1.19 -mllvm -ppc-go-fixed-regs

# 2. The Go program: -buildmode=pie, Go's internal linker. Go 1.19 names
# the ELFv1 loader ld64.so.1; ppc64le's is ld64.so.2.
(cd "$work" && GOOS=linux GOARCH=ppc64le CGO_ENABLED=0 GOFLAGS=-mod=mod \
  GOCACHE=${GOCACHE:-/tmp/go-cache-ppcgoabi} \
  go build -buildmode=pie -ldflags=-I=/lib64/ld64.so.2 -o goprogram .)

# 3. Check the C code in Go's -shared mode, and run the program.
"$(dirname "$plugin")/../bin/ppc-go-abi-check" --go=1.19 --mode=shared "$work/sum_ppc64le.syso"
qemu-ppc64le -L /usr/powerpc64le-linux-gnu "$work/goprogram"
