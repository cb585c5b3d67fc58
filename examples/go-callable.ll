; A small module of the kind PPCGoABI is for: functions that Go code in
; another module calls (through their global entry, with r12 set) and that
; call back into Go, including a function with deferred calls.
;
;   utils/demo.sh compiles it with llc, once without and once with the
;   plugin, and shows the difference.

target triple = "powerpc64le-unknown-linux-gnu"

declare void @runtime.deferreturn()
declare void @go.callback(i64)

; A TOC-free leaf: stock LLVM gives it no global entry (st_other 0).
define i64 @add_one(i64 %x) {
  %r = add i64 %x, 1
  ret i64 %r
}

; Calls Go directly: needs the TOC saved at 24(r1).
define void @notify(i64 %x) {
  call void @go.callback(i64 %x)
  ret void
}

; Calls through a pointer: target in r12, r2 reloaded after the call.
define i64 @apply(ptr %f, i64 %x) {
  %r = call i64 %f(i64 %x)
  ret i64 %r
}

; Ends like a Go function with defers: the deferreturn call gets the pad
; that runtime.jmpdefer (Go <= 1.17) re-executes.
define void @with_defers(i64 %x) {
  call void @go.callback(i64 %x)
  call void @runtime.deferreturn()
  ret void
}
