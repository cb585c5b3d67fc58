#!/usr/bin/env bash
# The whole test suite, from a fresh checkout: installs what is missing
# (utils/packages.txt), builds the plugin and the checker against LLVM 22 and
# LLVM 19, and runs the lit suite (rules, errors, loading, checker, execution
# under qemu-ppc64le, fuzz slice) on each. Both builds exist before either
# suite runs: some tests need the other major's build (installing both side
# by side, refusing the other major's plugin). Ends with one
# "N passed, N failed" line for both versions together; exits non-zero if
# anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/utils/install-deps.sh" || exit 1
passed=0; failed=0; status=0
majors=(22 19)
build_dir() { echo "$root/build$([ "$1" = 22 ] || echo "-$1")"; }
built=()
for major in "${majors[@]}"; do
  echo "=== LLVM $major: build"
  if "$root/utils/build.sh" "$major" "$(build_dir "$major")"; then
    built+=("$major")
  else
    echo "=== LLVM $major: BUILD FAILED"; failed=$((failed + 1)); status=1
  fi
done
for major in "${built[@]}"; do
  dir=$(build_dir "$major")
  other=$(build_dir "$([ "$major" = 22 ] && echo 19 || echo 22)")
  echo "=== LLVM $major: lit"
  lit=$(grep '^PPCGOABI_LIT:' "$dir/CMakeCache.txt" | cut -d= -f2)
  log=$(mktemp)
  python3 "$lit" -sv --param other_build="$other" "$dir/test" 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  p=$(grep -E '^\s*Passed\s*:' "$log" | awk -F: '{s += $2} END {print s + 0}')
  f=$(grep -E '^\s*(Failed|Unresolved|Timed Out|Unexpectedly Passed)\s*:' "$log" \
      | awk -F: '{s += $2} END {print s + 0}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  rm -f "$log"
done
echo "$passed passed, $failed failed"
exit $status
