"""The direction axes of directions.toml — generic directions and antonyms in Chinese and
English (bigger/smaller, causes/prevents, before/after, top/bottom …) — loaded once."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

DIRECTIONS = Path(__file__).with_name("directions.toml")


def _axes() -> tuple[
    dict[str, tuple[re.Pattern[str], re.Pattern[str]]], frozenset[str], frozenset[str],
    frozenset[str],
]:
    """The axes of directions.toml, those a negation does not flip, those whose words
    name things and those that together name one place (top-left, 右下)."""
    with DIRECTIONS.open("rb") as handle:
        entries = tomllib.load(handle)["axis"]
    # Entries of one name are one axis ("变小" and "增大" point along the same one).
    words: dict[str, tuple[list[str], list[str]]] = {}
    for entry in entries:
        plus, minus = words.setdefault(entry["name"], ([], []))
        plus.append(entry["plus"])
        minus.append(entry["minus"])
    axes = {name: (re.compile("|".join(plus), re.IGNORECASE),
                   re.compile("|".join(minus), re.IGNORECASE))
            for name, (plus, minus) in words.items()}
    return (axes, frozenset(e["name"] for e in entries if not e.get("negatable", True)),
            frozenset(e["name"] for e in entries if e.get("names", False)),
            frozenset(e["name"] for e in entries if e.get("place", False)))


# axis: (words for +, words for -), from a data file of generic directions and antonyms.
AXES, UNNEGATED, NAMING, PLACES = _axes()
