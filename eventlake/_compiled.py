"""Whether the extraction modules run compiled (mypyc, see setup.py) or from their sources."""

from __future__ import annotations

import os
import sys
import warnings
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path


class _Sources(MetaPathFinder):
    """Imports `names` (eventlake modules) from their .py files, not their compiled builds."""

    def __init__(self, names: set[str]):
        self.names = names

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        package, _, name = fullname.partition(".")
        if package != __package__ or name not in self.names:
            return None
        return spec_from_file_location(fullname, Path(__file__).with_name(name + ".py"))


def use_sources_unless_fresh() -> None:
    """The extraction modules may be compiled by mypyc next to their sources (setup.py), which would
    then shadow them. Use the sources instead, all of them (the compiled modules call each other's
    classes natively, so they go together), when EVENTLAKE_NO_COMPILE is set or when any source is
    newer than its build (a rule edited since the install: the build would run the old rule)."""
    here = Path(__file__).parent
    built = {p.name.split(".")[0]: p for suffix in EXTENSION_SUFFIXES for p in here.glob("*" + suffix)}
    if not built:
        return
    stale = sorted(n for n, so in built.items() if (here / (n + ".py")).stat().st_mtime > so.stat().st_mtime)
    if stale and not os.environ.get("EVENTLAKE_NO_COMPILE"):
        warnings.warn(
            f"eventlake: {', '.join(n + '.py' for n in stale)} changed since the compiled build; running "
            "the Python sources (slower). `make compile` (or `pip install -e .`) rebuilds.",
            RuntimeWarning,
            stacklevel=2,
        )
    if stale or os.environ.get("EVENTLAKE_NO_COMPILE"):
        sys.meta_path.insert(0, _Sources(set(built)))


use_sources_unless_fresh()
