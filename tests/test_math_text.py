"""Inline LaTeX in key points, made readable for people."""

from __future__ import annotations

import pytest

from interviewer.notes.math_text import readable


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (r"$$m = z^* \dot \frac{\sigma}{\sqrt{n}}$$", "m = z^* · σ/√n"),
        (r"a significance level of $5\\%$", "a significance level of 5%"),
        (r"lookups take $O(1)$ time, $O(n)$ at worst", "lookups take O(1) time, O(n) at worst"),
        (r"$\sum_{j=1}^{m}\left|\theta_{j}\right|$", "Σ_(j=1)^m|θ_j|"),
        (r"$Z = \frac{x - \mu}{\sigma}$", "Z = (x - μ)/σ"),
        (r"$\text{precision} = \frac{TP}{TP + FP}$", "precision = TP/(TP + FP)"),
        ("no math here, costs $5 and $6", "no math here, costs $5 and $6"),
        ("plain text", "plain text"),
    ],
)
def test_math_spans_read_as_symbols(written: str, shown: str) -> None:
    assert readable(written) == shown
