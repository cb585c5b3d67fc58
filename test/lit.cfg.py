# -*- Python -*-
# The PPCGoABI lit suite. Configured per build by lit.site.cfg.py (CMake).
import os
import re
import shutil

import lit.formats

config.name = "PPCGoABI-LLVM%d" % config.llvm_version_major
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".ll", ".mir", ".test", ".c", ".cpp", ".s"]
config.excludes = ["Inputs", "CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ppcgoabi_obj_root, "test")

# The LLVM under test comes first: /usr/bin/llc is another LLVM.
path = [config.llvm_tools_dir, config.ppcgoabi_tools_dir,
        config.environment.get("PATH", os.environ.get("PATH", ""))]
config.environment["PATH"] = os.pathsep.join(path)
for var in ["HOME", "TMPDIR", "CI"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]
# One Go build cache for the whole suite, both LLVM builds and every run:
# Go's standard library for linux/ppc64le (and its -shared and -dynlink
# variants) is compiled once, then reused (the Go tests take minutes
# without it). $GOCACHE overrides it.
config.environment["GOCACHE"] = os.environ.get(
    "GOCACHE", os.path.join(os.environ.get("TMPDIR", "/tmp"),
                            "go-cache-ppcgoabi"))

major = config.llvm_version_major
plugin = config.ppcgoabi_plugin
tools = config.llvm_tools_dir


def tool(name):
    return os.path.join(tools, name)


config.substitutions.append(("%plugin", plugin))
# llc with the plugin loaded (-load works on every supported LLVM).
config.substitutions.append(
    ("%llc_go", "%s -load=%s -mtriple=powerpc64le-unknown-linux-gnu"
     % (tool("llc"), plugin)))
# llc with the plugin loaded and the target set, for when the test chooses
# the triple itself.
config.substitutions.append(("%llc_load", "%s -load=%s" % (tool("llc"), plugin)))
config.substitutions.append(
    ("%llc_stock", "%s -mtriple=powerpc64le-unknown-linux-gnu" % tool("llc")))
config.substitutions.append(("%clang", tool("clang")))
config.substitutions.append(("%python", shutil.which("python3") or "python3"))
config.substitutions.append(("%src_root", config.ppcgoabi_src_root))
config.substitutions.append(("%utils", os.path.join(config.ppcgoabi_src_root, "utils")))
checker = os.path.join(config.ppcgoabi_tools_dir, "ppc-go-abi-check")
config.substitutions.append(("%ppc-go-abi-check", checker))
config.substitutions.append(
    ("%ppc-go-stubs", os.path.join(config.ppcgoabi_tools_dir, "ppc-go-stubs")))
config.substitutions.append(("%llvm_major", str(major)))

config.available_features.add("llvm-%d" % major)
config.substitutions.append(("%obj_root", config.ppcgoabi_obj_root))


def find_other_build():
    """The build of this source tree against the other supported LLVM major,
    for the tests that need both (installing side by side, refusing the other
    major's plugin): the lit parameter other_build, else $PPCGOABI_OTHER_BUILD,
    else build/ or build-19/ beside the sources (utils/test-all.sh builds
    both before it runs lit)."""
    given = (lit_config.params.get("other_build")
             or os.environ.get("PPCGOABI_OTHER_BUILD"))
    candidates = [os.path.abspath(given)] if given else [
        os.path.join(config.ppcgoabi_src_root, d) for d in ("build", "build-19")]
    own = os.path.realpath(config.ppcgoabi_obj_root)
    for cand in candidates:
        if not cand or os.path.realpath(cand) == own:
            continue
        cache = os.path.join(cand, "CMakeCache.txt")
        plugin_path = os.path.join(cand, "lib", "PPCGoABI.so")
        if not (os.path.exists(cache) and os.path.exists(plugin_path)):
            continue
        with open(cache) as f:
            for line in f:
                if line.startswith("LLVM_DIR:"):
                    found = re.search(r"/llvm-(\d+)/", line)
                    if found and int(found.group(1)) != major:
                        return cand, plugin_path, int(found.group(1))
    return None, None, None


other_build, other_plugin, other_major = find_other_build()
if other_build:
    config.available_features.add("other-llvm-build")
    config.substitutions.append(("%other_obj_root", other_build))
    config.substitutions.append(("%other_plugin", other_plugin))
    config.substitutions.append(("%other_llvm_major", str(other_major)))
if major >= 22:
    config.available_features.add("load-pass-plugin")

# Optional tools: a missing one skips the tests that need it locally, but CI
# installs everything, so under CI a missing tool is an error, not a skip.
optional = {
    "qemu": shutil.which("qemu-ppc64le"),
    "go": shutil.which("go"),
    "ppc64le-binutils": shutil.which("powerpc64le-linux-gnu-ld"),
    "ppc64le-sysroot": os.path.isdir("/usr/powerpc64le-linux-gnu/lib") or None,
    "ld.lld": os.path.exists(tool("ld.lld")) or None,
    "clang": os.path.exists(tool("clang")) or None,
    "cmake": shutil.which("cmake"),
}
# Built by this project (utils/ppc-go-abi-check), so never missing in CI.
if os.path.exists(checker):
    config.available_features.add("checker")
missing = [name for name, found in optional.items() if not found]
if not other_build:
    missing.append("the other LLVM major's build (utils/test-all.sh builds both)")
for name, found in optional.items():
    if found:
        config.available_features.add(name)
if missing and os.environ.get("CI") == "true":
    lit_config.fatal("CI must run every test, but these are missing: %s"
                     % ", ".join(missing))
elif missing:
    lit_config.note("tests needing %s will be skipped" % ", ".join(missing))
