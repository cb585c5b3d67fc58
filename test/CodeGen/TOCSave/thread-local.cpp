// C++ thread_local through clang: the TLS wrapper (_ZTW), the TLS init
// function and a function whose only call is the local-dynamic
// `bl __tls_get_addr` all allocate a frame, so each saves r2 right after it
// (rule 2), and each TLS call keeps exactly one nop. The checker accepts the
// plugin's object and rejects stock clang's, in which none of the four
// saves r2.
//
// No C++ header is needed, so -nostdinc++ keeps this independent of the
// ppc64le libstdc++ headers (not installed by CI).
//
// REQUIRES: clang
// RUN: %clang --target=powerpc64le-linux-gnu -x c++ -nostdinc++ -O2 -fPIC -S -o - %s \
// RUN:   -Xclang -load -Xclang %plugin -mllvm -ppc-go-abi | FileCheck %s
// RUN: %clang --target=powerpc64le-linux-gnu -x c++ -nostdinc++ -O2 -fPIC -c -o %t.go.o %s \
// RUN:   -Xclang -load -Xclang %plugin -mllvm -ppc-go-abi -mllvm -ppc-go-dynlink
// RUN: %ppc-go-abi-check --mode=dynlink %t.go.o | FileCheck %s --check-prefix=GO
// RUN: %clang --target=powerpc64le-linux-gnu -x c++ -nostdinc++ -O2 -fPIC -c -o %t.stock.o %s
// RUN: not %ppc-go-abi-check --mode=shared %t.stock.o | FileCheck %s --check-prefix=STOCK

int compute(int);
thread_local int counter = compute(1);
static thread_local int local_counter;

// CHECK-LABEL: _Z15counter_addressv:
// CHECK:       stdu 1, -{{[0-9]+}}(1)
// CHECK-NEXT:  std 2, 24(1)
// CHECK:       bl _ZTH7counter
// CHECK-NEXT:  nop
// CHECK:       bl __tls_get_addr(counter@tlsgd)
// CHECK-NEXT:  nop
// CHECK-NEXT:  addi 1, 1,
int *counter_address() { return &counter; }

// CHECK-LABEL: _ZTW7counter:
// CHECK:       stdu 1, -{{[0-9]+}}(1)
// CHECK-NEXT:  std 2, 24(1)
// CHECK:       bl __tls_get_addr(counter@tlsgd)
// CHECK-NEXT:  nop

// CHECK-LABEL: _Z10bump_localv:
// CHECK:       stdu 1, -{{[0-9]+}}(1)
// CHECK-NEXT:  std 2, 24(1)
// CHECK-NOT:   bl
// CHECK:       bl __tls_get_addr(_ZL13local_counter@tlsld)
// CHECK-NEXT:  nop
// CHECK-NEXT:  addis 3, 3, _ZL13local_counter@dtprel@ha
int bump_local() { return ++local_counter; }

// CHECK-LABEL: __tls_init:
// CHECK:       stdu 1, -{{[0-9]+}}(1)
// CHECK-NEXT:  std 2, 24(1)
// CHECK:       bl __tls_get_addr(__tls_guard@tlsld)
// CHECK-NEXT:  nop

// GO: 4 of 4 functions checked, 0 violations
// STOCK-DAG: _Z15counter_addressv+{{.*}} error: [toc-save]
// STOCK-DAG: _ZTW7counter+{{.*}} error: [toc-save]
// STOCK-DAG: _Z10bump_localv+{{.*}} error: [toc-save]
// STOCK-DAG: __tls_init+{{.*}} error: [toc-save]
// STOCK:     4 of 4 functions checked, 4 violations
