define void @bad_attribute() "ppc-go-fixed-regs"="yes" {
  ret void
}
