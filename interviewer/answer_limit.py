"""How long an answer may be: one limit for `interviewer grade` and the interview screen."""

from __future__ import annotations

MAX_ANSWER_BYTES = 64 * 1024
"""UTF-8 bytes an answer may take: about 65,000 English or 21,000 Chinese characters (three
bytes each). Longer is a pasted log or a book, not an answer, and grading it takes long."""


def answer_size_problem(text: str) -> str | None:
    """Why an answer is too long to grade, for the person who typed it; None when it is not."""
    size = len(text.encode("utf-8", "surrogateescape"))
    if size <= MAX_ANSWER_BYTES:
        return None
    return (f"the answer is {size / 1024:.0f} KB of text; an answer can be at most "
            f"{MAX_ANSWER_BYTES // 1024} KB (about 65,000 English or 21,000 Chinese characters)")
