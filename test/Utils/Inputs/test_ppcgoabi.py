# ===- test_ppcgoabi.py - Unit tests of utils/lib/ppcgoabi ----------------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Pins what the Python tools share (utils/lib/ppcgoabi): the flags of each
Go build mode, the "pic" alias, running with a timeout, the .text measure
and where a build keeps its tools. Run by package.test with the package's
directory as the first argument and a scratch directory as the second."""

import os
import sys
import unittest

LIB, TMP = sys.argv[1], sys.argv[2]
sys.path.insert(0, LIB)
from ppcgoabi import bench, modes, process, tools  # noqa: E402


class Modes(unittest.TestCase):
    def test_table(self):
        self.assertEqual(modes.NAMES, ("shared", "dynlink", "static"))
        shared, dynlink, static = (modes.get(n) for n in modes.NAMES)
        self.assertEqual(shared.llc_flags, ["-relocation-model=pic"])
        self.assertEqual(shared.plugin_flags, ["-ppc-go-abi"])
        self.assertEqual(shared.clang_flags, ["-fPIC"])
        self.assertEqual(shared.checker_mode, "shared")
        self.assertEqual(dynlink.llc_flags, ["-relocation-model=pic"])
        self.assertEqual(dynlink.plugin_flags,
                         ["-ppc-go-abi", "-ppc-go-dynlink"])
        self.assertEqual(dynlink.clang_plugin_flags,
                         ["-mllvm", "-ppc-go-abi", "-mllvm",
                          "-ppc-go-dynlink"])
        self.assertEqual(dynlink.checker_mode, "dynlink")
        self.assertEqual(static.llc_flags, ["-relocation-model=static"])
        self.assertEqual(static.clang_flags, ["-fno-pic"])
        self.assertEqual(static.plugin_flags, ["-ppc-go-abi"])
        self.assertEqual(static.checker_mode, "static")

    def test_alias(self):
        self.assertIs(modes.get("pic"), modes.get("shared"))
        self.assertEqual(modes.parse_list("pic,static,shared, dynlink"),
                         ["shared", "static", "dynlink"])
        self.assertEqual(modes.parse_list("pic,off", extra=("off",)),
                         ["shared", "off"])

    def test_unknown(self):
        with self.assertRaisesRegex(ValueError,
                                    "unknown mode 'exe' .*shared, dynlink, "
                                    "static; pic = shared"):
            modes.parse_list("shared,exe")

    def test_bench_commands(self):
        cmd = bench.llc_command("/bin", "P.so", "enabled", "m.ll", "m.o",
                                "pic", ["-x"])
        self.assertEqual(cmd, [
            "/bin/llc", "-mtriple=powerpc64le-unknown-linux-gnu",
            "-relocation-model=pic", "-load=P.so", "-ppc-go-abi", "-x",
            "-filetype=obj", "m.ll", "-o", "m.o"])
        cmd = bench.llc_command("/bin", "P.so", "loaded-disabled", "m.ll",
                                "m.o", "dynlink")
        self.assertEqual(cmd[2:4], ["-relocation-model=pic", "-load=P.so"])
        self.assertNotIn("-ppc-go-dynlink", cmd)


class Process(unittest.TestCase):
    def test_output(self):
        r = process.run([sys.executable, "-c",
                         "import sys; print('out'); "
                         "sys.stderr.write('err\\n'); sys.exit(3)"])
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (3, "out\n", "err\n"))
        self.assertEqual(r.output, "out\nerr\n")

    def test_merge_and_undecodable(self):
        r = process.run([sys.executable, "-c",
                         "import sys; sys.stdout.buffer.write(b'\\xff\\n')"],
                        merge=True)
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (0, "\ufffd\n", ""))

    def test_timeout(self):
        r = process.run([sys.executable, "-c", "import time; time.sleep(30)"],
                        timeout=0.5)
        self.assertTrue(r.timed_out)
        self.assertEqual(r.output, "timeout after 0.5s")

    def test_check_run(self):
        with self.assertRaisesRegex(RuntimeError,
                                    r"command failed \(1\): .*\nboom"):
            process.check_run([sys.executable, "-c",
                               "import sys; sys.exit('boom')"])


class Tools(unittest.TestCase):
    def test_build_layout(self):
        build = os.path.join(TMP, "build")
        bindir = os.path.join(TMP, "llvm", "bin")
        os.makedirs(os.path.join(build, "bin"), exist_ok=True)
        os.makedirs(bindir, exist_ok=True)
        open(os.path.join(bindir, "llc"), "w").close()
        with open(os.path.join(build, "CMakeCache.txt"), "w") as f:
            f.write("LLVM_DIR:PATH=%s/llvm/lib/cmake/llvm\n" % TMP)
        plugin = tools.plugin_of(build)
        self.assertEqual(plugin, os.path.join(build, "lib", "PPCGoABI.so"))
        self.assertEqual(tools.llvm_bin_of_build(build), bindir)
        self.assertIsNone(tools.find_checker(plugin))
        checker = os.path.join(build, "bin", "ppc-go-abi-check")
        open(checker, "w").close()
        os.chmod(checker, 0o755)
        self.assertEqual(tools.find_checker(plugin), checker)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
