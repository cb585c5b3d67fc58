# ===- ppcgoabi/modes.py - Go's build modes and the flags of each ---------===#
#
# Part of the PPCGoABI project, under the Apache License v2.0 with LLVM
# Exceptions.
#
# ===-----------------------------------------------------------------------===#
"""Go's build modes for TOC code (docs/Conventions.md), named as Go and the
checker's --mode name them:

  shared   Go's -shared (pie, c-archive, c-shared): PIC, r2 maintained
  dynlink  Go's -dynlink (shared, plugin): shared, and every call may leave
           the module (a nop after each bl)
  static   neither: no TOC code

"pic" is accepted wherever a user types a mode and means "shared"."""

import dataclasses

ALIASES = {"pic": "shared"}


@dataclasses.dataclass(frozen=True)
class Mode:
    name: str              # Go's name; also the checker's --mode
    relocation_model: str  # llc -relocation-model
    dynlink: bool          # -ppc-go-dynlink

    @property
    def checker_mode(self):
        return self.name

    @property
    def pic(self):
        return self.relocation_model == "pic"

    @property
    def llc_flags(self):
        """llc's options for the mode, with or without the plugin."""
        return ["-relocation-model=" + self.relocation_model]

    @property
    def clang_flags(self):
        """clang's options for the mode, with or without the plugin."""
        return ["-fPIC" if self.pic else "-fno-pic"]

    @property
    def plugin_flags(self):
        """The plugin's options (llc's spelling) that enable the mode."""
        return ["-ppc-go-abi"] + (["-ppc-go-dynlink"] if self.dynlink else [])

    @property
    def clang_plugin_flags(self):
        """The same for clang: each passed through -mllvm."""
        return mllvm(self.plugin_flags)


MODES = {
    "shared": Mode("shared", "pic", False),
    "dynlink": Mode("dynlink", "pic", True),
    "static": Mode("static", "static", False),
}
NAMES = tuple(MODES)


def canonical(name):
    """The mode's own name for \\p name (an alias resolved); ValueError if
    there is no such mode."""
    name = ALIASES.get(name.strip(), name.strip())
    if name not in MODES:
        raise ValueError("unknown mode '%s' (modes: %s; %s)" % (
            name, ", ".join(NAMES), ", ".join(
                "%s = %s" % kv for kv in sorted(ALIASES.items()))))
    return name


def get(name):
    return MODES[canonical(name)]


def parse_list(text, extra=()):
    """'pic,static' -> ['shared', 'static']: canonical names, in the given
    order, each once; names in \\p extra (a tool's own pseudo-modes) pass
    through. ValueError on an unknown name."""
    names = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        name = part if part in extra else canonical(part)
        if name not in names:
            names.append(name)
    return names


def mllvm(options):
    """llc options as clang passes them: each after -mllvm."""
    out = []
    for o in options:
        out += ["-mllvm", o]
    return out


def clang_load(plugin):
    """clang's options that load the plugin (the legacy -load, which works on
    every supported LLVM)."""
    return ["-Xclang", "-load", "-Xclang", plugin]
