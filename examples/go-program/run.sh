#!/usr/bin/env bash
# Builds the example Go program with its C code and runs it under
# qemu-ppc64le. Usage: examples/go-program/run.sh [PPCGoABI.so] [clang]
# (defaults: build/lib/PPCGoABI.so and LLVM 22's clang; the checker and
# ppc-go-stubs are taken from the plugin's build tree, ../bin).
# Needs golang-go (Go 1.19 here), qemu-user and the ppc64le sysroot
# (libc6-ppc64el-cross); utils/packages.txt lists them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
plugin=${1:-$root/build/lib/PPCGoABI.so}
clang=${2:-/usr/lib/llvm-22/bin/clang}
bin=$(cd "$(dirname "$plugin")/../bin" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/go.mod "$here"/main.go "$work"/

# 1. The C code: IR (for the stub generator's types), then the .syso the Go
# toolchain links in, with the plugin and its stack sizes.
set -x
"$clang" --target=powerpc64le-linux-gnu -O2 -fPIC -S -emit-llvm "$here/sum.c" \
  -o "$work/sum.ll"
"$clang" --target=powerpc64le-linux-gnu -O2 -fPIC -fstack-size-section -c \
  "$work/sum.ll" -o "$work/sum_ppc64le.syso" \
  -Xclang -load -Xclang "$plugin" \
  -mllvm -ppc-go-abi -mllvm -ppc-go-version=1.19 -mllvm -ppc-go-fixed-regs

# 2. The Go declaration and the Go assembly stub that calls weighted_sum.
"$bin/ppc-go-stubs" --object="$work/sum_ppc64le.syso" \
  --export=weighted_sum=weightedSum --package=main \
  --go-out="$work/stubs.go" --asm-out="$work/stubs_ppc64le.s" "$work/sum.ll"
cat "$work/stubs_ppc64le.s"

# 3. The Go program: -buildmode=pie, Go's internal linker. Go 1.19 names
# the ELFv1 loader ld64.so.1; ppc64le's is ld64.so.2.
(cd "$work" && GOOS=linux GOARCH=ppc64le CGO_ENABLED=0 GOFLAGS=-mod=mod \
  GOCACHE=${GOCACHE:-/tmp/go-cache-ppcgoabi} \
  go build -buildmode=pie -ldflags=-I=/lib64/ld64.so.2 -o goprogram .)

# 4. Check the C code in Go's -shared mode, and the program; run it.
"$bin/ppc-go-abi-check" --go=1.19 --mode=shared "$work/sum_ppc64le.syso"
"$bin/ppc-go-abi-check" --go=1.19 --mode=shared --ignore='\(\.text\)$' \
  --ignore='^weighted_sum$' "$work/goprogram" | tail -1
qemu-ppc64le -L /usr/powerpc64le-linux-gnu "$work/goprogram"
