// LTO: the conventions are applied when ld.lld generates the code, with the
// plugin and its options given to the linker (-Wl,-mllvm,...), on LLVM 19 and
// 22, for full and thin LTO. LLVM 19's ld.lld loads the plugin before it
// registers its targets; the AsmPrinter hook used to find none and the link
// succeeded with nothing applied and no statistics (GoABIAsmPrinterHook.cpp).
//
// REQUIRES: clang, ld.lld, checker
//
// RUN: %clang --target=powerpc64le-linux-gnu -O2 -fPIC -c \
// RUN:   %S/Inputs/native.c -o %t.native.o
//
// RUN: %clang --target=powerpc64le-linux-gnu -O2 -fPIC -flto -c %s -o %t.full.o
// RUN: %clang --target=powerpc64le-linux-gnu -fuse-ld=lld -shared -nostdlib \
// RUN:   %t.full.o %t.native.o -o %t.full.so -Wl,-mllvm,-load=%plugin \
// RUN:   -Wl,-mllvm,-ppc-go-abi -Wl,-mllvm,-ppc-go-abi-stats 2> %t.full.stats
// RUN: FileCheck %s --check-prefix=STATS < %t.full.stats
// RUN: llvm-objdump -d --no-show-raw-insn %t.full.so | FileCheck %s
// RUN: %ppc-go-abi-check --mode=shared %t.full.so | FileCheck %s --check-prefix=CHECKER
//
// RUN: %clang --target=powerpc64le-linux-gnu -O2 -fPIC -flto=thin -c %s -o %t.thin.o
// RUN: %clang --target=powerpc64le-linux-gnu -fuse-ld=lld -shared -nostdlib \
// RUN:   %t.thin.o %t.native.o -o %t.thin.so -Wl,-mllvm,-load=%plugin \
// RUN:   -Wl,-mllvm,-ppc-go-abi -Wl,-mllvm,-ppc-go-abi-stats 2> %t.thin.stats
// RUN: FileCheck %s --check-prefix=STATS < %t.thin.stats
// RUN: llvm-objdump -d --no-show-raw-insn %t.thin.so | FileCheck %s
// RUN: %ppc-go-abi-check --mode=shared %t.thin.so | FileCheck %s --check-prefix=CHECKER
//
// Without the options the same link is untouched: no global entry in the leaf.
// RUN: %clang --target=powerpc64le-linux-gnu -fuse-ld=lld -shared -nostdlib \
// RUN:   %t.full.o %t.native.o -o %t.stock.so -Wl,-mllvm,-load=%plugin
// RUN: llvm-objdump -d --no-show-raw-insn %t.stock.so | FileCheck %s --check-prefix=STOCK

// STATS:      PPCGoABI statistics
// STATS:      {{^ +}}1 ppc-go-global-entry - Global entry prologues added to TOC-free functions
// STATS:      {{^ +}}2 ppc-go-toc-save - TOC saves inserted after a stack allocation

// CHECK-LABEL: <leaf>:
// CHECK-NEXT:  addis 2, 12,
// CHECK-NEXT:  addi 2, 2,
// CHECK-NEXT:  addi 3, 3, 1
// CHECK-NEXT:  blr
long leaf(long a) { return a + 1; }

long native_callee(long);

// CHECK-LABEL: <caller>:
// CHECK-NEXT:  addis 2, 12,
// CHECK-NEXT:  addi 2, 2,
// CHECK-NEXT:  mflr 0
// CHECK-NEXT:  stdu 1, -32(1)
// CHECK-NEXT:  std 2, 24(1)
// CHECK-NEXT:  std 0, 48(1)
// CHECK-NEXT:  bl
// CHECK-NEXT:  ld 2, 24(1)
__attribute__((noinline)) long caller(long a) { return native_callee(a) + 1; }

long (*volatile fp)(long) = leaf;

// CHECK-LABEL: <call_fp>:
// CHECK-NEXT:  addis 2, 12,
// CHECK-NEXT:  addi 2, 2,
long call_fp(long a) { return fp(a) + caller(a); }

// STOCK-LABEL: <leaf>:
// STOCK-NEXT:  addi 3, 3, 1
// STOCK-NEXT:  blr

// CHECKER: shared object, Go 1.17, shared: 4 of 6 functions checked, 0 violations, 2 linker stubs
