module unapplied

go 1.19
