#!/usr/bin/env python3
"""expect-exit.py STATUS COMMAND...: runs COMMAND, passes its output through,
and succeeds only if it exited with exactly STATUS. `not` accepts any
non-zero status; the checker's 1 (violations) and 2 (unreadable input)
must not be confused."""

import subprocess
import sys

want = int(sys.argv[1])
p = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
sys.stdout.buffer.write(p.stdout)
if p.returncode != want:
    sys.stdout.write("expect-exit.py: exit status %d, expected %d\n"
                     % (p.returncode, want))
    sys.exit(1)
