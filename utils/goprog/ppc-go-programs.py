#!/usr/bin/env python3
"""Builds and runs a real Go 1.19 program with LLVM code inside, in one of
Go's linux/ppc64le build modes, under qemu-ppc64le.

One harness for every scenario and build mode (docs/GoIntegration.md):
  1. compiles the LLVM side (INPUTS/llvm.c) with clang to IR, and the IR,
     with the plugin's flags for the chosen variant and
     -fstack-size-section, into a .syso in the Go package;
  2. writes the Go module from INPUTS/go plus the stubs ppc-go-stubs
     generates from the IR and the .syso, and the files the build mode
     needs (the recipes of docs/GoIntegration.md);
  3. builds with the matching -buildmode/-linkmode (and, for c-shared and
     c-archive, the C program that loads or links the library);
  4. runs ppc-go-abi-check on every object it built (the LLVM object and the
     final binaries) in the matching --mode, and prints each summary line;
  5. runs the program under qemu-ppc64le and prints what it saw.

Exit status 0 only if the program and every checker run passed. Every step
prints a line starting with "harness:", so a test can say which one failed.

Modes:  exe, pie                  Go's internal linker, no cgo
        exe-external, pie-external  -linkmode=external (GNU ld through
                                  powerpc64le-linux-gnu-gcc), cgo
        exe-lld, pie-lld          the same with lld (gcc -fuse-ld=lld, -B
                                  the directory of --clang)
        c-shared                  a Go library loaded by a C program
        c-archive                 a Go archive linked into a C program
        shared                    the checks package as a Go shared library
                                  (-buildmode=shared), used by a Go program
                                  linked with -linkshared (GOPATH mode)
        plugin                    a Go plugin (LLVM code compiled for
                                  -dynlink) loaded by a Go program
Variants (how the LLVM code is compiled):
        fixed-regs   the plugin: -ppc-go-abi -ppc-go-fixed-regs
        abi          the plugin without -ppc-go-fixed-regs
        no-r30, no-r0  -ppc-go-fixed-regs with one half disabled
        stock        clang without the plugin
        no-dynlink   (plugin mode) fixed-regs without -ppc-go-dynlink
"""

import argparse
import fcntl
import os
import shutil
import subprocess
import sys
import time

MODES = {
    # mode: (go build flags, cgo and the system linker, checker --mode)
    "exe": (["-buildmode=exe"], False, "static"),
    "pie": (["-buildmode=pie"], False, "shared"),
    "exe-external": (["-buildmode=exe"], True, "static"),
    "pie-external": (["-buildmode=pie"], True, "shared"),
    "exe-lld": (["-buildmode=exe"], True, "static"),
    "pie-lld": (["-buildmode=pie"], True, "shared"),
    "c-shared": (["-buildmode=c-shared"], True, "shared"),
    "c-archive": (["-buildmode=c-archive"], True, "shared"),
    "shared": (["-buildmode=shared"], True, "dynlink"),
    "plugin": (["-buildmode=plugin"], True, "dynlink"),
}
VARIANTS = ["fixed-regs", "abi", "no-r30", "no-r0", "stock", "no-dynlink"]
CC = "powerpc64le-linux-gnu-gcc"
SYSROOT = "/usr/powerpc64le-linux-gnu"
# Go 1.19 names the ELFv1 loader (/lib64/ld64.so.1) as the interpreter of
# every dynamically linked linux/ppc64le program it links itself; glibc's
# ppc64le loader is ld64.so.2 (cmd/link/internal/ppc64/obj.go Linuxdynld).
INTERP = "-I=/lib64/ld64.so.2"

# Files the harness adds to package checks, per mode.
# Internal exe: Go's linker converts a host object's ELF relocations only in
# its dynamic-relocation pass, which -d skips, and it sets -d for an exe
# that imports nothing dynamically (cmd/link/internal/ld/lib.go); one
# dynamic import keeps that pass.
EXE_RECIPE = '''package checks

// Recipe for -buildmode=exe with Go's internal linker: one dynamic import,
// so that the linker applies the .syso's relocations (GoIntegration.md).
//go:cgo_import_dynamic _ _ "libc.so.6"
'''
# External linking: cgo, libc, and a Go reference to the callback so that
# Go's linker keeps it: it never reads the .syso's relocations, which go to
# the system linker as they are.
EXTERNAL_GO = '''package checks

import _ "runtime/cgo"

func init() {
	ModeChecks = append(ModeChecks, func(report func(string, bool, string, ...interface{})) {
		ret, r0 := llvmLibc(1234567)
		report("llvm-to-libc", ret == 9 && r0 == 0, "strlen(snprintf(\\"v=%%ld\\", 1234567)) = %d, r0 = %#x", ret, r0)
	})
}
'''
# External linking except plugins: Go's linker gives every Go symbol local
# binding in the object it hands to the system linker unless cgo exports it
# (cmd/link/internal/ld/symtab.go putelfsym), and //go:cgo_export_static is
# refused outside cgo-generated files, so the C code cannot name
# go_callback: Go stores its address in the C object's go_callback_ptr.
CALLBACK_PTR_GO = '''package checks

// setCallback stores go_callback's address in the C object's
// go_callback_ptr (zz_ptr_ppc64le.s).
func setCallback()

func init() { setCallback() }
'''
CALLBACK_PTR_ASM = '''#include "textflag.h"

TEXT ·setCallback(SB), NOSPLIT|NOFRAME, $0-0
	MOVD $go_callback(SB), R3
	MOVD $go_callback_ptr(SB), R4
	MOVD R3, 0(R4)
	RET
'''
# exe with an external linker: GNU ld and lld resolve a direct branch from
# Go to the LLVM function's local entry (the ELFv2 rule: the caller's r2 is
# the TOC), and Go's r2 is no TOC in exe mode; the callee then reads
# garbage or crashes. --direct runs the check anyway.
NO_DIRECT_GO = '''package checks

func init() {
	NoDirect = "exe with an external linker: a direct bl enters at the local entry with Go's r2, which is not a TOC in exe mode"
}
'''
# Plugin mode: the LLVM code in the plugin calls host_callback, Go assembly
# in the main executable (go/host), through the PLT.
PLUGIN_GO = '''package checks

func init() {
	ModeChecks = append(ModeChecks, func(report func(string, bool, string, ...interface{})) {
		ret, r0 := llvmCallHost(100)
		report("llvm-to-main-executable", ret == 14950 && r0 == 0, "llvm_call_host(100) = %d, want 14950 (host_callback in the main executable); r0 = %#x", ret, r0)
	})
}
'''
# Go symbols are global under -dynlink (plugin, shared), so the LLVM code
# calls go_callback directly; Go's linker must still keep it.
KEEP_GO = '''package checks

// keepCallback references go_callback, which only the LLVM code calls: Go's
// linker never reads the .syso's relocations when the system linker links,
// so without a Go reference it drops go_callback.
func keepCallback()

func init() { keepCallback() }
'''
KEEP_ASM = '''#include "textflag.h"

TEXT ·keepCallback(SB), NOSPLIT|NOFRAME, $0-0
	MOVD $go_callback(SB), R3
	RET
'''


def log(msg):
    print("harness: " + msg)
    sys.stdout.flush()


def run(cmd, cwd=None, env=None, what=None, timeout=600):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True,
                       timeout=timeout)
    if p.returncode != 0:
        log("%s failed (exit %d): %s" % (what or cmd[0], p.returncode,
                                         " ".join(cmd)))
        sys.stdout.write(p.stdout)
        sys.exit(1)
    return p.stdout


CALLBACK_PTR_MODES = ("exe-external", "pie-external", "exe-lld", "pie-lld",
                      "c-shared", "c-archive")
DYNLINK_MODES = ("plugin", "shared")


def defines(args):
    """The preprocessor flags of llvm.c for the mode."""
    d = []
    if MODES[args.mode][1]:  # cgo: linked by the system linker, with libc
        d.append("-DWITH_LIBC")
    if args.mode in CALLBACK_PTR_MODES:
        d.append("-DCALLBACK_PTR")
    if args.mode == "plugin":
        d.append("-DPLUGIN_HOST")
    return d


def codegen_flags(args):
    """The plugin's flags for the variant (none for stock clang)."""
    v = args.variant
    if v == "stock":
        return []
    m = ["-Xclang", "-load", "-Xclang", args.plugin]
    opts = ["-ppc-go-abi", "-ppc-go-version=1.19"]
    if args.mode in DYNLINK_MODES and v != "no-dynlink":
        opts.append("-ppc-go-dynlink")
    if v in ("fixed-regs", "no-r30", "no-r0", "no-dynlink"):
        opts.append("-ppc-go-fixed-regs")
    if v == "no-r30":
        opts.append("-ppc-go-fixed-regs-disable=r30")
    if v == "no-r0":
        opts.append("-ppc-go-fixed-regs-disable=r0")
    for o in opts:
        m += ["-mllvm", o]
    return m


def stub_commands(args, ir, obj, pkg):
    """The ppc-go-stubs runs that write the checks package's stubs: every
    stub reports r0 (--report-r0); llvmGlobalDirect branches directly."""
    exports = ["llvm_add=llvmAdd", "llvm_global=llvmGlobal",
               "llvm_call_go=llvmCallGo", "llvm_pressure=llvmPressure"]
    if MODES[args.mode][1]:
        exports.append("llvm_libc=llvmLibc")
    if args.mode == "plugin":
        exports.append("llvm_call_host=llvmCallHost")
    # Stack use of what the C code calls outside the object: the Go assembly
    # callbacks use none (NOFRAME leaves; with external linking go_callback
    # is reached through a pointer); glibc's snprintf, generously.
    assume = ["--assume-stack=go_callback=0", "--assume-stack=host_callback=0",
              "--assume-stack=snprintf=8192", "--assume-stack=strlen=288",
              "--assume-indirect=llvm_call_go=0"]
    base = [args.stubs, "--object=" + obj, "--package=checks",
            "--report-r0"] + assume
    return [
        base + ["--export=" + ",".join(exports),
                "--go-out=" + os.path.join(pkg, "zz_stubs.go"),
                "--asm-out=" + os.path.join(pkg, "zz_stubs_ppc64le.s"), ir],
        base + ["--call=direct", "--export=llvm_global=llvmGlobalDirect",
                "--go-out=" + os.path.join(pkg, "zz_direct.go"),
                "--asm-out=" + os.path.join(pkg, "zz_direct_ppc64le.s"), ir],
    ]


def copy_tree(src, dst):
    for dirpath, dirnames, filenames in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
        for f in filenames:
            shutil.copyfile(os.path.join(dirpath, f),
                            os.path.join(dst, rel, f))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", required=True, choices=sorted(MODES))
    ap.add_argument("--variant", required=True, choices=VARIANTS)
    ap.add_argument("--inputs", required=True,
                    help="llvm.c and go/ (test/GoPrograms/Inputs)")
    ap.add_argument("--tmp", required=True, help="a work directory")
    ap.add_argument("--plugin", help="PPCGoABI.so (every variant but stock)")
    ap.add_argument("--clang", default="clang")
    ap.add_argument("--checker", default="ppc-go-abi-check")
    ap.add_argument("--stubs", default="ppc-go-stubs",
                    help="ppc-go-stubs, which writes the Go stubs")
    ap.add_argument("--checker-arg", action="append", default=[],
                    help="extra ppc-go-abi-check option (repeatable)")
    ap.add_argument("--seconds", type=int, default=3,
                    help="how long the goroutines, GC and preemption run")
    ap.add_argument("--godebug", default="",
                    help="GODEBUG for the run (e.g. asyncpreemptoff=1)")
    ap.add_argument("--direct", action="store_true",
                    help="run go-to-llvm-direct in exe-external/exe-lld too")
    ap.add_argument("--no-recipe", action="store_true",
                    help="build exe without the dynamic-import recipe")
    args = ap.parse_args()
    if args.variant != "stock" and not args.plugin:
        ap.error("--plugin is needed for variant %s" % args.variant)
    goflags, cgo, checkmode = MODES[args.mode]
    external = args.mode.endswith("-external") or args.mode.endswith("-lld")
    go = shutil.which("go")
    if not go:
        log("no go in PATH")
        return 1

    work = os.path.abspath(args.tmp)
    shutil.rmtree(work, ignore_errors=True)
    mod = os.path.join(work, "go")
    if args.mode == "shared":
        # -linkshared finds a package's shared library through the
        # .shlibname file next to its installed .a, and a non-main package
        # has no install target in module mode (cmd/go/internal/load
        # pkg.go): GOPATH mode.
        mod = os.path.join(work, "gopath", "src", "goprog")
    copy_tree(os.path.join(args.inputs, "go"), mod)
    pkg = os.path.join(mod, "checks")

    # 1. The LLVM object, from IR that ppc-go-stubs reads too.
    ir = os.path.join(work, "llvm.ll")
    obj = os.path.join(pkg, "llvm_ppc64le.syso")
    cmd = [args.clang, "--target=powerpc64le-linux-gnu", "-O2", "-fPIC",
           "--sysroot=" + SYSROOT] + defines(args) + [
        "-S", "-emit-llvm", os.path.join(args.inputs, "llvm.c"), "-o", ir]
    log("ir: " + " ".join(cmd))
    run(cmd, what="clang")
    cmd = [args.clang, "--target=powerpc64le-linux-gnu", "-O2", "-fPIC",
           "-fstack-size-section", "-c", ir] + codegen_flags(args) + [
        "-o", obj]
    log("llvm: " + " ".join(c for c in cmd if c != args.plugin))
    run(cmd, what="clang")

    # 2. The stubs, and the mode's files.
    for cmd in stub_commands(args, ir, obj, pkg):
        log("stubs: " + " ".join(cmd))
        run(cmd, what="ppc-go-stubs")
    if args.mode == "exe" and not args.no_recipe:
        with open(os.path.join(pkg, "zz_mode.go"), "w") as f:
            f.write(EXE_RECIPE)
        log("recipe: //go:cgo_import_dynamic _ _ \"libc.so.6\"")
    def add(name, text):
        with open(os.path.join(pkg, name), "w") as f:
            f.write(text)
    if cgo:
        add("zz_mode.go", EXTERNAL_GO)
    if args.mode in CALLBACK_PTR_MODES:
        add("zz_ptr.go", CALLBACK_PTR_GO)
        add("zz_ptr_ppc64le.s", CALLBACK_PTR_ASM)
    if args.mode in ("exe-external", "exe-lld") and not args.direct:
        add("zz_nodirect.go", NO_DIRECT_GO)
    if args.mode == "plugin":
        add("zz_plugin.go", PLUGIN_GO)
    if args.mode in DYNLINK_MODES:
        add("zz_keep.go", KEEP_GO)
        add("zz_keep_ppc64le.s", KEEP_ASM)

    # 3. Go build.
    env = dict(os.environ)
    env.update({
        "GOOS": "linux", "GOARCH": "ppc64le", "GO111MODULE": "on",
        "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GOPROXY": "off",
        "GOPATH": os.path.join(work, "gopath"),
        "CGO_ENABLED": "1" if cgo else "0",
    })
    # One cache for the whole suite (lit.cfg.py sets GOCACHE): the standard
    # library for linux/ppc64le is compiled once.
    env.setdefault("GOCACHE", "/tmp/go-cache-ppcgoabi")
    if cgo:
        env["CC"] = CC
    if args.mode == "shared":
        env["GO111MODULE"] = "off"
        env.pop("GOFLAGS")
        # The shared standard library (libstd.so) and the package's library
        # are installed here, not in GOROOT: once per cache, one run at a
        # time (the program's RUNPATH names this directory).
        pkgdir = env["GOCACHE"].rstrip("/") + "-shared-pkgdir"
        os.makedirs(pkgdir, exist_ok=True)
        lock = open(pkgdir + ".lock", "w")
        fcntl.flock(lock, fcntl.LOCK_EX)
    ldflags = [INTERP]
    if args.mode.endswith("-external"):
        ldflags = ["-linkmode=external"]
    elif args.mode.endswith("-lld"):
        bindir = os.path.dirname(shutil.which(args.clang) or args.clang)
        # Debian's gcc links PIE by default; Go's exe object is not PIC,
        # and lld (unlike GNU ld) refuses it without -no-pie.
        nopie = " -no-pie" if args.mode == "exe-lld" else ""
        ldflags = ["-linkmode=external",
                   "'-extldflags=-fuse-ld=lld -B%s%s'" % (bindir, nopie)]
    elif cgo:
        ldflags = []
    bins = []
    t0 = time.time()

    def gobuild(flags, out, target, ld):
        cmd = [go, "build"] + flags + ["-o", out]
        if ld:
            cmd.append("-ldflags=" + " ".join(ld))
        cmd.append(target)
        log("go: " + " ".join(cmd[1:]))
        run(cmd, cwd=mod, env=env, what="go build")
        bins.append(out)

    def goinstall(flags, target):
        cmd = [go, "install"] + flags + ["-pkgdir=" + pkgdir, target]
        log("go: " + " ".join(cmd[1:]))
        run(cmd, cwd=mod, env=env, what="go install", timeout=1800)

    if args.mode == "shared":
        goinstall(["-buildmode=shared"], "std")
        goinstall(["-buildmode=shared", "-linkshared"], "goprog/checks")
        bins.append(os.path.join(pkgdir, "libgoprog-checks.so"))
        exe = os.path.join(work, "prog")
        gobuild(["-linkshared", "-pkgdir=" + pkgdir], exe, "goprog/prog", [])
        prog = [exe]
    elif args.mode == "c-archive":
        lib = os.path.join(work, "libchecks.a")
        gobuild(goflags, lib, "./cshared", [])
        bins.remove(lib)
        host = os.path.join(work, "host")
        cmd = [CC, "-O1", "-o", host, os.path.join(args.inputs, "host.c"),
               lib, "-lpthread"]
        log("cc: " + " ".join(cmd))
        run(cmd, what="cc")
        bins.append(host)
        prog = [host]
    elif args.mode == "c-shared":
        lib = os.path.join(work, "libchecks.so")
        gobuild(goflags, lib, "./cshared", ldflags)
        host = os.path.join(work, "host")
        cmd = [CC, "-O1", "-o", host, os.path.join(args.inputs, "host.c"),
               lib, "-Wl,-rpath," + work]
        log("cc: " + " ".join(cmd))
        run(cmd, what="cc")
        prog = [host]
    elif args.mode == "plugin":
        so = os.path.join(work, "checks.so")
        gobuild(goflags, so, "./plug", ldflags)
        host = os.path.join(work, "host")
        gobuild(["-buildmode=exe"], host, "./host", [])
        prog = [host, so]
    else:
        exe = os.path.join(work, "prog")
        gobuild(goflags, exe, "./prog", ldflags)
        prog = [exe]
    log("built in %.1fs" % (time.time() - t0))

    # 4. The checker on every object built: the LLVM object as compiled, and
    # each final binary (the plugin mode's main program is ordinary Go code,
    # not -dynlink code). In a final binary Go's function table lists each
    # host object's whole .text as one function, "pkg(.text)", so its LLVM
    # functions would be checked as one Go function: it is ignored (the
    # LLVM functions are checked by their own symbols). Go's internal linker
    # also writes st_other 0 for the host object's symbols (it applied the
    # local entries itself), so there the LLVM functions are checked in the
    # object only.
    status = 0
    for f in [obj] + bins:
        fmode = checkmode
        extra = []
        if f != obj:
            extra.append(r"--ignore=\(\.text\)$")
            if not cgo:
                extra.append("--ignore=^llvm_")
        if args.mode == "plugin" and f.endswith("/host"):
            fmode = "static"
        cmd = [args.checker, "--go=1.19", "--mode=" + fmode] + extra + \
            args.checker_arg + [f]
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True)
        summary = [l for l in p.stdout.splitlines() if l.startswith(f + ":")
                   and ("functions checked" in l or "error:" in l)]
        name = os.path.basename(f)
        if p.returncode != 0:
            status = 1
            log("checker %s --mode=%s: FAIL (exit %d)" % (name, fmode,
                                                         p.returncode))
            sys.stdout.write(p.stdout)
        else:
            log("checker %s --mode=%s: ok (%s)" % (
                name, fmode,
                summary[-1].split(": ", 1)[1] if summary else "no summary"))

    # 5. Run it.
    qemu = ["qemu-ppc64le", "-L", SYSROOT]
    if args.godebug:
        qemu += ["-E", "GODEBUG=" + args.godebug]
    cmd = qemu + prog + [str(args.seconds)]
    log("run: " + " ".join(cmd))
    t0 = time.time()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True,
                           timeout=args.seconds + 120)
    except subprocess.TimeoutExpired as e:
        sys.stdout.write(e.stdout or "")
        log("program timed out")
        return 1
    out = p.stdout
    # A crash prints a whole goroutine dump: keep its head.
    lines = out.splitlines()
    if len(lines) > 60:
        lines = lines[:60] + ["... (%d more lines)" % (len(lines) - 60)]
    for l in lines:
        print(l)
    rc = p.returncode
    # A check that announced itself ("begin NAME") and never reported died.
    running = None
    for l in out.splitlines():
        if l.startswith("begin "):
            running = l.split()[1]
        elif running and l.startswith("check %s:" % running):
            running = None
    if running and rc != 0:
        log("check %s: FAIL (the program died in it)" % running)
    if rc < 0:
        log("program killed by signal %d after %.1fs" % (-rc, time.time() - t0))
    else:
        log("program exited with %d after %.1fs" % (rc, time.time() - t0))
    if rc != 0:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
