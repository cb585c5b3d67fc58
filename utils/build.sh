#!/usr/bin/env bash
# utils/build.sh MAJOR [BUILD_DIR]: configures and builds PPCGoABI against
# Debian's LLVM MAJOR (19 or 22) in BUILD_DIR (default build, or build-19).
set -euo pipefail
major=${1:?usage: utils/build.sh 19|22 [build-dir]}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${2:-$root/build$([ "$major" = 22 ] || echo "-$major")}
cmake -S "$root" -B "$dir" -DLLVM_DIR=/usr/lib/llvm-$major/lib/cmake/llvm >/dev/null
cmake --build "$dir" -j"$(nproc)"
