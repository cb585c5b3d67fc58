// Compiled without -flto: the callee that the LTO code calls across the
// module boundary, and a plain ELF object that refers to .TOC. (it reads a
// global). ld.lld 19 and 22 define .TOC. only if an input refers to it before
// LTO: with bitcode inputs alone a -shared link stops at "relocation
// R_PPC64_REL16_HA cannot be used against symbol '.TOC.'", plugin or not.
long native_counter;
long native_callee(long a) { return a * 3 + native_counter; }
