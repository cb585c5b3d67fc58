# ===- ppcgoabi/process.py - Running a command, with a timeout ------------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Every child process of the tools goes through run(): output captured as
text (undecodable bytes replaced, never an exception), and a timeout that is
a result (returncode None), not a hang or an exception."""

import dataclasses
import shlex
import subprocess
from typing import Optional


@dataclasses.dataclass
class Result:
    cmd: list
    returncode: Optional[int]  # None: killed after the timeout
    stdout: str
    stderr: str                # "" when merged into stdout

    @property
    def timed_out(self):
        return self.returncode is None

    @property
    def output(self):
        """stdout, then stderr."""
        return self.stdout + self.stderr


def run(cmd, timeout=None, merge=False, cwd=None, env=None, stdin=None):
    """Runs \\p cmd; \\p merge sends stderr into stdout (interleaved as
    written). After \\p timeout seconds the child is killed and the result
    has returncode None and "timeout after Ns" as its stderr."""
    cmd = list(cmd)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT if merge else
                           subprocess.PIPE,
                           stdin=stdin if stdin is not None else
                           subprocess.DEVNULL,
                           text=True, errors="replace", timeout=timeout,
                           cwd=cwd, env=env)
        return Result(cmd, p.returncode, p.stdout, p.stderr or "")
    except subprocess.TimeoutExpired:
        return Result(cmd, None, "", "timeout after %ss" % timeout)


def check_run(cmd, tail=4000, **kw):
    """run(), raising RuntimeError (with the command and the end of its
    output) unless it exits 0."""
    r = run(cmd, **kw)
    if r.returncode != 0:
        raise RuntimeError("command failed (%s): %s\n%s" % (
            "timeout" if r.timed_out else r.returncode, shlex.join(r.cmd),
            r.output[-tail:]))
    return r
