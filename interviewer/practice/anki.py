"""An Anki deck (.apkg, via genanki) of the questions: reference answer, key points and
the candidate's last feedback, tagged by topic. Note GUIDs come from the question ids and
the model and deck ids are fixed, so importing a re-export updates the cards it made."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.notes.markup import escape_non_html_tags

if TYPE_CHECKING:
    from interviewer.notes.model import Question
    from interviewer.practice.records import StoredAnswer

# Fixed forever: Anki recognises the note type and the deck by them.
MODEL_ID = 1_733_405_001
DECK_ID = 1_733_405_002
DECK_NAME = "interviewer"
FIELDS = ("Question", "Answer", "KeyPoints", "LastFeedback", "Source", "QuestionId")
_CARD_CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; }
.muted { color: #888; font-size: 14px; }"""
_TAG_UNSAFE = re.compile(r"[\s\"]+")


def note_guid(question_id: str) -> str:
    """The note's GUID: the same question always gets the same one."""
    import genanki

    return str(genanki.guid_for("interviewer", question_id))


def _model() -> Any:
    import genanki

    return genanki.Model(
        MODEL_ID,
        "interviewer question",
        fields=[{"name": name} for name in FIELDS],
        templates=[
            {
                "name": "Recall",
                "qfmt": "{{Question}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"
                "{{#KeyPoints}}<h4>Key points</h4>{{KeyPoints}}{{/KeyPoints}}"
                "{{#LastFeedback}}<h4>Your last answer</h4>{{LastFeedback}}{{/LastFeedback}}"
                "<p class=muted>{{Source}}</p>",
            }
        ],
        css=_CARD_CSS,
    )


def _markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    # Notes are the candidate's own Markdown: keep their HTML highlights (<font color>).
    # Placeholders such as `<job-name>` are text, not tags Anki would hide.
    return str(MarkdownIt("commonmark", {"html": True}).render(escape_non_html_tags(text)))


def _last_feedback(answer: StoredAnswer | None) -> str:
    if answer is None or answer.score is None:
        return ""
    day = datetime.fromtimestamp(answer.answered_at).strftime("%Y-%m-%d")
    feedback = str((answer.grade or {}).get("feedback") or "")
    return f"<b>{answer.score:g}/10</b> ({day}) {html.escape(feedback)}"


def tag(topic: str) -> str:
    """An Anki tag for a topic (tags cannot hold spaces)."""
    return "interviewer::" + _TAG_UNSAFE.sub("_", topic.strip())


def write_deck(
    questions: Sequence[Question], latest: dict[str, StoredAnswer], path: Path
) -> int:
    """Write the deck; `latest` maps question ids to their last graded answer."""
    import genanki

    model = _model()
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for question in questions:
        points = "".join(f"<li>{html.escape(p)}</li>" for p in question.key_points)
        answer = _markdown(question.answer) if question.answer.strip() else "<i>no reference</i>"
        # The front asks what the notes ask: the title with its options or program.
        prompt = _markdown(question.prompt) if question.prompt.strip() else ""
        asked = html.escape(question.title) + prompt
        fields = [
            asked,
            answer,
            f"<ul>{points}</ul>" if points else "",
            _last_feedback(latest.get(question.id)),
            html.escape(f"{question.source}:{question.line}"),
            html.escape(question.id),
        ]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=fields,
                guid=note_guid(question.id),
                tags=[tag(topic) for topic in question.topics],
            )
        )
    genanki.Package(deck).write_to_file(str(path))
    return len(questions)
