"""Domain packs: optional knowledge about one subject (its vocabulary in both languages, the
misconceptions people state about it) kept as TOML files in a folder, so the code that reads,
searches and grades notes knows no subject. A pack applies when the notes are about its
subject, or when named in `INTERVIEWER_PACKS`; `none` turns every pack off.

A pack folder holds any number of `*.toml` files; together they may define
    [pack]            name, description, and [pack.match]: terms (words that say a question is
                      about the subject), min_share (of the questions that must name one)
    [[words]]         zh = [...], en = [...]: spellings that mean the same thing
    [[misconception]] a wrong belief and the fact (see the bundled deep-learning pack)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.errors import UsageError
from interviewer.resources import knowledge_dir

if TYPE_CHECKING:
    from interviewer.config import Settings

OFF = "none"
# A pack matches notes when this share of their questions names at least MIN_TERMS of its
# match terms (or, when it lists none, of its word groups); the pack may set its own. The
# notes as a whole or one file of them: deep-learning notes beside a larger file of SQL
# notes are still about deep learning.
MIN_SHARE = 0.3
MIN_TERMS = 1
# Enough questions to tell what the notes are about; a 3,000-question folder need not be read whole.
SAMPLE = 300
# A file is judged on its own from this many of its questions (each file of a folder of up to
# SAMPLE / FILE_SAMPLE files is read that far); a smaller one only counts in the whole.
FILE_SAMPLE = 5
_WORD_EDGE = re.compile(r"^[A-Za-z0-9]")


class PackError(UsageError):
    """A pack named in the settings cannot be found or read."""


@dataclass(frozen=True, eq=False)
class Pack:
    """One domain pack, read from its folder."""

    name: str
    folder: Path
    description: str = ""
    words: tuple[tuple[str, ...], ...] = ()
    misconceptions: tuple[dict[str, Any], ...] = ()
    match_terms: tuple[str, ...] = ()
    """Words that say a question is about the pack's subject (default: its word groups)."""
    min_share: float = MIN_SHARE
    min_terms: int = MIN_TERMS
    fingerprint: str = ""
    _spellings_cache: list[tuple[str, int, re.Pattern[str] | None]] = field(
        default_factory=list, repr=False
    )

    def share_matching(self, texts: Sequence[str]) -> float:
        """Share of the texts (questions with their answers) that name at least `min_terms`
        of the pack's match terms."""
        if not texts or not (self.words or self.match_terms):
            return 0.0
        spellings = self._spellings()
        hits = 0
        for text in texts:
            hits += len(_named(text.lower(), spellings)) >= self.min_terms
        return hits / len(texts)

    def coverage(self, files: Sequence[Sequence[str]]) -> float | None:
        """How many of the notes' questions (their texts, per file) name the pack's terms,
        when the notes are about its subject — as a whole, or one file of FILE_SAMPLE
        questions or more; None when they are not."""
        shares = [self.share_matching(texts) for texts in files]
        sizes = [len(texts) for texts in files]
        covered = sum(share * size for share, size in zip(shares, sizes, strict=True))
        if sum(sizes) and covered / sum(sizes) >= self.min_share:
            return covered
        about_one = any(size >= FILE_SAMPLE and share >= self.min_share
                        for share, size in zip(shares, sizes, strict=True))
        return covered if about_one else None

    def _spellings(self) -> list[tuple[str, int, re.Pattern[str] | None]]:
        """(spelling, its group, the pattern that checks its word edges) longest first."""
        if not self._spellings_cache:
            groups: list[tuple[str, ...]] = [(t,) for t in self.match_terms] or list(self.words)
            found = {
                (spelling, index)
                for index, group in enumerate(groups)
                for spelling in {s.lower() for s in group if len(s) > 1}
            }
            self._spellings_cache.extend(
                (spelling, index,
                 re.compile(rf"\b{re.escape(spelling)}\b") if _WORD_EDGE.match(spelling) else None)
                for spelling, index in sorted(found, key=lambda item: (-len(item[0]), item))
            )
        return self._spellings_cache


def _named(text: str, spellings: list[tuple[str, int, re.Pattern[str] | None]]) -> set[int]:
    """The groups a (lower-case) text names. Longest spellings first, and a spelling found is
    blanked out, so "neural networks" counts once, not also as "neural network". A substring
    test before any pattern: a regex of hundreds of alternatives took ~15 ms a text."""
    found: set[int] = set()
    for spelling, group, edges in spellings:
        if spelling not in text:
            continue
        if edges is None:
            found.add(group)
            text = text.replace(spelling, "\0")
        elif edges.search(text):
            found.add(group)
            text = edges.sub("\0", text)
    return found


@lru_cache(maxsize=32)
def load_pack(folder: Path) -> Pack:
    """The pack in `folder` (every `*.toml` file in it), cached."""
    files = sorted(folder.glob("*.toml"))
    if not folder.is_dir() or not files:
        raise PackError(f"pack folder {folder} has no .toml files; a pack is a folder of TOML "
                        "files (see the README, 'Domain packs')")
    meta: dict[str, Any] = {}
    words: list[tuple[str, ...]] = []
    wrong: list[dict[str, Any]] = []
    for path in files:
        data = _read_toml(path)
        meta.update(data.get("pack", {}))
        words += [tuple((*g.get("zh", ()), *g.get("en", ()))) for g in data.get("words", [])]
        wrong += data.get("misconception", [])
    return _pack(folder, meta, tuple(g for g in words if g), tuple(wrong),
                 folder_fingerprint(folder))


@lru_cache(maxsize=32)
def _matcher_of(folder: Path, fingerprint: str) -> Pack:
    """What deciding whether the notes are about a pack needs: its [pack.match], read from
    the files that hold the [pack] table alone when it lists terms (the computer-science
    pack's word lists take ~0.3 s to parse, its match terms ~5 ms), else the whole pack;
    kept per version of the pack's files (`fingerprint`)."""
    meta: dict[str, Any] = {}
    for path in sorted(folder.glob("*.toml")):
        if b"[pack" in path.read_bytes():
            meta.update(_read_toml(path).get("pack", {}))
    if not meta.get("match", {}).get("terms"):
        return load_pack(folder)
    return _pack(folder, meta)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PackError(f"pack file {path} is not valid TOML ({exc}); fix or remove it") from exc


def _pack(
    folder: Path,
    meta: dict[str, Any],
    words: tuple[tuple[str, ...], ...] = (),
    misconceptions: tuple[dict[str, Any], ...] = (),
    fingerprint: str = "",
) -> Pack:
    """A pack from its [pack] table (name, description, match) and what its files hold."""
    match = meta.get("match", {})
    return Pack(
        name=str(meta.get("name", folder.name)),
        folder=folder,
        description=str(meta.get("description", "")),
        words=words,
        misconceptions=misconceptions,
        match_terms=tuple(str(term) for term in match.get("terms", ())),
        min_share=float(match.get("min_share", MIN_SHARE)),
        min_terms=int(match.get("min_terms", MIN_TERMS)),
        fingerprint=fingerprint,
    )


def folder_fingerprint(folder: Path) -> str:
    """A hash of the pack's files, without parsing them."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def bundled_dir() -> Path:
    """The folder of the packs that ship with interviewer."""
    return knowledge_dir() / "packs"


def pack_folders(extra: Iterable[Path] = ()) -> dict[str, Path]:
    """Every pack that can be named: bundled ones, then those in `extra` folders (a user's
    packs folder), which win on a shared name."""
    found: dict[str, Path] = {}
    for root in (bundled_dir(), *extra):
        if root.is_dir():
            for folder in sorted(p for p in root.iterdir() if p.is_dir()):
                if any(folder.glob("*.toml")):
                    found[folder.name] = folder
    return found


def bundled_packs() -> list[Pack]:
    """Every bundled pack."""
    return [load_pack(folder) for folder in pack_folders().values()]


def select_packs(
    setting: str | None,
    files: Sequence[Sequence[str]],
    extra: Iterable[Path] = (),
    cache_dir: Path | None = None,
) -> list[Pack]:
    """The packs to apply: `none` → none; names or folder paths (comma-separated) → those;
    unset or `auto` → the packs whose subject the notes (`files`: each file's question
    texts, see question_texts) are about (remembered in `cache_dir` for the same notes and
    packs)."""
    known = pack_folders(extra)
    spec = (setting or "").strip()
    if spec.lower() == OFF:
        return []
    if not spec or spec.lower() == "auto":
        return _about(list(known.values()), files, cache_dir)
    chosen = []
    for name in (part.strip() for part in spec.split(",")):
        if not name:
            continue
        path = Path(name).expanduser()
        if name in known:
            chosen.append(load_pack(known[name]))
        elif path.is_dir():
            chosen.append(load_pack(path.resolve()))
        else:
            names = ", ".join(known) or "none bundled"
            raise PackError(f"no domain pack named {name!r} (known: {names}); set "
                            "INTERVIEWER_PACKS to pack names, pack folders or 'none'")
    return chosen


def packs_for(settings: Settings, questions: Iterable[Any]) -> list[Pack]:
    """The packs the settings ask for, or those the questions are about (the user's packs
    folder and the remembered choice in the data folder)."""
    return select_packs(settings.packs, question_texts(questions),
                        [settings.data_dir / "packs"], cache_dir=settings.data_dir / "cache")


def question_texts(questions: Iterable[Any]) -> list[list[str]]:
    """The text of each question that tells what the notes are about, file by file."""
    files: dict[str, list[str]] = {}
    for q in questions:
        files.setdefault(q.source, []).append(f"{q.title}\n{q.answer}")
    return list(files.values())


def word_groups(packs: Sequence[Pack]) -> list[tuple[str, ...]]:
    """The [[words]] groups of the packs, in order."""
    return [group for pack in packs for group in pack.words]


AUTO_CACHE = "packs-auto.json"
AUTO_CACHE_ENTRIES = 16


def _sample(files: Sequence[Sequence[str]]) -> list[list[str]]:
    """Evenly spaced questions of each file, about SAMPLE in all; each file of a folder of
    up to SAMPLE / FILE_SAMPLE files keeps at least FILE_SAMPLE of its questions."""
    step = max(1, sum(len(texts) for texts in files) // SAMPLE)
    floor = FILE_SAMPLE if len(files) <= SAMPLE // FILE_SAMPLE else 1
    sample = []
    for texts in files:
        wanted = min(len(texts), max(floor, -(-len(texts) // step)))
        sample.append([texts[i * len(texts) // wanted] for i in range(wanted)])
    return sample


def _about(
    folders: list[Path], files: Sequence[Sequence[str]], cache_dir: Path | None
) -> list[Pack]:
    """The packs whose subject the notes are about. Matching every pack's terms over a
    sample of 300 questions costs ~0.6 s, each time a command starts: the answer is kept
    per note sample and pack set, and then only the packs it names are read (parsing the
    computer-science pack's files takes ~40 ms; hashing them ~1 ms)."""
    sample = _sample(files)
    digest = hashlib.sha256()
    for part in [*(f"{folder}:{folder_fingerprint(folder)}" for folder in folders),
                 *("\0".join(texts) for texts in sample)]:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\1")
    key = digest.hexdigest()
    path = cache_dir / AUTO_CACHE if cache_dir is not None else None
    remembered: dict[str, list[str]] = {}
    if path is not None:
        try:
            remembered = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            remembered = {}
    names = remembered.get(key) if isinstance(remembered, dict) else None
    if isinstance(names, list):
        known = {str(folder): folder for folder in folders}
        return [load_pack(known[name]) for name in names if name in known]
    matching = []
    for folder in folders:
        covered = _matcher_of(folder, folder_fingerprint(folder)).coverage(sample)
        if covered is not None:
            matching.append((covered, folder))
    # The pack the notes are most about first: where two packs give one word different
    # meanings (the deep-learning pack's "bias" is a neuron's 偏置, the machine-learning
    # pack's is 偏差), the lexicon keeps the first pack's.
    matching.sort(key=lambda item: -item[0])
    chosen = [load_pack(folder) for _, folder in matching]
    if path is not None:
        kept = dict(list(remembered.items())[-(AUTO_CACHE_ENTRIES - 1):])
        kept[key] = [str(pack.folder) for pack in chosen]
        with suppress(OSError):  # a cache that cannot be written only costs time
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(kept), encoding="utf-8")
            os.replace(tmp, path)
    return chosen
