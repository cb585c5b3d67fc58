// clang loads the plugin with -Xclang -load (LLVM 19 and 22) and with
// -fpass-plugin (LLVM 22; LLVM 19's clang loads pass plugins after it has
// parsed -mllvm options, so there the option is unknown), and takes the
// plugin's options through -mllvm.
//
// REQUIRES: clang
// RUN: %clang --target=powerpc64le-linux-gnu -O2 -fPIC -S -o - %s \
// RUN:   -Xclang -load -Xclang %plugin -mllvm -ppc-go-abi | FileCheck %s
// RUN: %clang --target=powerpc64le-linux-gnu -O2 -fPIC -S -o - %s \
// RUN:   -fpass-plugin=%plugin -Xclang -load -Xclang %plugin -mllvm -ppc-go-abi | FileCheck %s
// RUN: %clang --target=powerpc64le-linux-gnu -O2 -fPIC -S -o - %s | FileCheck %s --check-prefix=STOCK
// RUN: %clang --target=powerpc64le-linux-gnu -O0 -fPIC -c -o %t.o %s \
// RUN:   -Xclang -load -Xclang %plugin -mllvm -ppc-go-abi -mllvm -ppc-go-dynlink
// RUN: llvm-objdump -d -r %t.o | FileCheck %s --check-prefix=OBJ

void ext(void);
void deferreturn(void) __asm__("runtime.deferreturn");

// CHECK-LABEL: leaf:
// CHECK:       addis 2, 12, .TOC.-.Lfunc_gep0@ha
// CHECK-NEXT:  addi 2, 2, .TOC.-.Lfunc_gep0@l
// STOCK-LABEL: leaf:
// STOCK-NOT:   addis 2, 12
// STOCK:       blr
long leaf(long a) { return a + 1; }

// CHECK-LABEL: calls:
// CHECK:       stdu 1, -{{[0-9]+}}(1)
// CHECK-NEXT:  std 2, 24(1)
// CHECK:       bl ext
// CHECK-NEXT:  nop
// CHECK-NEXT:  nop
// CHECK-NEXT:  ld 2, 24(1)
// CHECK-NEXT:  bl runtime.deferreturn
// OBJ-LABEL:   <calls>:
// OBJ:         R_PPC64_REL16_HA .TOC.
// OBJ:         18 00 41 f8 std 2, 24(1)
// OBJ:         R_PPC64_REL24 ext
// OBJ-NEXT:    00 00 00 60 nop
// OBJ-NEXT:    00 00 00 60 nop
// OBJ-NEXT:    18 00 41 e8 ld 2, 24(1)
// OBJ-NEXT:    bl
// OBJ-NEXT:    R_PPC64_REL24 runtime.deferreturn
// OBJ-NEXT:    00 00 00 60 nop
void calls(void) {
  ext();
  deferreturn();
}
