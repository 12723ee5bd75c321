"""Lexicon loading: data/ YAML and CSV files -> frozen, checked, normalised Python objects.

Every entry is normalised on load with `arabic.normalize_key`, the same function the
matcher applies to article text, so a lexicon written with tashkeel or hamza still matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventlake.arabic import normalize_key
from eventlake.errors import LexiconError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR = DATA_DIR / "lexicons"
GAZETTEER_DIR = DATA_DIR / "gazetteer"


@dataclass(frozen=True)
class Boilerplate:
    """Site furniture: `cut_from` lines end the article, `drop_lines` are removed where they stand."""

    cut_from: tuple[str, ...]
    drop_lines: tuple[str, ...]


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning parser errors into LexiconError naming the file."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as exc:
        raise LexiconError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"not valid YAML: {exc}", path=str(path)) from exc


def load_boilerplate(path: Path = LEXICON_DIR / "boilerplate.yaml") -> Boilerplate:
    """Load the boilerplate phrase lists, normalised for matching."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError("expected a mapping with cut_from and drop_lines", path=str(path))
    lists = {key: _string_list(data, key, path) for key in ("cut_from", "drop_lines")}
    return Boilerplate(**lists)


def _string_list(data: dict, key: str, path: Path) -> tuple[str, ...]:
    values = data.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise LexiconError(f"{key} must be a list of non-empty strings", path=str(path), entry=key)
    keys = [normalize_key(v) for v in values]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise LexiconError(f"duplicate entries {dupes}", path=str(path), entry=key)
    return tuple(keys)
