"""Search quality on the bundled notes: recall@1, recall@3 and MRR per language for the
hybrid retriever, beside a plain character-bigram BM25 baseline.

    python bench/search_quality.py [--split all|dev|test] [--embeddings e5|hash]
                                   [--queries FILE] [--notes PATH]... [--misses]
                                   [--packs auto|none|NAMES] [--home DIR]

Query sets in bench/data (one JSON object per line: query, expected ids, lang, kind, split):
- search_queries.jsonl — the development set, splits `dev` and `test`; both tuned on.
- search_queries_blind.jsonl and search_queries_blind3.jsonl to search_queries_blind5.jsonl —
  written blind from the notes alone; measured once, then their misses were studied.
- search_queries_blind2.jsonl, search_queries_blind6.jsonl — written blind from the notes
  alone; only their totals have been read, never their misses, so they stay a fair test of
  unseen queries.
- search_foreign_dev.jsonl, search_foreign_blind.jsonl — queries on foreign notes (real public
  files the code was never tuned on; listed with repo, path and commit in
  bench/data/foreign_notes.toml, their text kept out of git): run them with
  `--notes DIR` (default folder /work/foreign/notes). Their lines also carry
  `expected_titles` ({source, question}) so they survive a change of question ids.
- search_foreign2_dev.jsonl, search_foreign2_blind.jsonl — the same on notes in other
  subjects (operating systems, SQL, Java): `--notes /work/foreign2/notes`.
- search_foreign3_blind.jsonl — written blind in session 9 on three more files (deep-learning
  tuning in Chinese, data science in English, Python in Chinese): `--notes
  /work/foreign16/notes`; only its totals have been read.
`--misses` lists a set's misses on stderr: using it on a blind set spends that set.
`--packs none` measures the core alone (no domain pack); the default applies the packs the
notes are about, as the product does. `--home DIR` keeps the index there between runs (a
fresh temporary folder by default), so a second run over the same notes embeds nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

QUERIES = Path(__file__).parent / "data" / "search_queries.jsonl"


def load_queries(path: Path, split: str = "all") -> list[dict[str, object]]:
    """The query set (one JSON object per line with query, expected ids, lang, kind and
    split), limited to one split unless `split` is "all"."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [row for row in rows if split == "all" or row.get("split", "dev") == split]


def bigrams(text: str) -> list[str]:
    """Character bigrams of a text, whitespace dropped (the baseline's tokens)."""
    chars = [c for c in text.lower() if not c.isspace()]
    return [a + b for a, b in itertools.pairwise(chars)] or chars


def bigram_baseline(questions: list[object]) -> Callable[[str, int], list[str]]:
    """A plain BM25 over character bigrams of each whole question (title + answer)."""
    import bm25s

    ids = [q.id for q in questions]  # type: ignore[attr-defined]
    model = bm25s.BM25()
    model.index([bigrams(q.title + "\n" + q.answer) for q in questions], show_progress=False)  # type: ignore[attr-defined]

    def search(query: str, k: int) -> list[str]:
        tokens = model.get_tokens_ids(bigrams(query))
        if not tokens:
            return []
        scores = model.get_scores_from_ids(tokens)
        return [ids[i] for i in scores.argsort()[::-1][:k]]

    return search


def resolve_expected(queries: list[dict[str, object]], questions: list[object]) -> list[str]:
    """Point each query's `expected` at the ids the notes have now, by source file and title
    where the written ids are gone; returns the queries that match no question."""
    ids = {q.id for q in questions}  # type: ignore[attr-defined]
    by_title = {
        (Path(q.source).stem, " ".join(q.title.split())): q.id  # type: ignore[attr-defined]
        for q in questions
    }
    unresolved = []
    for item in queries:
        expected = [qid for qid in item["expected"] if qid in ids]  # type: ignore[attr-defined]
        for ref in item.get("expected_titles", []):  # type: ignore[attr-defined]
            key = (str(ref["source"]), " ".join(str(ref["question"]).split()))
            if key in by_title:
                expected.append(by_title[key])
        if not expected:
            unresolved.append(str(item["query"]))
        item["expected"] = sorted(set(expected))
    return unresolved


def evaluate(
    queries: list[dict[str, object]], search: Callable[[str, int], list[str]]
) -> tuple[dict[str, dict[str, float]], list[tuple[dict[str, object], list[str]]]]:
    """recall@1, recall@3 and MRR per language (and overall), and the queries missed at 1."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    misses = []
    for item in queries:
        expected = set(item["expected"])  # type: ignore[arg-type]
        found = search(str(item["query"]), 10)
        rank = next((i for i, qid in enumerate(found, start=1) if qid in expected), None)
        for group in (str(item["lang"]), "all", f"kind:{item.get('kind', '?')}"):
            sums[group]["n"] += 1
            sums[group]["r@1"] += rank == 1
            sums[group]["r@3"] += rank is not None and rank <= 3
            sums[group]["mrr"] += 1 / rank if rank else 0.0
        if rank != 1:
            misses.append((item, found[:3]))
    table = {
        group: {m: v / values["n"] for m, v in values.items() if m != "n"} | {"n": values["n"]}
        for group, values in sums.items()
    }
    return table, misses


def main() -> int:
    """Run both systems over the query set and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--embeddings", choices=["e5", "hash"], default="e5")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument(
        "--notes", action="append", type=Path, default=None,
        help="notes file or folder to search instead of the bundled notes (repeatable)",
    )
    parser.add_argument(
        "--misses", action="store_true", help="list the queries missed at 1 (on stderr)"
    )
    parser.add_argument(
        "--packs", default="auto",
        help="domain packs: auto (those the notes are about), none, or names/folders",
    )
    parser.add_argument(
        "--home", type=Path, default=None,
        help="data folder to keep the index in between runs (default: a new temporary one)",
    )
    args = parser.parse_args()

    home = str(args.home) if args.home else tempfile.mkdtemp(prefix="interviewer-bench-")
    os.environ["INTERVIEWER_HOME"] = home
    os.environ["INTERVIEWER_PACKS"] = args.packs
    os.environ["INTERVIEWER_EMBEDDINGS"] = args.embeddings
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.search import open_retriever

    settings = load_settings()
    if args.notes:
        missing = [str(path) for path in args.notes if not path.exists()]
        if missing:
            print(f"missing notes: {', '.join(missing)} (see bench/data/foreign_notes.toml "
                  "for where each file comes from)", file=sys.stderr)
            return 1
        settings = settings.model_copy(
            update={"notes": os.pathsep.join(str(path) for path in args.notes)}
        )
    bank = load_bank(settings.notes_paths)
    retriever = open_retriever(settings, bank)
    queries = load_queries(args.queries, args.split)
    unresolved = resolve_expected(queries, list(bank.questions))
    if unresolved:
        print(f"{len(unresolved)} queries name no question of these notes, e.g. "
              f"{unresolved[0]!r}", file=sys.stderr)
        return 1

    def ours(query: str, k: int) -> list[str]:
        return [hit.question_id for hit in retriever.search(query, k)]

    results = {
        f"hybrid ({args.embeddings})": evaluate(queries, ours),
        "bigram BM25": evaluate(queries, bigram_baseline(bank.questions)),
    }
    where = ", ".join(str(path) for path in args.notes) if args.notes else "bundled notes"
    packs = ", ".join(retriever.packs) or "none"
    print(f"{len(queries)} {args.split} queries over {len(bank)} questions ({where}; "
          f"packs: {packs})")
    print(f"{'system':<16} {'lang':<4} {'n':>4} {'R@1':>6} {'R@3':>6} {'MRR':>6}")
    for name, (table, _) in results.items():
        for lang in ("zh", "en", "all"):
            row = table[lang]
            print(
                f"{name:<16} {lang:<4} {int(row['n']):>4} {row['r@1']:>6.3f} "
                f"{row['r@3']:>6.3f} {row['mrr']:>6.3f}"
            )
    table = results[f"hybrid ({args.embeddings})"][0]
    for group in sorted(g for g in table if g.startswith("kind:")):
        row = table[group]
        print(f"{'  by kind':<16} {group[5:]:<14} {int(row['n']):>4} {row['r@1']:>6.3f} "
              f"{row['r@3']:>6.3f} {row['mrr']:>6.3f}")
    if args.misses:
        for item, found in results[f"hybrid ({args.embeddings})"][1]:
            print(f"miss [{item['lang']}/{item['kind']}] {item['query']} → {found} "
                  f"(want {item['expected']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
