"""Commands the product prints for people to paste into a shell: each word shell-quoted
(a topic such as "General questions" is two words to a shell), and repeating the `--notes`
of the run that printed them — without them a pasted command reads the bundled notes."""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

PROG = "interviewer"
WITHOUT_NOTES = frozenset({"history"})
"""Commands that take no `--notes` (a test checks this against the parser)."""

_notes: tuple[str, ...] = ()


@contextmanager
def notes_given(paths: Sequence[str] | None) -> Iterator[None]:
    """While this runs, printed commands repeat these `--notes` paths (the command line's,
    not INTERVIEWER_NOTES: a pasted command inherits the environment)."""
    global _notes
    before, _notes = _notes, tuple(paths or ())
    try:
        yield
    finally:
        _notes = before


def command(*words: str, repeat_notes: bool = True) -> str:
    """`interviewer WORDS…` as a shell line, with this run's `--notes` where it takes them
    (not with `repeat_notes=False`: a command given the notes as its own arguments)."""
    notes: list[str] = []
    if repeat_notes and not (words and words[0] in WITHOUT_NOTES):
        for path in _notes:
            notes += ["--notes", path]
    return shlex.join([PROG, *words, *notes])
