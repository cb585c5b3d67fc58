#!/usr/bin/env bash
# The main job, from a fresh checkout: installs what the demo needs, builds
# the plugin against LLVM 22, compiles examples/go-callable.ll with llc
# without and with the plugin, and shows what changed: the assembly diff, the
# relocations of the global entry and the symbols' local entry (st_other).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
need=(cmake make g++ llvm-22-dev llvm-22-tools)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi
"$root/utils/build.sh" 22 "$root/build" >/dev/null
bin=/usr/lib/llvm-22/bin
out=$root/build/demo
mkdir -p "$out"
example=$root/examples/go-callable.ll
flags=(-O2 -relocation-model=pic)
"$bin/llc" "${flags[@]}" "$example" -o "$out/stock.s"
"$bin/llc" -load="$root/build/lib/PPCGoABI.so" -ppc-go-abi "${flags[@]}" "$example" -o "$out/go.s"
"$bin/llc" -load="$root/build/lib/PPCGoABI.so" -ppc-go-abi "${flags[@]}" -filetype=obj "$example" -o "$out/go.o"
strip_directives() { grep -vE '^\s*\.(cfi_|p2align|type|size|section|file|text|globl|abiversion|long|quad|ident)' "$1" | grep -v '^#\|^\s*#' ; }
echo "== llc ${flags[*]} $example: stock LLVM 22 (-) vs PPCGoABI (+)"
diff -u <(strip_directives "$out/stock.s") <(strip_directives "$out/go.s") | tail -n +3 || true
echo
echo "== symbols: every function has its local entry 8 bytes in (st_other 0x60)"
"$bin/llvm-readelf" -s "$out/go.o" | grep FUNC
echo
echo "== global entry relocations and the TOC save, deferreturn pad in the object"
"$bin/llvm-objdump" -d -r "$out/go.o" | grep -E '<[a-z_]+>:|REL16|std 2, 24|ld 2, 24|nop|bctrl|deferreturn'
echo
echo "== what the plugin did (llc -stats)"
"$bin/llc" -load="$root/build/lib/PPCGoABI.so" -ppc-go-abi "${flags[@]}" -stats "$example" -o /dev/null 2>&1 | grep ppc-go || true
echo
echo "Outputs in $out (stock.s, go.s, go.o)."
