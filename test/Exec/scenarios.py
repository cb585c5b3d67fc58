# ===- scenarios.py - The execution tests' scenario catalogue -----------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===----------------------------------------------------------------------===#
"""The scenarios of the execution tests (docs/ExecutionTests.md), beside
their sources (Inputs/) and their lit tests (*.test): for each, the modules
of the program, the modes it is built in, how many checks it prints, what
the plugin's assembly and the linked modules must show, and the negative
controls, each switching one rule off. utils/exec/run-exec-tests.py builds,
links and runs them; editing a scenario here changes exactly the test of the
same name.
"""

import dataclasses
import os
import re
from typing import Callable, Optional, Tuple

from ppcgoabi import modes

MODES = modes.NAMES
INPUTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs")

# ===----------------------------------------------------------------------===#
# Assembly patterns and edits
# ===----------------------------------------------------------------------===#

_END = r"[ \t]*(?:#[^\n]*)?\n"  # the rest of an instruction line


def _insn(text: str) -> str:
    """A regex for one instruction line as LLVM prints it ("ld 2,24(1)")."""
    mnemonic, _, operands = text.partition(" ")
    regex = r"[ \t]+" + re.escape(mnemonic)
    if operands:
        regex += r"[ \t]+" + r",\s*".join(
            re.escape(o) for o in operands.split(","))
    return regex + _END


def _call(symbols: str) -> str:
    """`bl sym` for a symbol matching the regex alternatives in symbols."""
    return r"[ \t]+bl[ \t]+(?:%s)%s" % (symbols, _END)


NOP = _insn("nop")
NOP_LINE = "\tnop\n"
TOC_SAVE = _insn("std 2,24(1)")
TOC_LOAD = _insn("ld 2,24(1)")
BCTRL = _insn("bctrl")
FRAME_ALLOC = r"[ \t]+stdu[ \t]+1,[^\n]*\n"
DEFERRETURN_CALL = _call(r"runtime\.deferreturn")
PAD_PIC = NOP + TOC_LOAD + DEFERRETURN_CALL
PAD_STATIC = NOP + NOP + DEFERRETURN_CALL


@dataclasses.dataclass(frozen=True)
class Edit:
    """Removes one rule's instructions from the plugin's assembly output. An
    edit that finds nothing to change is an error, never a silent no-op, so a
    negative control cannot quietly test nothing."""
    name: str
    pattern: str
    replacement: str

    def apply(self, text: str) -> Tuple[str, int]:
        return re.subn(self.pattern, self.replacement, text)


def drop_nop_after_calls(symbols: str) -> Edit:
    """Rule 4 off: the nop after `bl sym` that the linker makes ld 2,24(1)."""
    return Edit("drop-nop-after-bl", r"(%s)%s" % (_call(symbols), NOP), r"\1")


# Rule 3 off: the reload after an indirect call becomes a nop.
DROP_RELOAD_AFTER_BCTRL = Edit("drop-reload-after-bctrl",
                               r"(%s)%s" % (BCTRL, TOC_LOAD),
                               r"\1" + NOP_LINE)
# Rule 2 off: every TOC save becomes a nop.
DROP_TOC_SAVES = Edit("drop-toc-saves", TOC_SAVE, NOP_LINE)
# Rule 5 off in PIC: the pad's reload becomes a nop (two nops, as in static).
DROP_PAD_RELOAD = Edit("drop-pad-reload",
                       r"(%s)%s(%s)" % (NOP, TOC_LOAD, DEFERRETURN_CALL),
                       r"\1" + NOP_LINE + r"\2")

# ===----------------------------------------------------------------------===#
# Scenarios
# ===----------------------------------------------------------------------===#


@dataclasses.dataclass(frozen=True)
class Module:
    """An executable or a shared object, built from sources in Inputs."""
    name: str
    sources: Tuple[str, ...]
    shared: bool
    # Shared modules (by name) it is linked against.
    needs: Tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Variant:
    name: str
    # The plugin build (must pass) or a negative control (must fail).
    positive: bool
    # For a negative control: the rule it switches off and how.
    why: str = ""
    # Compile without the plugin.
    stock: bool = False
    # Extra plugin options (-mllvm), per source ("*": every source).
    options: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    # Sources compiled without -ppc-go-dynlink in dynlink mode.
    no_dynlink: Tuple[str, ...] = ()
    # Assembly edits, per source ("*": every compiled source).
    edits: Tuple[Tuple[str, Tuple[Edit, ...]], ...] = ()
    # The modes it applies to (None: all of the scenario's).
    modes: Optional[Tuple[str, ...]] = None
    # How a negative control must fail: "link" and/or "run".
    fails_by: Tuple[str, ...] = ("run",)
    # For a run-time failure: the checks or GUARD groups of the program that
    # must each print a FAIL line (each given by the start of its name), so
    # that the control proves every one of them can fail, not only the first.
    must_fail: Tuple[str, ...] = ()

    def options_for(self, source: str) -> Tuple[str, ...]:
        return tuple(o for s, opts in self.options if s in ("*", source)
                     for o in opts)

    def edits_for(self, source: str) -> Tuple[Edit, ...]:
        return tuple(e for s, edits in self.edits if s in ("*", source)
                     for e in edits)


def disable_rule(rule: str) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    """Plugin options that switch one rule's pass off (the plugin's hidden
    testing option), for every source."""
    return (("*", ("-ppc-go-abi-disable-rule=" + rule,)),)


# What a build must show: (where, description, regex, minimum count).
# For assembly, where is "source" or "source:function"; for linked modules it
# is the module name, and the regex runs over llvm-objdump -d output.
Expectation = Tuple[str, str, str, int]


@dataclasses.dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    modes: Tuple[str, ...]
    # The modules, given the mode.
    modules: Callable[[str], Tuple[Module, ...]]
    # The number of checks the program prints, given the mode.
    checks: Callable[[str], int]
    variants: Tuple[Variant, ...]
    # Per mode, on the plugin build's assembly.
    expect_asm: Callable[[str], Tuple[Expectation, ...]] = lambda mode: ()
    # Sources in which every function must have a local entry (rule 1).
    all_local_entries: Tuple[str, ...] = ()
    # Per mode, on the plugin build's linked modules, for each linker.
    expect_linked: Callable[[str], Tuple[Expectation, ...]] = lambda mode: ()


def _stub_call_restored(symbols: str) -> str:
    """In a disassembly: a call through a linker stub (lld: __plt_f, GNU ld:
    ....plt_call.f) whose nop the linker turned into ld 2,24(1)."""
    return (r"\bbl\s+0x[0-9a-f]+ <[^>\n]*plt[^>\n]*[._](?:%s)>\n"
            r"\s*[0-9a-f]+:\s+ld 2, 24\(1\)\n" % symbols)


# --- direct ---------------------------------------------------------------


def _direct_modules(mode: str) -> Tuple[Module, ...]:
    b_sources = ("direct_b.c", "exec_runtime.S")
    if mode == "dynlink":
        b_sources += ("direct_interpose.ll",)
    return (
        Module("directb", b_sources, shared=True),
        Module("directa", ("direct_a.c", "exec_runtime.S"), shared=True,
               needs=("directb",)),
        Module("direct", ("direct_main.c", "harness.c", "exec_runtime.S"),
               shared=False, needs=("directa", "directb")),
    )


def _direct_asm(mode: str) -> Tuple[Expectation, ...]:
    expect = (("direct_a.c", "a nop after each call leaving the module",
               _call("b_step|exe_leaf") + NOP, 2),)
    # Stock LLVM leaves the TOC save to the linker's stubs here: these show
    # that the plugin acted on the sources.
    expect += tuple(("%s:%s" % (source, function),
                     "std 2,24(1) right after stdu", FRAME_ALLOC + TOC_SAVE, 1)
                    for source, function in (("direct_a.c", "a_entry"),
                                             ("direct_a.c", "a_back"),
                                             ("direct_b.c", "b_step")))
    if mode == "dynlink":
        expect += (("direct_interpose.ll",
                    "a nop after the call to the dso_local b_interposed",
                    _call("b_interposed") + NOP, 1),)
    return expect


def _direct_linked(mode: str) -> Tuple[Expectation, ...]:
    expect = (
        ("directa", "stub calls to b_step and exe_leaf followed by the "
         "linker's ld 2,24(1)", _stub_call_restored("b_step|exe_leaf"), 2),
        ("directb", "a stub call to a_back followed by ld 2,24(1)",
         _stub_call_restored("a_back"), 1),
        ("direct", "stub calls to a_entry and b_step followed by "
         "ld 2,24(1)", _stub_call_restored("a_entry|b_step"), 2),
    )
    if mode == "dynlink":
        expect += (("directb", "the call to its own b_interposed goes through "
                    "a stub, followed by ld 2,24(1)",
                    _stub_call_restored("b_interposed"), 1),)
    return expect


DIRECT = Scenario(
    name="direct",
    summary="direct calls across shared objects through the linkers' stubs",
    modes=("shared", "dynlink"),
    modules=_direct_modules,
    checks=lambda mode: 11 if mode == "dynlink" else 9,
    expect_asm=_direct_asm,
    expect_linked=_direct_linked,
    variants=(
        Variant("plugin", positive=True),
        Variant(
            "no-nop-after-call", positive=False,
            why="the nop after libdirecta.so's calls to b_step and exe_leaf "
            "removed: the linker has nowhere to restore r2 after the stub",
            edits=(("direct_a.c", (drop_nop_after_calls("b_step|exe_leaf"),)),
                   ),
            fails_by=("link",)),
        Variant(
            "no-dynlink", positive=False, modes=("dynlink",),
            why="direct_interpose.ll compiled without -ppc-go-dynlink: no nop "
            "after its call to the dso_local b_interposed, which the "
            "executable interposes",
            no_dynlink=("direct_interpose.ll",),
            must_fail=("exe: B's call to b_interposed",)),
        Variant(
            "disable-dynlink-call", positive=False, modes=("dynlink",),
            why="-ppc-go-abi-disable-rule=dynlink-call: rule 4's pass off, "
            "so no nop after the call to the interposed b_interposed",
            options=disable_rule("dynlink-call"),
            must_fail=("exe: B's call to b_interposed",)),
    ))

# --- indirect -------------------------------------------------------------


def _indirect_modules(mode: str) -> Tuple[Module, ...]:
    return (
        Module("indirectb", ("indirect_b.c", "exec_runtime.S"), shared=True),
        Module("indirect", ("indirect_main.c", "harness.c", "exec_runtime.S"),
               shared=False, needs=("indirectb",)),
    )


# The GUARD groups and checks of indirect_main.c.
INDIRECT_CALLBACKS = ("exe->B->exe TOC-using callback",
                      "exe->B->exe TOC-free callback", "exe->B->exe->B")
INDIRECT_CALLS = ("exe->B TOC-using leaf",
                  "exe->B TOC-free leaf") + INDIRECT_CALLBACKS
INDIRECT_ENTRIES = ("r2 after entering B's TOC-free leaf",
                    "r2 after entering the exe's TOC-free callback")

INDIRECT = Scenario(
    name="indirect",
    summary="indirect calls and callbacks across modules, into TOC-free and "
    "TOC-using leaves",
    modes=("shared", "dynlink"),
    modules=_indirect_modules,
    checks=lambda mode: 14,
    all_local_entries=("indirect_main.c", "indirect_b.c"),
    expect_asm=lambda mode: (
        ("indirect_main.c:call_indirect", "ld 2,24(1) after the bctrl",
         BCTRL + TOC_LOAD, 1),
        ("indirect_main.c:call_apply", "ld 2,24(1) after the bctrl",
         BCTRL + TOC_LOAD, 1),
        ("indirect_b.c:b_apply", "ld 2,24(1) after the bctrl",
         BCTRL + TOC_LOAD, 1),
        ("indirect_main.c:call_indirect", "std 2,24(1) after stdu",
         FRAME_ALLOC + TOC_SAVE, 1),
        ("indirect_b.c:b_apply", "std 2,24(1) after stdu",
         FRAME_ALLOC + TOC_SAVE, 1),
    ),
    variants=(
        Variant("plugin", positive=True),
        Variant(
            "stock", positive=False, stock=True,
            why="built without the plugin: the TOC-free leaves get no global "
            "entry and return with the r2 they were entered with",
            must_fail=INDIRECT_ENTRIES),
        Variant(
            "no-toc-prologue", positive=False,
            why="-ppc-go-no-toc-prologue names the two TOC-free leaves: no "
            "global entry, so they return with the r2 they were entered with",
            options=(("indirect_b.c",
                      ("-ppc-go-no-toc-prologue=b_tocfree_leaf",)),
                     ("indirect_main.c",
                      ("-ppc-go-no-toc-prologue=exe_tocfree_cb",))),
            must_fail=INDIRECT_ENTRIES),
        Variant(
            "disable-global-entry", positive=False,
            why="-ppc-go-abi-disable-rule=global-entry: rule 1's pass off, "
            "so the TOC-free leaves get no global entry",
            options=disable_rule("global-entry"),
            must_fail=INDIRECT_ENTRIES),
        Variant(
            "no-reload-exe", positive=False,
            why="the executable's ld 2,24(1) after each bctrl replaced by a "
            "nop: it goes on with libindirectb.so's TOC",
            edits=(("indirect_main.c", (DROP_RELOAD_AFTER_BCTRL,)),),
            must_fail=INDIRECT_CALLS),
        Variant(
            "no-reload-b", positive=False,
            why="libindirectb.so's ld 2,24(1) after calling the callback "
            "replaced by a nop: it goes on with the executable's TOC",
            edits=(("indirect_b.c", (DROP_RELOAD_AFTER_BCTRL,)),),
            must_fail=INDIRECT_CALLBACKS),
        Variant(
            "no-toc-save", positive=False,
            why="every std 2,24(1) replaced by a nop: the reload after each "
            "indirect call reads a slot nothing filled",
            edits=(("indirect_main.c", (DROP_TOC_SAVES,)),
                   ("indirect_b.c", (DROP_TOC_SAVES,))),
            must_fail=INDIRECT_CALLS),
    ))

# --- deferreturn ----------------------------------------------------------


def _defer_modules(mode: str) -> Tuple[Module, ...]:
    if mode == "static":
        return (Module("defer", ("defer_main.c", "defer_b.c", "harness.c",
                                 "exec_runtime.S", "jmpdefer_runtime.S"),
                       shared=False),)
    return (
        Module("gort", ("jmpdefer_runtime.S",), shared=True),
        Module("deferb", ("defer_b.c", "exec_runtime.S"), shared=True,
               needs=("gort",)),
        Module("defer", ("defer_main.c", "harness.c", "exec_runtime.S"),
               shared=False, needs=("deferb", "gort")),
    )


# The GUARD groups of defer_main.c.
DEFER_GROUPS = ("one_defer", "several_defers", "two_paths(3)",
                "two_paths(-3)", "after_loops(5)", "b_with_defers")


def _defer_asm(mode: str) -> Tuple[Expectation, ...]:
    pad = PAD_STATIC if mode == "static" else PAD_PIC
    what = "padded calls to runtime.deferreturn"
    return (("defer_main.c", what, pad, 6), ("defer_b.c", what, pad, 2),
            ("defer_main.c:two_paths", what, pad, 2))


DEFER = Scenario(
    name="deferreturn",
    summary="deferred calls run by a jmpdefer-style runtime (Go 1.6-1.17)",
    modes=("shared", "dynlink", "static"),
    modules=_defer_modules,
    checks=lambda mode: 30,
    expect_asm=_defer_asm,
    variants=(
        Variant("plugin", positive=True),
        Variant(
            "stock", positive=False, stock=True,
            why="built without the plugin: no pad, so each deferred call "
            "returns onto the instruction before `bl runtime.deferreturn`",
            must_fail=DEFER_GROUPS),
        Variant(
            "go1.18", positive=False,
            why="-ppc-go-version=1.18: the plugin emits no pad (Go 1.18 "
            "removed jmpdefer), so each deferred call returns onto the "
            "instruction before the call",
            options=(("*", ("-ppc-go-version=1.18",)),),
            must_fail=DEFER_GROUPS),
        Variant(
            "disable-deferreturn-pad", positive=False,
            why="-ppc-go-abi-disable-rule=deferreturn-pad: rule 5's pass "
            "off, so no pad",
            options=disable_rule("deferreturn-pad"),
            must_fail=DEFER_GROUPS),
        Variant(
            "no-pad-reload", positive=False, modes=("shared", "dynlink"),
            why="the pad's ld 2,24(1) replaced by a nop: after a deferred "
            "function of another module the caller keeps that module's TOC",
            edits=(("defer_main.c", (DROP_PAD_RELOAD,)),
                   ("defer_b.c", (DROP_PAD_RELOAD,))),
            must_fail=DEFER_GROUPS),
    ))

# --- recover --------------------------------------------------------------


def _recover_modules(mode: str) -> Tuple[Module, ...]:
    return (
        Module("recoverb", ("recover_b.c", "exec_runtime.S"), shared=True),
        Module("recover", ("recover_main.c", "harness.c", "exec_runtime.S"),
               shared=False, needs=("recoverb",)),
    )


# The GUARD groups of recover_main.c.
RECOVER_GROUPS = ("exe frame, systemstack(B)", "exe frame, gogo from B",
                  "B frame, systemstack(exe)", "B frame, gogo from the exe")

RECOVER = Scenario(
    name="recover",
    summary="runtime-style r2 recovery from 24(r1) of plugin-compiled frames",
    modes=("shared", "dynlink"),
    modules=_recover_modules,
    checks=lambda mode: 5,
    expect_asm=lambda mode: tuple(
        ("%s:%s" % (source, function), "std 2,24(1) right after stdu",
         FRAME_ALLOC + TOC_SAVE, 1)
        for source, function in (("recover_main.c", "exe_systemstack"),
                                 ("recover_main.c", "exe_gosave"),
                                 ("recover_b.c", "b_systemstack"),
                                 ("recover_b.c", "b_gosave"))),
    variants=(
        Variant("plugin", positive=True),
        Variant(
            "stock", positive=False, stock=True,
            why="built without the plugin: a frame that makes no indirect "
            "call never stores r2 at 24(r1)",
            must_fail=RECOVER_GROUPS),
        Variant(
            "disable-toc-save", positive=False,
            why="-ppc-go-abi-disable-rule=toc-save: rule 2's pass off, so "
            "these frames store no TOC",
            options=disable_rule("toc-save"),
            must_fail=RECOVER_GROUPS),
        Variant(
            "no-toc-save", positive=False,
            why="every std 2,24(1) replaced by a nop in the plugin's output",
            edits=(("recover_main.c", (DROP_TOC_SAVES,)),
                   ("recover_b.c", (DROP_TOC_SAVES,))),
            must_fail=RECOVER_GROUPS),
    ))

SCENARIOS = (DIRECT, INDIRECT, DEFER, RECOVER)
