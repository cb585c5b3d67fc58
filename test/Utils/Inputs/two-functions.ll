; Two functions, each in its own .text.* section with -function-sections.
define i64 @f(i64 %x) {
  %y = mul i64 %x, %x
  ret i64 %y
}

define i64 @g(i64 %x, i64 %y) {
  %a = add i64 %x, %y
  %b = mul i64 %a, %y
  %c = sub i64 %b, %x
  ret i64 %c
}
