; direct_interpose.ll - Scenario "direct", dynlink mode: part of libdirectb.so.
;
; Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
; Exceptions.
;
; Go's -dynlink (rule 4): a call to a function the compiler sees defined in
; its own module may still leave the module at run time, so every `bl sym`
; is followed by a nop. Here libdirectb.so defines b_interposed as dso_local
; (stock LLVM then emits a bare `bl b_interposed`, as for a local call), but
; the symbol is exported with default visibility and the executable defines
; it too, so the dynamic linker binds the call to the executable's copy
; through a PLT stub. Only with the nop can the linker make it `ld 2,24(1)`;
; without it, this module continues with the executable's TOC and reads the
; wrong word (GNU ld), or the linker overwrites the instruction after the
; call (lld). The word holds B_MAGIC (exec.h), as libdirectb.so's own data.

@b_ir_word = internal global i64 795759631653362539

define dso_local i64 @b_interposed(i64 %x) noinline {
  %r = add i64 %x, 1
  ret i64 %r
}

; Returns b_interposed(x) if this module's word reads right afterwards, a
; value no check expects otherwise.
define i64 @b_call_interposed(i64 %x) {
  %r = call i64 @b_interposed(i64 %x)
  %w = load volatile i64, ptr @b_ir_word
  %ok = icmp eq i64 %w, 795759631653362539
  %bad = xor i64 %w, 21845
  %res = select i1 %ok, i64 %r, i64 %bad
  ret i64 %res
}
