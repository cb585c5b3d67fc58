// -fpass-plugin: LLVM 22's clang loads the plugin with it alone. LLVM 19's
// clang loads pass plugins only after it has parsed -mllvm options, so
// -mllvm -ppc-go-abi is unknown there and the documented way is
// -Xclang -load -Xclang (clang.c); this pins both behaviours.
//
// REQUIRES: clang
// RUN: %if load-pass-plugin %{ \
// RUN:   %clang --target=powerpc64le-linux-gnu -O2 -fPIC -S -o - %s \
// RUN:     -fpass-plugin=%plugin -mllvm -ppc-go-abi | FileCheck %s %} \
// RUN: %else %{ \
// RUN:   not %clang --target=powerpc64le-linux-gnu -O2 -fPIC -S -o /dev/null %s \
// RUN:     -fpass-plugin=%plugin -mllvm -ppc-go-abi 2>&1 | FileCheck %s --check-prefix=LLVM19 %}

// CHECK-LABEL: leaf:
// CHECK:       addis 2, 12, .TOC.-.Lfunc_gep0@ha
// LLVM19:      Unknown command line argument '-ppc-go-abi'
long leaf(long a) { return a + 1; }
