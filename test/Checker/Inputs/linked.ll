; Calls of every kind, for the linked-file tests: to an undefined function
; (through a PLT stub once linked), to a function of the module, through a
; pointer, and to runtime.deferreturn (padded for Go 1.17). `leaf` is internal:
; with -shared LLVM calls it without a nop, which -dynlink does not allow.
declare void @ext()
declare void @runtime.deferreturn()

define internal i64 @leaf(i64 %a) {
  %r = add i64 %a, 1
  ret i64 %r
}

define i64 @caller(ptr %fp, i64 %x) {
  call void @ext()
  %a = call i64 @leaf(i64 %x)
  %b = call i64 %fp(i64 %a)
  call void @runtime.deferreturn()
  ret i64 %b
}
