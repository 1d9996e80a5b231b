"""`--topic` as people type it: without the emoji of a heading, by a prefix or the topic's
words, or a word the questions' titles name; suggestions only from the notes in use; and
every command printed for pasting is shell-quoted and repeats the run's `--notes`."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from interviewer.cli.main import build_parser, main
from interviewer.errors import InterviewerError
from interviewer.notes import QuestionBank, load_bank
from interviewer.topic_choice import UnknownTopicError, questions_for_topic, select_topic
from interviewer.topics import load_glossary, typable_name

NOTES = Path(__file__).parent / "fixtures" / "topics" / "emoji_sections.md"


@pytest.fixture(scope="module")
def emoji_bank() -> QuestionBank:
    return load_bank([NOTES])


def numbers(bank: QuestionBank, topic: str) -> list[str]:
    found = questions_for_topic(bank.questions, topic, load_glossary())
    return [q.id.rsplit("-", 1)[1] for q in found]


def test_the_fixture_keeps_the_headings_emoji_in_its_topic_names(emoji_bank) -> None:
    assert emoji_bank.questions[0].topics == ("Networking basics 🌐",)
    assert emoji_bank.questions[3].topics == ("Tricky Questions ❗❗",)


@pytest.mark.parametrize(
    "typed",
    [
        "Networking basics 🌐",
        "Networking basics",
        "networking basics",
        "  NETWORKING basics! ",
        "🌐 networking-basics 🌐",
        "Networking_Basics.",
    ],
)
def test_a_section_topic_matches_without_case_emoji_or_surrounding_punctuation(
    emoji_bank, typed: str
) -> None:
    assert numbers(emoji_bank, typed) == ["01", "02", "03"]


def test_symbols_inside_a_name_still_count() -> None:
    # C++ is not C: only emoji and pictographs are dropped, not the signs of a name.
    assert typable_name("C++ 🚀") == "C++"
    assert typable_name("❗❗ Tricky Questions ❗❗") == "Tricky Questions"
    assert typable_name("🤖") == "🤖"


def test_a_bracket_the_name_opens_is_closed() -> None:
    # "支持向量机（SVM）" was offered as --topic '支持向量机(SVM': the closing bracket is the name's.
    assert typable_name("支持向量机（SVM）") == "支持向量机(SVM)"
    assert typable_name("Support Vector Machines (SVM) 🚀") == "Support Vector Machines (SVM)"
    assert typable_name("【重点】") == "【重点】"
    assert typable_name("(Bonus)!") == "(Bonus)"
    assert typable_name("Trees)") == "Trees"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("net", ["01", "02", "03"]),          # an unambiguous prefix
        ("tricky", ["04", "05"]),             # a word of the topic
        ("tricky q", ["04", "05"]),           # words, the last one begun
        ("testing", ["06", "07"]),
    ],
)
def test_a_prefix_or_the_words_of_one_topic_select_it(
    emoji_bank, typed: str, expected: list[str]
) -> None:
    match = select_topic(emoji_bank.questions, typed, load_glossary())
    assert [q.id.rsplit("-", 1)[1] for q in match.questions] == expected
    assert match.how == "name"


def test_one_or_two_letters_begin_no_topic(emoji_bank) -> None:
    # "n" begins only "Networking basics", but is too short to mean it (nor does a title
    # have the word "n").
    with pytest.raises(UnknownTopicError):
        questions_for_topic(emoji_bank.questions, "n", load_glossary())


def test_an_ambiguous_prefix_names_the_topics_it_could_be(emoji_bank) -> None:
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(emoji_bank.questions, "questions", load_glossary())
    message = str(info.value)
    assert "could be" in message
    assert "'Tricky Questions'" in message and "'Testing questions'" in message
    assert info.value.exit_code == 2


def test_suggestions_come_only_from_topics_with_questions_in_these_notes(emoji_bank) -> None:
    # "generalizaton" is close to the bundled glossary's "generalization", which has no
    # question in these notes: it must not be offered.
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(emoji_bank.questions, "generalizaton", load_glossary())
    assert "generalization" not in info.value.suggestions
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(emoji_bank.questions, "Netwrking basic", load_glossary())
    assert info.value.suggestions == ["Networking basics"]
    assert "'Networking basics'" in str(info.value)


def test_the_bundled_notes_still_suggest_their_glossary_topics(bundled_bank) -> None:
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(bundled_bank.questions, "overfiting", load_glossary())
    assert info.value.suggestions[0] == "overfitting"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("tcp", ["01", "02", "04"]), ("HTTP", ["03"]), ("channels", ["05"])],
)
def test_a_word_no_topic_has_selects_the_questions_whose_titles_name_it(
    emoji_bank, typed: str, expected: list[str]
) -> None:
    match = select_topic(emoji_bank.questions, typed, load_glossary())
    assert [q.id.rsplit("-", 1)[1] for q in match.questions] == expected
    assert match.how == "titles"


def test_a_glossary_topic_selects_the_section_that_names_it(emoji_bank) -> None:
    # "optimization" is a bundled glossary topic (deep learning); here it names a section
    # of the notes, whose question it selects. A glossary topic no question is about is
    # no topic of these notes.
    assert numbers(emoji_bank, "optimization") == ["08"]
    from interviewer.practice.session import filtered

    match = select_topic(emoji_bank.questions, "generalization", load_glossary())
    with pytest.raises(InterviewerError, match="no questions about 'generalization'"):
        filtered(emoji_bank.questions, 0, match)


def test_a_word_in_no_title_is_unknown_and_the_error_says_how_to_search(emoji_bank) -> None:
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(emoji_bank.questions, "socket options", load_glossary())
    assert "`interviewer search 'socket options'`" in str(info.value)


# -- the command line ------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_questions_topic_without_the_emoji(capsys) -> None:
    code, out, _ = run(capsys, "questions", "--notes", str(NOTES), "--topic",
                       "Networking basics", "--json")
    assert code == 0 and out.count('"id"') == 3


def test_a_title_word_topic_says_what_it_selected(capsys) -> None:
    code, out, err = run(capsys, "questions", "--notes", str(NOTES), "--topic", "tcp", "--json")
    assert code == 0 and out.count('"id"') == 3
    assert "no topic 'tcp'" in err and "3 question(s) whose title" in err
    assert "interviewer search tcp" in err


def test_the_unknown_topic_error_names_a_pastable_topics_command(capsys) -> None:
    code, _, err = run(capsys, "questions", "--notes", str(NOTES), "--topic", "kubernetes")
    assert code == 2
    assert f"`interviewer topics --notes {shlex.quote(str(NOTES))}`" in err


def test_the_count_message_reflects_the_topic(capsys) -> None:
    # Without a terminal the interview stops right before the screen opens, after saying
    # what it would ask.
    code, _, err = run(capsys, "--offline", "--notes", str(NOTES), "--topic", "Tricky Questions ❗❗")
    assert code == 1
    assert "asking from all" not in err
    assert "2 question(s) about 'Tricky Questions ❗❗'" in err


def test_every_command_but_history_takes_notes() -> None:
    # commands.command() repeats `--notes` for every command except those listed as
    # taking none: the list must agree with the parser.
    from interviewer.commands import WITHOUT_NOTES

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[attr-defined]
        takes = any("--notes" in action.option_strings for action in command._actions)
        assert takes == (name not in WITHOUT_NOTES), name


def test_printed_commands_are_quoted_and_repeat_the_notes(tmp_path: Path) -> None:
    from interviewer.commands import command, notes_given

    spaced = tmp_path / "my notes" / "go.md"
    assert command("--topic", "General questions") == "interviewer --topic 'General questions'"
    with notes_given([str(spaced)]):
        pasted = command("--topic", "General questions")
        assert shlex.split(pasted) == [
            "interviewer", "--topic", "General questions", "--notes", str(spaced)
        ]
        assert command("history") == "interviewer history"
    assert command("review") == "interviewer review"


def test_the_summary_advice_is_a_command_that_parses(tmp_path: Path) -> None:
    from interviewer.commands import notes_given
    from interviewer.practice.session import SummaryItem, practise_advice

    item = SummaryItem(1, "q-1", "What is TCP?", ("Networking basics 🌐",), 2.0, "weak",
                       False, False, None, ("SYN",))
    with notes_given([str(NOTES)]):
        advice = practise_advice([item], [("Networking basics 🌐", 2.0)])
    drill = next(line for line in advice if line.startswith("drill the topic: "))
    argv = shlex.split(drill.removeprefix("drill the topic: "))
    assert argv == ["interviewer", "--topic", "Networking basics", "--notes", str(NOTES)]
    args = build_parser().parse_args(argv[1:])
    assert args.topic == "Networking basics" and args.notes == [str(NOTES)]


def test_no_questions_error_names_the_notes_to_inspect(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "my notes.md"
    empty.write_text("Just prose, no questions here.\n", encoding="utf-8")
    code, _, err = run(capsys, "questions", "--notes", str(empty))
    assert code == 1
    assert f"`interviewer notes {shlex.quote(str(empty))}`" in err


def test_doctor_hints_name_the_notes(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "my notes.md"
    empty.write_text("Just prose, no questions here.\n", encoding="utf-8")
    code, out, _ = run(capsys, "doctor", "--notes", str(empty))
    assert code == 1
    assert f"`interviewer notes {shlex.quote(str(empty))}`" in out


def test_closing_lines_and_review_hints_repeat_the_notes_and_topic() -> None:
    from interviewer.cli.interview import _closing_lines
    from interviewer.cli.review import _nothing_due
    from interviewer.commands import notes_given

    spaced = "/tmp/my notes/go.md"
    with notes_given([spaced]):
        lines = _closing_lines(None, 0, 3)
        said = _nothing_due(7, None, 4, 0.0, ("--topic", "Tricky Questions"))
    assert lines == [f"interviewer: 3 due today · `interviewer review --notes {shlex.quote(spaced)}` asks them"]
    pasted = said.split("`")[1]
    assert shlex.split(pasted) == [
        "interviewer", "review", "--new", "--topic", "Tricky Questions", "--notes", spaced
    ]


def test_the_stats_hint_keeps_the_topic() -> None:
    from interviewer.practice.charts import summary_lines
    from interviewer.practice.stats import Stats

    base = load_bank([NOTES]).questions[0]
    stats = Stats(
        today="2026-12-05", answers=0, average=None, questions=2, questions_answered=0,
        due_today=0, streak=0, longest_streak=0, last_practised=None, weeks={},
        topics=[], weakest=[], never_answered=[base], forecast=[],
    )
    line = summary_lines(stats, "Tricky Questions")[-1]
    assert "`interviewer review --new --topic 'Tricky Questions'`" in line


def test_the_topics_table_shows_what_to_type(capsys) -> None:
    code, out, _ = run(capsys, "topics", "--notes", str(NOTES))
    assert code == 0
    rows = [line for line in out.splitlines() if "Networking" in line]
    assert rows and rows[0].split("│")[1].strip() == "'Networking basics'"


def test_grade_points_to_the_ids_of_the_notes_in_use(capsys) -> None:
    code, _, err = run(capsys, "grade", "--notes", str(NOTES), "--question-id", "nope",
                       "--answer", "x", "--offline")
    assert code == 2
    assert f"`interviewer questions --notes {shlex.quote(str(NOTES))}` lists the ids" in err


def test_a_skipped_file_warning_names_the_notes_to_inspect(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "my notes"
    folder.mkdir()
    (folder / "a.md").write_text("### What is TCP?\n\nA transport protocol.\n", encoding="utf-8")
    (folder / "b.md").write_text("Just prose, no questions here.\n", encoding="utf-8")
    code, _, err = run(capsys, "questions", "--notes", str(folder), "--json")
    assert code == 0
    assert f"`interviewer notes --notes {shlex.quote(str(folder))}`" in err
