#!/usr/bin/env python3
"""Writes IR whose conditional branches span just under 32 KiB before the
plugin pads the deferreturn calls between them (8 bytes each), and well over
afterwards. Usage: far-branches.py [CALLS]"""
import sys

calls = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
body = "\n".join("  call void @runtime.deferreturn()" for _ in range(calls))
print(f"""target triple = "powerpc64le-unknown-linux-gnu"

declare void @runtime.deferreturn()

; A forward conditional branch over the calls to the exit marker.
define void @forward(i1 %c) {{
entry:
  br i1 %c, label %exit, label %body
body:
{body}
  br label %exit
exit:
  call void asm sideeffect "xori 0, 0, 4660", "~{{r0}}"()
  ret void
}}

; A backward conditional branch over the calls to the loop-head marker.
define void @backward(i64 %n) {{
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  call void asm sideeffect "xori 0, 0, 4661", "~{{r0}}"()
{body}
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}}""")
