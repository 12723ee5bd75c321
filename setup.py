"""Compiles the extraction rules with mypyc (about 1.5x faster extraction); everything else about
the package is in pyproject.toml.

`pip install -e .` (`make setup`) builds them next to their sources, which then take precedence
(eventlake/__init__.py falls back to the sources when one is edited after the build). With
EVENTLAKE_NO_COMPILE=1 set at install time nothing is compiled; set at run time, the compiled
modules are ignored.
"""

import os
import shutil
import sysconfig
from pathlib import Path

from setuptools import setup

# The modules clean -> segment -> extract spends its time in. They are compiled as one group
# (they call each other's classes natively), so they are used or ignored together.
COMPILED = [
    "actors",
    "arabic",
    "background",
    "candidate",
    "casualties",
    "clauses",
    "dates",
    "defined_terms",
    "extract",
    "geo",
    "lexicon_types",
    "matcher",
    "merge",
    "places",
    "segment",
    "sentence",
    "sides",
    "text",
    "told_later",
    "triggers",
]


def can_compile() -> bool:
    """A C compiler and Python's headers; without them the package installs as plain Python."""
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(os.environ.get("CC", "cc")) is not None and headers.exists()


def ext_modules() -> list:
    if os.environ.get("EVENTLAKE_NO_COMPILE") or not can_compile():
        return []
    from mypyc.build import mypycify

    return mypycify([f"eventlake/{name}.py" for name in COMPILED], opt_level="3", group_name="eventlake")


setup(ext_modules=ext_modules())
