// The C side of unapplied-relocations.test: a call to Go assembly (an
// R_PPC64_REL24) and, because it calls, a global entry prologue (the
// R_PPC64_REL16_HA/LO .TOC. pair). It reads no data through the TOC: Go's
// internal linker cannot even link that without the recipe.
long go_cb(long);

long c_entry(long x) { return 2 * go_cb(x); }
