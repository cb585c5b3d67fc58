#!/usr/bin/env python3
"""Builds a linux/ppc64le Go program with the installed Go toolchain, once,
for the checker's cross-check against the real Go conventions.

Usage: go-build.py --src DIR --pkg ./prog --kind KIND --tmp %t --out FILE
  KIND: pie      -buildmode=pie, internal linking, no cgo (Go's -shared)
        plugin   -buildmode=plugin, cgo, external linking with
                 powerpc64le-linux-gnu-gcc (Go's -dynlink); the linker's
                 input go.o is kept as FILE.go.o
        c-shared -buildmode=c-shared (Go's -shared, external linking)
        c-archive -buildmode=c-archive; FILE is the archive's go.o
        exe      -buildmode=exe (neither -shared nor -dynlink)
        pie-stripped, c-shared-stripped, exe-stripped
                 the same with -ldflags='-s -w' (no symbol table; with
                 external linking Go passes -s to the system linker)

Builds are cached in a directory next to the lit test's %t (one per build
tree), keyed by the Go version, the kind and the sources, and guarded by a
lock, so that tests running in parallel build each output once. GOCACHE
points into the same directory unless the environment sets it (setting it
to one directory for both LLVM builds makes the second reuse the first's
compiled standard library). FILE is a copy of the output.
"""

import argparse
import fcntl
import hashlib
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import process  # noqa: E402

KINDS = {
    "pie": (["-buildmode=pie"], False),
    "plugin": (["-buildmode=plugin"], True),
    "c-shared": (["-buildmode=c-shared"], True),
    "c-archive": (["-buildmode=c-archive"], True),
    "exe": (["-buildmode=exe"], False),
}
STRIP_LDFLAGS = ["-s", "-w"]
for _kind in ["pie", "c-shared", "exe"]:
    KINDS[_kind + "-stripped"] = KINDS[_kind]
CC = "powerpc64le-linux-gnu-gcc"


def fail(msg):
    sys.stderr.write("go-build.py: %s\n" % msg)
    sys.exit(1)


def source_hash(src, kind, go_version):
    h = hashlib.sha256()
    h.update(("%s\0%s\0" % (kind, go_version)).encode())
    for dirpath, dirnames, filenames in sorted(os.walk(src)):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            h.update(os.path.relpath(path, src).encode() + b"\0")
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()[:16]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", required=True, help="module root (go.mod)")
    ap.add_argument("--pkg", required=True, help="package to build")
    ap.add_argument("--kind", required=True, choices=sorted(KINDS))
    ap.add_argument("--tmp", required=True, help="the test's %%t")
    ap.add_argument("--out", required=True, help="where to copy the output")
    args = ap.parse_args()

    go = shutil.which("go")
    if not go:
        fail("no go in PATH")
    flags, cgo = KINDS[args.kind]
    if cgo and not shutil.which(CC):
        fail("-buildmode=%s needs cgo and %s" % (args.kind, CC))
    try:
        version = process.check_run([go, "version"]).stdout
    except RuntimeError as e:
        fail(str(e))
    root = os.path.join(os.path.dirname(os.path.abspath(args.tmp)),
                        "go-builds")
    os.makedirs(root, exist_ok=True)
    key = source_hash(os.path.abspath(args.src), args.kind, version)
    outdir = os.path.join(root, "%s-%s" % (args.kind, key))
    output = os.path.join(outdir, "out")
    done = os.path.join(outdir, "done")

    with open(os.path.join(root, "%s.lock" % args.kind), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(done):
            shutil.rmtree(outdir, ignore_errors=True)
            linktmp = os.path.join(outdir, "link")
            os.makedirs(linktmp)
            env = dict(os.environ)
            env.update({
                "GOOS": "linux", "GOARCH": "ppc64le", "GO111MODULE": "on",
                "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local",
                "GOPATH": os.path.join(root, "gopath"),
                "CGO_ENABLED": "1" if cgo else "0",
            })
            env.setdefault("GOCACHE", os.path.join(root, "gocache"))
            if cgo:
                env["CC"] = CC
            cmd = [go, "build"] + flags + ["-o", output]
            ldflags = []
            if args.kind.endswith("-stripped"):
                ldflags += STRIP_LDFLAGS
            if cgo:
                # Keep the external linker's input: Go's own object file.
                ldflags.append("-tmpdir=" + linktmp)
            if ldflags:
                cmd.append("-ldflags=" + " ".join(ldflags))
            cmd.append(args.pkg)
            p = process.run(cmd, cwd=args.src, env=env, merge=True)
            if p.returncode != 0:
                fail("%s failed:\n%s" % (" ".join(cmd), p.stdout))
            with open(done, "w") as f:
                f.write(" ".join(cmd) + "\n")

    if args.kind == "c-archive":
        # The archive's Go member, not the C objects cgo adds.
        shutil.copyfile(os.path.join(outdir, "link", "go.o"), args.out)
    else:
        shutil.copyfile(output, args.out)
        if os.path.exists(os.path.join(outdir, "link", "go.o")):
            shutil.copyfile(os.path.join(outdir, "link", "go.o"),
                            args.out + ".go.o")
    return 0


if __name__ == "__main__":
    sys.exit(main())
