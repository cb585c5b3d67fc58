module example.com/goprogram

go 1.19
