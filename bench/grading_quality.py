"""How well the offline grader orders answers of known quality, beside a naive
character-overlap scorer.

    python bench/grading_quality.py [answers.jsonl | --data PATH] [--split dev|held|all]
        [--questions 1-8] [--show] [--notes PATH]... [--packs auto|none|NAMES] [--vectors]
        [--vector-cache FILE]

    python bench/grading_quality.py --data bench/data/grading_foreign_dev.jsonl \
        --notes /work/foreign/notes --packs none

With `--notes`, the answers are graded against those notes (files or folders) instead of the
bundled ones; a line's question is found by `question_id` or else by `source` (the notes
file's name without extension) and `question` (its exact title). The foreign notes are
third-party text kept out of git: see bench/data/FOREIGN_NOTES.md for where they come from.
grading_foreign3_blind.jsonl was written blind in session 9 on three more files (`--notes
/work/foreign16/notes`); only its totals have been read.
Lines with a `lang` field ("zh"/"en") are also reported per language.

Input lines: {"id", "question_id", "tier", "split", "answer"}; tiers strong, strong_en, partial,
partial_en, weak, weak_en, wrong, wrong_en, off_topic, empty, keyword_stuffed, restated,
injection (an `_en` tier ranks with its Chinese twin). `split` is "dev" (tuned
on), "held" (written before tuning, only measured) or "anchor" (a question's strong, empty and
off-topic answers, which both halves compare against). `--questions` keeps the questions at
those positions (1-based, in the order they first appear in the file) so that part of a set
can be tuned on and the rest held out. Prints Spearman rho between
tier and score, within-question pairwise ordering accuracy, the share of adversarial answers
scoring below that question's partial answers, and the English - Chinese gaps of the strong
(and, when present, partial) answers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path

DEFAULT = Path(__file__).parent / "data" / "grading_answers.jsonl"
# Quality order of the tiers; every kind of non-answer shares the bottom.
RANK = {"strong": 3, "strong_en": 3, "partial": 2, "partial_en": 2, "weak": 1, "weak_en": 1}
ADVERSARIAL = {"wrong", "wrong_en", "off_topic", "empty", "keyword_stuffed", "restated", "injection"}
_CHARS = re.compile(r"[\u4e00-\u9fff]|[a-z0-9]+")


def ranks(values: Sequence[float]) -> list[float]:
    """Average ranks (ties share the mean rank)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation."""
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def naive_scorer(bank) -> Callable[[str, str], float]:  # type: ignore[no-untyped-def]
    """Share of the reference answer's characters/words that the answer contains, 0-10."""

    def score(question_id: str, answer: str) -> float:
        question = bank.get(question_id)
        reference = set(_CHARS.findall(question.answer.lower()))
        said = set(_CHARS.findall(answer.lower()))
        return round(10 * len(reference & said) / max(len(reference), 1), 2)

    return score


def measure(rows: list[dict], scores: list[float]) -> dict[str, float]:
    """The four figures for one scorer."""
    tiers = [row["tier"] for row in rows]
    rho = spearman([RANK.get(t, 0) for t in tiers], scores)
    by_question: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_question[row["question_id"]].append(i)
    right = pairs = 0.0
    below = adversarial = 0
    gaps: dict[str, list[float]] = {"strong": [], "partial": []}
    for members in by_question.values():
        for a, b in combinations(members, 2):
            ra, rb = RANK.get(tiers[a], 0), RANK.get(tiers[b], 0)
            if ra == rb:
                continue
            pairs += 1
            hi, lo = (a, b) if ra > rb else (b, a)
            right += 1.0 if scores[hi] > scores[lo] else 0.5 if scores[hi] == scores[lo] else 0.0
        partial = [scores[i] for i in members if tiers[i] in ("partial", "partial_en")]
        # With several partial answers to a question, each (adversarial, partial) pair counts.
        for i in members:
            if tiers[i] in ADVERSARIAL:
                adversarial += len(partial)
                below += sum(scores[i] < p for p in partial)
        for tier, found in gaps.items():
            zh = [scores[i] for i in members if tiers[i] == tier]
            en = [scores[i] for i in members if tiers[i] == f"{tier}_en"]
            if zh and en:
                found.append(en[0] - zh[0])
    return {
        "spearman": rho,
        "ordering": right / pairs if pairs else 0.0,
        "adversarial": below / adversarial if adversarial else 0.0,
        "gap_mean": _mean(gaps["strong"]),
        "gap_max": max((abs(g) for g in gaps["strong"]), default=0.0),
        "partial_gap_mean": _mean(gaps["partial"]),
        "partial_gap_max": max((abs(g) for g in gaps["partial"]), default=0.0),
    }


def positions(text: str) -> frozenset[int]:
    """1-based positions from "1-8", "9-16" or "1,3,5-7"."""
    found: set[int] = set()
    try:
        for part in text.split(","):
            low, _, high = part.strip().partition("-")
            found.update(range(int(low), int(high or low) + 1))
    except ValueError as exc:
        raise ValueError(f"--questions: not ranges like 1-8 or 1,3,5-7: {text!r}") from exc
    return frozenset(found)


def resolve(rows: list[dict], bank) -> list[dict]:  # type: ignore[no-untyped-def]
    """Rows with `question_id` set to a question of the bank: by id, else by source + title."""
    by_title = {(Path(q.source).stem, " ".join(q.title.split())): q.id for q in bank.questions}
    missing = []
    for row in rows:
        if bank.get(row.get("question_id", "")) is not None:
            continue
        key = (row.get("source", ""), " ".join(row.get("question", "").split()))
        if key in by_title:
            row["question_id"] = by_title[key]
        else:
            missing.append(row["id"])
    if missing:
        raise SystemExit(f"{len(missing)} answers name a question these notes do not have "
                         f"(first: {missing[0]}); pass the notes they were written for with --notes")
    return rows


def by_language(rows: list[dict], scores: list[float]) -> None:
    """The figures and tier means of each answer language, and the gaps between tiers."""
    print(f"{'language':<10}{'n':>5}{'rho':>8}{'order':>8}{'advers':>8}   "
          f"{'strong':>7}{'partial':>8}{'weak':>6}{'wrong':>7}  partial-wrong strong-partial")
    for lang in sorted({row["lang"] for row in rows}):
        picked = [i for i, row in enumerate(rows) if row["lang"] == lang]
        # Adversarial tiers are written in one language per question; measure each
        # language's answers against the partial answers of the same language only.
        sub = [rows[i] for i in picked]
        got = [scores[i] for i in picked]
        figures = measure(sub, got)
        means = {}
        for tier in ("strong", "partial", "weak", "wrong"):
            found = [s for r, s in zip(sub, got, strict=True) if r["tier"] == tier]
            means[tier] = _mean(found) if found else float("nan")
        print(f"{lang:<10}{len(sub):>5}{figures['spearman']:>8.3f}{figures['ordering']:>8.3f}"
              f"{figures['adversarial']:>8.3f}   {means['strong']:>7.1f}{means['partial']:>8.1f}"
              f"{means['weak']:>6.1f}{means['wrong']:>7.1f}  "
              f"{means['partial'] - means['wrong']:>13.1f} {means['strong'] - means['partial']:>14.1f}")


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    """Grade the set with both scorers and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", nargs="?", default=None)
    parser.add_argument("--data", metavar="PATH", default=None,
                        help=f"answers file (default {DEFAULT.relative_to(DEFAULT.parents[2])})")
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all",
                        help="grade the dev half, the held-out half or everything")
    parser.add_argument("--questions", metavar="RANGES", default=None,
                        help="only the questions at these positions, e.g. 1-8 or 9-16 or 1,3,5-7")
    parser.add_argument("--show", action="store_true", help="print every answer's scores")
    parser.add_argument("--notes", metavar="PATH", action="append", default=[],
                        help="grade against these notes (file or folder; repeatable)")
    parser.add_argument("--packs", default="auto",
                        help="domain packs: auto (those the notes match), none, or names")
    parser.add_argument("--vectors", action="store_true",
                        help="also line answers up with the notes by e5 sentence vectors")
    parser.add_argument("--vector-cache", metavar="FILE", default=None,
                        help="with --vectors: keep every sentence vector (notes and answers) in "
                             "this SQLite file, so a second run embeds nothing again")
    args = parser.parse_args(argv)
    if args.answers and args.data:
        parser.error("give the answers file either as an argument or with --data, not both")
    path = Path(args.answers or args.data or DEFAULT)

    from interviewer.grading.keyword import KeywordGrader
    from interviewer.notes import load_bank
    from interviewer.packs import question_texts, select_packs

    notes = [Path(p).expanduser() for p in args.notes]
    for folder in notes:
        if not folder.exists():
            raise SystemExit(f"notes not found: {folder}; the foreign notes are third-party text "
                             "kept outside git (see bench/data/FOREIGN_NOTES.md)")
    bank = load_bank(notes or None)
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = resolve(rows, bank)
    if args.split != "all":
        rows = [r for r in rows if r.get("split", "dev") in (args.split, "anchor")]
    label = args.split
    if args.questions is not None:
        try:
            wanted = positions(args.questions)
        except ValueError as exc:
            parser.error(str(exc))
        order = list(dict.fromkeys(r["question_id"] for r in rows))
        keep = {qid for at, qid in enumerate(order, 1) if at in wanted}
        rows = [r for r in rows if r["question_id"] in keep]
        label = f"{label} (questions {args.questions})"
    packs = select_packs(None if args.packs == "auto" else args.packs,
                         question_texts(bank.questions))
    cache = Path(args.vector_cache) if args.vector_cache else None
    grader = KeywordGrader(bank, packs=packs, vectors=args.vectors, vector_store=cache,
                           remember_answers=cache is not None)
    naive = naive_scorer(bank)
    started = time.perf_counter()
    grades = [grader.grade(bank.get(r["question_id"]), r["answer"]) for r in rows]
    elapsed = time.perf_counter() - started
    ours = [g.score for g in grades]
    theirs = [naive(r["question_id"], r["answer"]) for r in rows]
    if args.show:
        for row, grade, base in zip(rows, grades, theirs, strict=True):
            print(f"{row['id']:<26} {grade.score:>4} naive {base:>5}  {','.join(grade.flags)}  "
                  f"{''.join(i.status[0] for i in grade.rubric)}")
    mine, base = measure(rows, ours), measure(rows, theirs)
    print(f"{label}: {len(rows)} answers to {len({r['question_id'] for r in rows})} questions "
          f"({elapsed * 1000 / max(len(rows), 1):.2f} ms per grade); packs: "
          f"{', '.join(p.name for p in packs) or 'none'}{'; e5 vectors' if args.vectors else ''}")
    print(f"{'figure':<34}{'keyword':>10}{'naive':>10}  target")
    targets = {"spearman": ">= 0.85", "ordering": ">= 0.93", "adversarial": ">= 0.95",
               "gap_mean": "", "gap_max": "<= 1.5"}
    names = {"spearman": "Spearman rho (tier vs score)", "ordering": "pairwise ordering accuracy",
             "adversarial": "adversarial below partial", "gap_mean": "strong en - zh (mean)",
             "gap_max": "|strong en - zh| (max)"}
    if any(row["tier"] == "partial_en" for row in rows):
        targets.update(partial_gap_mean="", partial_gap_max="")
        names.update(partial_gap_mean="partial en - zh (mean)", partial_gap_max="|partial en - zh| (max)")
    for key, label in names.items():
        print(f"{label:<34}{mine[key]:>10.3f}{base[key]:>10.3f}  {targets[key]}")
    tiers: dict[str, list[float]] = defaultdict(list)
    for row, score in zip(rows, ours, strict=True):
        tiers[row["tier"]].append(score)
    print("mean score per tier: " + ", ".join(
        f"{t} {sum(v) / len(v):.1f}" for t, v in sorted(tiers.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))))
    if all("lang" in row for row in rows):
        by_language(rows, ours)
    return 0


if __name__ == "__main__":
    sys.exit(main())
