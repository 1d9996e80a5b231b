"""The answer size limit shared by `interviewer grade` and the interview screen."""

from __future__ import annotations

from interviewer.answer_limit import MAX_ANSWER_BYTES, answer_size_problem


def test_the_limit_counts_utf8_bytes_not_characters() -> None:
    assert answer_size_problem("a" * MAX_ANSWER_BYTES) is None
    assert answer_size_problem("过" * (MAX_ANSWER_BYTES // 3)) is None
    assert answer_size_problem("a" * 50_000) is None  # 50,000 English characters fit
    problem = answer_size_problem("过" * 50_000)  # 150,000 bytes
    assert problem is not None
    assert "146 KB" in problem and "at most 64 KB" in problem
    assert answer_size_problem("a" * (MAX_ANSWER_BYTES + 1)) is not None
