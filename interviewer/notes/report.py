"""How each notes file was read — layouts, questions, answers, marks, warnings — for
`interviewer notes`, the command a user runs first with their own notes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.notes.marks import is_project_file
from interviewer.notes.model import Question
from interviewer.notes.parser import ParsedFile


@dataclass
class FileReport:
    """What one file gave: layouts, questions, answers, marks, and what to fix."""

    source: str
    layouts: dict[str, int] = field(default_factory=dict)
    questions: int = 0
    answered: int = 0
    starred: int = 0
    difficulty: dict[str, int] = field(default_factory=dict)
    front_matter: bool = False
    skipped: str | None = None
    """Why the whole file was skipped (None when it was read)."""
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The report as `interviewer notes --json` prints it."""
        return {
            "source": self.source,
            "layouts": self.layouts,
            "questions": self.questions,
            "answered": self.answered,
            "starred": self.starred,
            "difficulty": self.difficulty,
            "front_matter": self.front_matter,
            "skipped": self.skipped,
            "warnings": self.warnings,
        }


# Sections a README has when it describes a project rather than holding notes.
_PROJECT_SECTION = re.compile(
    r"^(?:installation|install(?:ing)?|setup|set up|usage|how to use|getting started|"
    r"quick ?start|requirements|prerequisites|build(?:ing)?|running|configuration|features|"
    r"license|licence|contributing|how to contribute|contributors|acknowledge?ments?|"
    r"roadmap|changelog|安装|使用|使用方法|使用说明|快速开始|贡献|如何贡献|许可|许可证|"
    r"설치|사용법|기여|라이선스)\W*$",
    re.IGNORECASE,
)


def is_project_readme(source: str, titles: list[str]) -> bool:
    """A project file whose questions (none marked as such) are not notes: any of them but a
    README in a folder of the notes ("Network/README.md", "q_003/README.md": the page a site
    shows for that folder), which is notes unless its headings describe a project
    ("Installation", "Usage", "License")."""
    if not is_project_file(source):
        return False
    if Path(source).stem.lower() != "readme" or Path(source).parent == Path("."):
        return True
    return any(_PROJECT_SECTION.match(title.strip()) for title in titles)


def file_report(source: str, parsed: ParsedFile, questions: list[Question]) -> FileReport:
    """The report of a parsed file, with warnings a person can act on."""
    report = FileReport(
        source,
        layouts=dict(parsed.layouts.most_common()),
        questions=len(questions),
        answered=sum(1 for q in questions if q.has_reference),
        starred=sum(1 for q in questions if q.stars > 0),
        difficulty=dict(Counter(q.difficulty for q in questions if q.difficulty).most_common()),
        front_matter=parsed.front_matter,
    )
    missing = len(questions) - report.answered
    if missing:
        sample = "; ".join(repr(title) for title in parsed.unanswered[:2])
        report.warnings.append(
            f"{missing} question(s) have no answer in the notes "
            f"({sample}{' …' if missing > 2 else ''})"
            "; an interview asks them only with an LLM configured or with "
            "`interviewer --include-unanswered`"
        )
    bare = [q.title for q in questions if q.has_reference and not q.key_points]
    if bare:
        sample = "; ".join(repr(title) for title in bare[:2])
        report.warnings.append(
            f"{len(bare)} answer(s) give the offline grader nothing to check against "
            f"({sample}{' …' if len(bare) > 2 else ''}): only a picture, a link or code; "
            "write their points as text, or grade with an LLM"
        )
    if parsed.skipped:
        shown = ", ".join(repr(title) for title in parsed.skipped[:3])
        report.warnings.append(
            f"{len(parsed.skipped)} heading(s) read as not questions (contents, references, "
            f"asides, introductions): {shown}{' …' if len(parsed.skipped) > 3 else ''}"
        )
    repeats = _repeats(questions)
    if repeats:
        shown = "; ".join(f"{q.title!r} (lines {one.line} and {q.line})" for one, q in repeats[:2])
        report.warnings.append(
            f"{len(repeats)} question(s) repeat an earlier one word for word: {shown}"
            f"{' …' if len(repeats) > 2 else ''}; delete the repeats (each copy is kept as a "
            "question of its own)"
        )
    if questions and not report.starred and not report.difficulty:
        report.warnings.append(
            "no importance or difficulty marks: every question is asked "
            "(mark important ones with ⭐ or :star:, difficulty with 👶/⭐️/🚀 or [E]/[M]/[H])"
        )
    return report


def _repeats(questions: list[Question]) -> list[tuple[Question, Question]]:
    """Each question worded like an earlier one (title and answer), with that first one."""
    first: dict[tuple[str, ...], Question] = {}
    return [
        (first[key], q)
        for q in questions
        if (key := q.wording) is not None and first.setdefault(key, q) is not q
    ]
