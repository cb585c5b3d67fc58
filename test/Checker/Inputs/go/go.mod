module example.com/ppcgoabicheck

go 1.19
