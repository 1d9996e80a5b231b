"""A line that is only an HTML anchor (`<a name='q2'>`, `<a id="q3"></a>`) over a heading —
how READMEs give each question a place their contents list links to — is invisible: CommonMark
runs an unclosed one into the heading below as one HTML block, and the question was lost
(gradewalk11: niharikadharmapuri/109_DataScience_Questions)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

NOTES = """# Statistics

##### Questions
[p-value](#q1)
[Power](#q2)

<a name='q1'></a>
## 1. What is a p-value?
The probability of data at least as extreme under the null.

<a name='q2'>
## 2. What is power?
The probability of rejecting a false null.

<a id="q3"></a>
## 3. What is alpha?
The false positive rate.

```html
<a name='kept'>
## not a heading inside code
```
"""


def test_anchor_lines_over_headings_leave_their_questions(tmp_path: Path) -> None:
    path = tmp_path / "stats.md"
    path.write_text(NOTES, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "What is a p-value?", "What is power?", "What is alpha?",
    ]
    assert questions[1].answer == "The probability of rejecting a false null."
    assert questions[1].line == 12  # lines stay where they were
    assert "<a name='kept'>" in questions[2].answer
