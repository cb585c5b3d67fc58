#!/usr/bin/env python3
# ===- ppc-go-realcode.py - Real C code bases with and without the plugin --===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Builds real C (and C++) code bases for ppc64le with and without the
plugin, runs their own tests under qemu-ppc64le and compares the results.

The plugin must never break correct code. Code nobody wrote for it is the
test: Debian's sources of zlib, bzip2 and SQLite are fetched with
`apt-get source`, and Lua 5.4 with its test suite from Lua's repository
(Debian's source has no test suite; see class Lua). Each is built twice
with the LLVM clang the plugin was built for,

  stock  clang --target=powerpc64le-linux-gnu -O2 -fPIC
  go     the same plus -Xclang -load -Xclang <plugin> -mllvm -ppc-go-abi
         (and -mllvm -ppc-go-dynlink with --mode=dynlink; --mode=shared,
         the default, may also be given as --mode=pic; with --fixed-regs
         also -mllvm -ppc-go-fixed-regs)

their own test programs run under qemu-ppc64le for both builds, and:

  - every test must pass (its own criterion: exit status, expected output
    files) with both builds, and give the same normalized output (timings
    removed) and the same output files with both;
  - every object of the go build must pass ppc-go-abi-check --mode=<mode>
    (and the stock objects are checked too, to show what the plugin fixed);
  - the go objects must differ from the stock ones (the plugin was active).

The tests:
  zlib 1.2.13     example, infcover (`make test`, `make cover`), minigzip
                  at -1/-6/-9 (must gunzip to the input; the compressed
                  bytes are compared too) and minigzip -d
  bzip2 1.0.8     the six compress/decompress checks of `make test`
  SQLite 3.40.1   fuzzcheck over test/fuzzdata*.db and sessionfuzz (the
                  `fuzztest` target; sessionfuzz links the zlib built here),
                  speedtest1 --verify (test sets main, cte, orm, fp, rtree),
                  whose verification hashes must match
  Lua 5.4.4       testes/all.lua in portable mode (-e_U=true), built as C
                  (project lua) and as C++ (lua-c++: errors are C++
                  exceptions unwinding through the plugin's frames)

The SQLite amalgamation is generated on the host (tclsh, cc), as its
Makefile does. All SQLite objects get -DSQLITE_BYTEORDER=1234: clang defines
__ppc__ on ppc64le and SQLite 3.40 takes that for big-endian (gcc does not
define it), which breaks every clang build of it, stock or not.

Needs root for the deb-src line and `apt-get update` (once), network for
`apt-get source`, qemu-user, the ppc64le cross libc (packages.txt), tclsh.
Not part of CI. Takes about 15 minutes on two cores; results go to
docs/Robustness.md.

  utils/realcode/ppc-go-realcode.py --build build --json realcode.json
  utils/realcode/ppc-go-realcode.py --build build --mode=dynlink
"""

import argparse
import concurrent.futures
import glob
import gzip
import hashlib
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from ppcgoabi import (ROOT, SYSROOT, TARGET, measure, modes,  # noqa: E402
                      process, sources, tools)

VARIANTS = ["stock", "go"]
log = sources.log


def check_run(cmd, **kw):
    """The command's output (stdout and stderr); RuntimeError on failure."""
    return process.check_run(cmd, merge=True, **kw).stdout


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# -- building -----------------------------------------------------------------

class Toolchain:
    def __init__(self, args, variant):
        self.variant = variant
        self.cc = [args.clang, "--target=" + TARGET]
        mode = modes.get(args.mode)
        self.cflags = ["-O2"] + mode.clang_flags + shlex.split(
            args.extra_cflags)
        if variant == "go":
            self.cflags += modes.clang_load(args.plugin) + \
                mode.clang_plugin_flags
            if args.fixed_regs:
                self.cflags += ["-mllvm", "-ppc-go-fixed-regs"]
        self.jobs = args.jobs

    def compile_all(self, srcs, objdir, extra):
        """Compiles each source to objdir/<name>.o, in parallel."""
        os.makedirs(objdir, exist_ok=True)

        def one(src):
            obj = os.path.join(objdir, os.path.splitext(
                os.path.basename(src))[0] + ".o")
            check_run(self.cc + self.cflags + extra + ["-c", src, "-o", obj])
            return obj
        with concurrent.futures.ThreadPoolExecutor(self.jobs) as pool:
            return list(pool.map(one, srcs))

    def link(self, objs, out, libs=()):
        check_run(self.cc + ["-fPIC"] + list(objs) + ["-o", out] + list(libs))
        return out


class Test:
    """One test program run: argv (first element relative to bindir), stdin
    file, files it writes (hashed and compared), a normalizer for its
    output, and its own pass criterion."""

    @staticmethod
    def RAW(text):
        return text

    def __init__(self, name, argv, stdin=None, outputs=(), normalize=None,
                 expect=None, setup=None):
        self.name = name
        self.setup = setup  # (cwd) -> None: prepares the run directory
        self.argv = argv
        self.stdin = stdin
        self.outputs = outputs
        self.normalize = normalize or Test.RAW
        self.expect = expect  # (stdout bytes, cwd) -> error or None


def qemu(argv):
    return ["qemu-ppc64le", "-L", SYSROOT] + argv


def run_test(test, bindir, workdir, timeout):
    cwd = os.path.join(workdir, test.name)
    shutil.rmtree(cwd, ignore_errors=True)
    os.makedirs(cwd)
    if test.setup:
        test.setup(cwd)
    argv = [os.path.join(bindir, test.argv[0])] + test.argv[1:]
    stdin = open(test.stdin, "rb") if test.stdin else subprocess.DEVNULL
    # CPU time rather than wall time: the machine is shared.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        p = subprocess.run(qemu(argv), cwd=cwd, stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        rc, out, err = None, b"", b"timeout"
    finally:
        if test.stdin:
            stdin.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime -
                                                    before.ru_stime)
    files = {}
    for name in test.outputs:
        path = os.path.join(cwd, name)
        files[name] = sha256(path) if os.path.exists(path) else None
    text = test.normalize(out.decode("utf-8", "replace") +
                          err.decode("utf-8", "replace"))
    # The program's stdout may itself be an output file (minigzip, bzip2);
    # text with timings in it is compared once normalized.
    files["<stdout>"] = hashlib.sha256(
        out if test.normalize is Test.RAW else text.encode()).hexdigest()
    error = None
    if rc != 0:
        error = "exit status %s" % rc
    elif test.expect:
        error = test.expect(out, cwd)
    return {"rc": rc, "output": text, "files": files, "error": error,
            "seconds": round(seconds, 1)}


def strip_times(text):
    # With the padding before it: speedtest1 right-aligns its times, so a
    # step taking 9.9 s in one run and 10.1 s in the other shifts the column.
    text = re.sub(r" *\d+\.\d+s\b", " <time>", text)
    text = re.sub(r"in \d+\.\d+ seconds", "in <time> seconds", text)
    return text


# -- the code bases -----------------------------------------------------------

ZLIB_SOURCES = ["adler32", "crc32", "deflate", "infback", "inffast",
                "inflate", "inftrees", "trees", "zutil", "compress",
                "uncompr", "gzclose", "gzlib", "gzread", "gzwrite"]


def expect_stdout(path):
    want = open(path, "rb").read()

    def check(out, cwd):
        return None if out == want else "output differs from %s" % (
            os.path.basename(path))
    return check


def expect_gunzip(path):
    want = open(path, "rb").read()

    def check(out, cwd):
        try:
            return None if gzip.decompress(out) == want else (
                "does not decompress to %s" % os.path.basename(path))
        except (OSError, EOFError) as e:
            return "not gzip data: %s" % e
    return check


class ZLib:
    name = "zlib"
    package = "zlib"
    # What zlib's configure defines on Linux.
    DEFINES = ["-DHAVE_UNISTD_H", "-DHAVE_STDARG_H", "-D_LARGEFILE64_SOURCE=1"]

    def __init__(self):
        self.src = None
        self.libz = {}  # variant -> the library's objects (for sessionfuzz)

    def build(self, src, tc, out):
        self.src = src
        objs = tc.compile_all([os.path.join(src, s + ".c")
                               for s in ZLIB_SOURCES],
                              os.path.join(out, "obj"),
                              ["-I" + src] + self.DEFINES)
        progs = tc.compile_all([os.path.join(src, "test", t + ".c")
                                for t in ("example", "minigzip", "infcover")],
                               os.path.join(out, "obj-test"),
                               ["-I" + src] + self.DEFINES)
        bindir = os.path.join(out, "bin")
        os.makedirs(bindir, exist_ok=True)
        for p in progs:
            name = os.path.splitext(os.path.basename(p))[0]
            tc.link([p] + objs, os.path.join(bindir, name))
        self.libz[tc.variant] = objs
        return objs + progs, bindir

    def tests(self, src, data):
        hello = os.path.join(data, "hello.txt")
        with open(hello, "w") as f:
            f.write("hello world\n")
        corpus = os.path.join(data, "zlib-corpus")
        with open(corpus, "wb") as f:
            for s in sorted(glob.glob(os.path.join(src, "*.[ch]"))):
                f.write(open(s, "rb").read())
        corpus_gz = corpus + ".gz"
        with open(corpus_gz, "wb") as f:
            f.write(gzip.compress(open(corpus, "rb").read(), 9))
        tests = [
            # `make test`: example, and hello world through minigzip.
            Test("example", ["example"], outputs=("foo.gz",)),
            Test("infcover", ["infcover"]),
            Test("minigzip-hello", ["minigzip"], stdin=hello,
                 expect=expect_gunzip(hello)),
            Test("minigzip-d", ["minigzip", "-d"], stdin=corpus_gz,
                 expect=expect_stdout(corpus)),
        ]
        for level in ("1", "6", "9"):
            tests.append(Test("minigzip-%s" % level, ["minigzip", "-" + level],
                              stdin=corpus, expect=expect_gunzip(corpus)))
        return tests


class BZip2:
    name = "bzip2"
    package = "bzip2"
    SOURCES = ["blocksort", "huffman", "crctable", "randtable", "compress",
               "decompress", "bzlib", "bzip2"]

    def build(self, src, tc, out):
        objs = tc.compile_all([os.path.join(src, s + ".c")
                               for s in self.SOURCES],
                              os.path.join(out, "obj"),
                              ["-I" + src, "-D_FILE_OFFSET_BITS=64"])
        bindir = os.path.join(out, "bin")
        os.makedirs(bindir, exist_ok=True)
        tc.link(objs, os.path.join(bindir, "bzip2"))
        return objs, bindir

    def tests(self, src, data):
        s = lambda n: os.path.join(src, n)  # noqa: E731
        # bzip2's `make test`, each line a test.
        return [
            Test("compress-1", ["bzip2", "-1"], stdin=s("sample1.ref"),
                 expect=expect_stdout(s("sample1.bz2"))),
            Test("compress-2", ["bzip2", "-2"], stdin=s("sample2.ref"),
                 expect=expect_stdout(s("sample2.bz2"))),
            Test("compress-3", ["bzip2", "-3"], stdin=s("sample3.ref"),
                 expect=expect_stdout(s("sample3.bz2"))),
            Test("decompress-1", ["bzip2", "-d"], stdin=s("sample1.bz2"),
                 expect=expect_stdout(s("sample1.ref"))),
            Test("decompress-2", ["bzip2", "-d"], stdin=s("sample2.bz2"),
                 expect=expect_stdout(s("sample2.ref"))),
            Test("decompress-3", ["bzip2", "-ds"], stdin=s("sample3.bz2"),
                 expect=expect_stdout(s("sample3.ref"))),
        ]


class SQLite:
    name = "sqlite3"
    package = "sqlite3"
    # The Makefile's FUZZCHECK_OPT, plus the byte order (see the docstring).
    COMMON = ["-DSQLITE_BYTEORDER=1234"]
    FUZZCHECK_OPT = [
        "-DSQLITE_OMIT_LOAD_EXTENSION", "-DSQLITE_ENABLE_MEMSYS5",
        "-DSQLITE_OSS_FUZZ", "-DSQLITE_MAX_MEMORY=50000000",
        "-DSQLITE_PRINTF_PRECISION_LIMIT=1000", "-DSQLITE_ENABLE_FTS4",
        "-DSQLITE_ENABLE_FTS3_PARENTHESIS", "-DSQLITE_ENABLE_FTS5",
        "-DSQLITE_ENABLE_RTREE", "-DSQLITE_ENABLE_GEOPOLY",
        "-DSQLITE_ENABLE_DBSTAT_VTAB", "-DSQLITE_ENABLE_BYTECODE_VTAB"]
    FUZZCHECK_SRC = ["test/fuzzcheck.c", "test/ossfuzz.c",
                     "test/fuzzinvariants.c", "ext/recover/dbdata.c",
                     "ext/recover/sqlite3recover.c", "test/vt02.c"]
    SPEEDTEST_OPT = ["-DSQLITE_OS_KV_OPTIONAL", "-DSQLITE_ENABLE_RTREE"]

    def __init__(self, zlib):
        self.zlib = zlib

    def build(self, src, tc, out):
        amal = self.amalgamation_dir
        inc = ["-I" + amal, "-I" + os.path.join(src, "test"),
               "-I" + os.path.join(src, "ext", "recover")]
        bindir = os.path.join(out, "bin")
        os.makedirs(bindir, exist_ok=True)
        fz = tc.compile_all(
            [os.path.join(src, s) for s in self.FUZZCHECK_SRC] +
            [os.path.join(amal, "sqlite3.c")],
            os.path.join(out, "obj-fuzzcheck"),
            inc + self.COMMON + self.FUZZCHECK_OPT)
        tc.link(fz, os.path.join(bindir, "fuzzcheck"), ["-lm", "-lpthread"])
        sf = tc.compile_all([os.path.join(src, "test", "sessionfuzz.c")],
                            os.path.join(out, "obj-sessionfuzz"),
                            inc + self.COMMON + ["-I" + self.zlib.src])
        tc.link(sf + self.zlib.libz[tc.variant],
                os.path.join(bindir, "sessionfuzz"), ["-lm", "-lpthread"])
        st = tc.compile_all([os.path.join(src, "test", "speedtest1.c"),
                             os.path.join(amal, "sqlite3.c")],
                            os.path.join(out, "obj-speedtest1"),
                            inc + self.COMMON + self.SPEEDTEST_OPT)
        tc.link(st, os.path.join(bindir, "speedtest1"), ["-lm", "-lpthread"])
        return fz + sf + st, bindir

    def tests(self, src, data):
        fuzzdata = sorted(glob.glob(os.path.join(src, "test",
                                                 "fuzzdata*.db")))
        tests = [
            Test("fuzzcheck", ["fuzzcheck"] + fuzzdata,
                 normalize=strip_times),
            Test("sessionfuzz", ["sessionfuzz", "run",
                                 os.path.join(src, "test",
                                              "sessionfuzz-data1.db")],
                 normalize=strip_times),
        ]
        for testset, size in (("main", 25), ("cte", 10), ("orm", 10),
                              ("fp", 10), ("rtree", 10)):
            tests.append(Test(
                "speedtest1-" + testset,
                ["speedtest1", "--testset", testset, "--size", str(size),
                 "--memdb", "--verify"],
                normalize=strip_times, expect=expect_verification_hash))
        return tests


class Lua:
    """Lua 5.4 and its own test suite, `all.lua` in portable mode
    (`-e_U=true`), built as C or, with lang="c++", as C++: Lua then raises
    errors with C++ exceptions instead of longjmp, so every error the tests
    provoke unwinds through plugin-compiled frames.

    Debian's lua5.4 source package has no test suite (Lua ships it apart),
    so the source is a tree of Lua's own repository at the release tag,
    which holds both: --lua-src, or a shallow clone of
    https://github.com/lua/lua at LUA_TAG.

    The portable mode leaves out what cannot run here: main.lua starts the
    interpreter through the shell, which cannot execute a ppc64le binary
    without binfmt_misc, and the C-library tests need the dlopen'ed
    testes/libs. The outputs of the two builds are compared on what is
    deterministic: the test files run, in order, and the final verdict
    (the rest holds random seeds, times and allocation figures)."""

    package = None
    LUA_TAG = "v5.4.4"
    CORE = ["lapi", "lcode", "lctype", "ldebug", "ldo", "ldump", "lfunc",
            "lgc", "llex", "lmem", "lobject", "lopcodes", "lparser",
            "lstate", "lstring", "ltable", "ltm", "lundump", "lvm", "lzio",
            "lauxlib", "lbaselib", "ldblib", "liolib", "lmathlib", "loslib",
            "ltablib", "lstrlib", "lutf8lib", "loadlib", "lcorolib", "linit",
            "lua"]
    # What Lua's makefile defines on Linux (without readline).
    DEFINES = ["-DLUA_USE_LINUX", "-DLUA_COMPAT_5_3"]

    def __init__(self, lang):
        self.lang = lang
        self.name = "lua" if lang == "c" else "lua-c++"

    @staticmethod
    def fetch(args, srcdir):
        if args.lua_src:
            src = os.path.abspath(args.lua_src)
        else:
            src = os.path.join(srcdir, "lua-" + Lua.LUA_TAG)
            if not os.path.isdir(src):
                log("lua: cloning %s of https://github.com/lua/lua"
                    % Lua.LUA_TAG)
                check_run(["git", "clone", "--quiet", "--depth", "1",
                           "--branch", Lua.LUA_TAG,
                           "https://github.com/lua/lua", src])
        if not os.path.exists(os.path.join(src, "testes", "all.lua")):
            raise RuntimeError("%s has no testes/all.lua: --lua-src must be "
                               "a tree of Lua's repository (github.com/lua/"
                               "lua) at a 5.4 tag" % src)
        return src

    def build(self, src, tc, out):
        extra = ["-I" + src] + self.DEFINES
        libs = ["-lm", "-ldl"]
        if self.lang == "c++":
            # C++ needs no C++ header here; -nostdinc++ keeps clang on the
            # sysroot's C headers (the ppc64le libstdc++ headers are not
            # installed, only the library).
            extra = ["-x", "c++", "-nostdinc++"] + extra
            libs.append("-l:libstdc++.so.6")
        else:
            extra = ["-std=c99"] + extra
        objs = tc.compile_all([os.path.join(src, s + ".c")
                               for s in self.CORE],
                              os.path.join(out, "obj"), extra)
        bindir = os.path.join(out, "bin")
        os.makedirs(bindir, exist_ok=True)
        tc.link(objs, os.path.join(bindir, "lua"), ["-Wl,-E"] + libs)
        return objs, bindir

    def tests(self, src, data):
        testes = os.path.join(src, "testes")

        def setup(cwd):
            for f in glob.glob(os.path.join(testes, "*.lua")):
                shutil.copy(f, cwd)

        def verdict_lines(text):
            return "\n".join(l for l in text.splitlines()
                             if l.startswith("***** FILE") or
                             l.startswith("final OK"))

        def expect_final_ok(out, cwd):
            return None if b"final OK !!!" in out else "no 'final OK !!!'"

        return [Test("all.lua", ["lua", "-e_U=true", "all.lua"],
                     setup=setup, normalize=verdict_lines,
                     expect=expect_final_ok)]


def summarize_output(run):
    """The last line of a test's output if it is text, else the hash of the
    bytes it wrote."""
    lines = run["output"].strip().splitlines()
    if lines and lines[-1].isprintable():
        return lines[-1]
    return "<binary output, sha256 %s>" % run["files"]["<stdout>"][:16]


def expect_verification_hash(out, cwd):
    if b"Verification Hash:" not in out:
        return "no verification hash"
    if b"SQL error" in out:
        return "SQL error"
    return None


# -- main ---------------------------------------------------------------------

def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"),
                        help="PPCGoABI build directory (LLVM 22): "
                             "lib/PPCGoABI.so and bin/ppc-go-abi-check")
    parser.add_argument("--llvm-bin", default="/usr/lib/llvm-22/bin",
                        help="the LLVM whose clang to use (the plugin's)")
    parser.add_argument("--work", default="/tmp/ppcgoabi-realcode")
    parser.add_argument("--projects", default="zlib,bzip2,sqlite3,lua,lua-c++",
                        help="comma-separated: zlib, bzip2, sqlite3, lua "
                             "(Lua 5.4 as C), lua-c++ (Lua 5.4 as C++)")
    parser.add_argument("--lua-src",
                        help="a tree of https://github.com/lua/lua at a 5.4 "
                             "tag (sources and testes/); default: a shallow "
                             "clone of %s" % Lua.LUA_TAG)
    parser.add_argument("--extra-cflags", default="",
                        help="added to both builds (e.g. a workaround)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--mode", choices=("shared", "dynlink", "pic"),
                        default="shared",
                        help="Go build mode of the go build (PIC either "
                             "way): shared (Go's -shared; also 'pic') or "
                             "dynlink")
    parser.add_argument("--fixed-regs", action="store_true",
                        help="also Go's fixed registers in the go build "
                             "(-ppc-go-fixed-regs; the checker then runs "
                             "with --fixed-regs on both builds)")
    parser.add_argument("--json", help="write the results here")
    args = parser.parse_args(argv)
    args.mode = modes.canonical(args.mode)
    args.plugin = tools.plugin_of(args.build)
    args.checker = tools.checker_of(args.build)
    args.clang = os.path.join(args.llvm_bin, "clang")
    for path in (args.plugin, args.checker, args.clang):
        if not os.path.exists(path):
            parser.error("missing %s" % path)
    projects = [p.strip() for p in args.projects.split(",") if p.strip()]
    needed = ["qemu-ppc64le"]
    if {"zlib", "bzip2", "sqlite3"} & set(projects):
        needed += ["apt-get", "dpkg-source"]
    if "sqlite3" in projects:
        needed += ["tclsh", "cc"]
    if {"lua", "lua-c++"} & set(projects) and not args.lua_src:
        needed.append("git")
    for tool in needed:
        if not shutil.which(tool):
            parser.error("%s is not installed" % tool)
    if not os.path.isdir(os.path.join(SYSROOT, "lib")):
        parser.error("no ppc64le libc in %s" % SYSROOT)

    srcdir = os.path.join(args.work, "src")
    zlib = ZLib()
    known = {"zlib": zlib, "bzip2": BZip2(), "sqlite3": SQLite(zlib),
             "lua": Lua("c"), "lua-c++": Lua("c++")}
    unknown = [p for p in projects if p not in known]
    if unknown:
        parser.error("unknown project(s): %s" % ", ".join(unknown))
    if "sqlite3" in projects and "zlib" not in projects:
        projects.insert(0, "zlib")  # sessionfuzz links it
    start = time.time()
    results = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
               "clang": check_run([args.clang, "--version"]).splitlines()[0],
               "plugin": args.plugin, "extra_cflags": args.extra_cflags,
               "mode": args.mode, "fixed_regs": args.fixed_regs,
               "projects": {}}
    ok = True
    for name in projects:
        proj = known[name]
        if isinstance(proj, Lua):
            src = Lua.fetch(args, srcdir)
        else:
            src = sources.fetch(proj.package, srcdir)
        if name == "sqlite3":
            proj.amalgamation_dir = sources.sqlite_amalgamation(
                src, args.work, args.jobs)
        res = {"source": os.path.basename(src), "builds": {}, "tests": {},
               "problems": []}
        results["projects"][name] = res
        data = os.path.join(args.work, "data", name)
        os.makedirs(data, exist_ok=True)
        builds = {}
        for variant in VARIANTS:
            tc = Toolchain(args, variant)
            out = os.path.join(args.work, variant, name)
            shutil.rmtree(out, ignore_errors=True)
            log("%s: building (%s)" % (name, variant))
            t0 = time.time()
            try:
                objs, bindir = proj.build(src, tc, out)
            except RuntimeError as e:
                res["problems"].append("%s build failed: %s"
                                       % (variant, str(e)[-2000:]))
                log("%s: %s build FAILED" % (name, variant))
                ok = False
                continue
            builds[variant] = (objs, bindir)
            checked, violations, unreadable = measure.check_objects(
                args.checker, modes.get(args.mode).checker_mode, "1.17",
                objs, ["--fixed-regs"] if args.fixed_regs else [])
            res["builds"][variant] = {
                "objects": len(objs), "seconds": round(time.time() - t0, 1),
                "text_bytes": measure.text_size(objs, args.llvm_bin),
                "functions_checked": checked, "violations": violations,
                "unreadable": unreadable}
        if len(builds) != len(VARIANTS):
            continue
        go = res["builds"]["go"]
        if go["violations"] or go["unreadable"] or not go["functions_checked"]:
            res["problems"].append("go objects: %d functions checked, "
                                   "violations %s, %d unreadable" % (
                                       go["functions_checked"],
                                       go["violations"], go["unreadable"]))
        same = [a for a, b in zip(builds["stock"][0], builds["go"][0])
                if sha256(a) == sha256(b)]
        if len(same) == len(builds["go"][0]):
            res["problems"].append("the go objects equal the stock ones: "
                                   "the plugin did nothing")
        for test in proj.tests(src, data):
            runs = {}
            for variant in VARIANTS:
                log("%s: %s (%s)" % (name, test.name, variant))
                runs[variant] = run_test(
                    test, builds[variant][1],
                    os.path.join(args.work, "run", variant, name),
                    args.timeout)
            s, g = runs["stock"], runs["go"]
            verdict = []
            for variant in VARIANTS:
                if runs[variant]["error"]:
                    verdict.append("%s fails: %s" % (variant,
                                                     runs[variant]["error"]))
            if s["rc"] != g["rc"]:
                verdict.append("exit status %s vs %s" % (s["rc"], g["rc"]))
            if s["output"] != g["output"]:
                verdict.append("outputs differ")
            if s["files"] != g["files"]:
                verdict.append("output files differ: %s" % ", ".join(
                    k for k in s["files"] if s["files"][k] != g["files"][k]))
            res["tests"][test.name] = {
                "verdict": "; ".join(verdict) or "identical, passed",
                "stock_seconds": s["seconds"], "go_seconds": g["seconds"],
                "output_tail": summarize_output(g)}
            if verdict:
                res["problems"].append("%s: %s" % (test.name,
                                                   "; ".join(verdict)))
        if res["problems"]:
            ok = False

    results["seconds"] = round(time.time() - start, 1)
    print_summary(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    print("result: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


def print_summary(results):
    print("== %s, %s, mode %s%s" % (
        results["clang"], results["date"], results.get("mode", "shared"),
        ", fixed-regs" if results.get("fixed_regs") else ""))
    if results["extra_cflags"]:
        print("   extra flags in both builds: %s" % results["extra_cflags"])
    for name, res in results["projects"].items():
        print("== %s (%s)" % (name, res["source"]))
        for variant, b in res["builds"].items():
            print("   %-5s %3d objects, .text %8d bytes, %5d functions "
                  "checked, violations: %s" % (
                      variant, b["objects"], b["text_bytes"],
                      b["functions_checked"],
                      ", ".join("%s %d" % kv for kv in
                                sorted(b["violations"].items())) or "none"))
        for tname, t in res["tests"].items():
            print("   %-20s %s (CPU: stock %.1fs, go %.1fs)" % (
                tname, t["verdict"], t["stock_seconds"], t["go_seconds"]))
        for p in res["problems"]:
            print("   PROBLEM: %s" % p)
    print("time: %.0fs" % results["seconds"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
