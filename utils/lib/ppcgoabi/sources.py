# ===- ppcgoabi/sources.py - Real C sources: Debian packages, SQLite ------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""The real code the real-code runs and the benchmarks compile: Debian's
source packages (`apt-get source`, adding a deb-src line once, which needs
root) and the SQLite amalgamation generated from them on the host (tclsh,
cc), as SQLite's Makefile does. Both are kept in the work directory and
reused."""

import glob
import os
import re

from . import process

DEB_SRC_FILE = "/etc/apt/sources.list.d/ppcgoabi-deb-src.sources"
DEB_SRC = """# Added by PPCGoABI utils/realcode: Debian source packages.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""


def log(msg):
    print("ppc-go-realcode: " + msg, flush=True)


def have_deb_src():
    for path in ["/etc/apt/sources.list"] + glob.glob(
            "/etc/apt/sources.list.d/*"):
        try:
            with open(path) as f:
                text = f.read()
        except OSError:
            continue
        if re.search(r"^\s*(Types:.*\bdeb-src\b|deb-src\s)", text, re.M):
            return True
    return False


def _trees(package, srcdir):
    return [d for d in glob.glob(os.path.join(srcdir, package + "-*"))
            if os.path.isdir(d)]


def fetch(package, srcdir):
    """apt-get source PACKAGE into srcdir; returns the extracted tree."""
    os.makedirs(srcdir, exist_ok=True)
    trees = _trees(package, srcdir)
    if trees:
        return trees[0]
    if not have_deb_src():
        log("adding a deb-src line (%s) and running apt-get update"
            % DEB_SRC_FILE)
        with open(DEB_SRC_FILE, "w") as f:
            f.write(DEB_SRC)
        process.check_run(["apt-get", "update"], merge=True)
    log("apt-get source %s" % package)
    process.check_run(["apt-get", "source", package], cwd=srcdir, merge=True)
    trees = _trees(package, srcdir)
    if not trees:
        raise RuntimeError("apt-get source %s extracted nothing" % package)
    return trees[0]


def sqlite_amalgamation(src, work, jobs):
    """The directory holding sqlite3.c (and sqlite3.h), generated on the host
    from the SQLite source tree \\p src like `make sqlite3.c`."""
    host = os.path.join(work, "host-sqlite3")
    if os.path.exists(os.path.join(host, "sqlite3.c")):
        return host
    os.makedirs(host, exist_ok=True)
    log("generating the SQLite amalgamation (host configure, tclsh)")
    process.check_run([os.path.join(src, "configure"), "--disable-tcl"],
                      cwd=host, merge=True)
    process.check_run(["make", "-j%d" % jobs, "sqlite3.c"], cwd=host,
                      merge=True)
    return host
