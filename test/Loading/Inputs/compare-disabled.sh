#!/usr/bin/env bash
# [TRIPLE=t] compare-disabled.sh LLC PLUGIN FILE...: compiles each FILE
# for TRIPLE (default powerpc64le-unknown-linux-gnu) with LLC alone and with
# PLUGIN loaded but not enabled, as assembly and as an object, in PIC and
# static mode at -O0 and -O2, and fails unless every pair of outputs is
# byte-identical. Prints how many pairs it compared.
set -u
llc=$1 plugin=$2; shift 2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
pairs=0; bad=0
for f in "$@"; do
  for rm in pic static; do
    for opt in -O0 -O2; do
      for ft in asm obj; do
        args=(-mtriple=${TRIPLE:-powerpc64le-unknown-linux-gnu} -relocation-model=$rm $opt -filetype=$ft)
        "$llc" "${args[@]}" "$f" -o "$dir/stock" 2>/dev/null || continue
        "$llc" -load="$plugin" "${args[@]}" "$f" -o "$dir/loaded" || { echo "FAIL: loaded llc failed on $f ${args[*]}"; bad=$((bad+1)); continue; }
        if ! cmp -s "$dir/stock" "$dir/loaded"; then
          echo "DIFFERENT: $f ${args[*]}"; bad=$((bad+1))
        fi
        pairs=$((pairs+1))
      done
    done
  done
done
echo "compared $pairs pairs, $bad different"
[ "$bad" -eq 0 ] && [ "$pairs" -gt 0 ]
