"""Jekyll/kramdown markup in notes published as a site: attribute lists (`{: .label }`) are
styling, not text of a question or its answer."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_kramdown_attribute_lists_are_not_part_of_titles_or_answers(tmp_path: Path) -> None:
    # Jekyll themes (just-the-docs) style a question with `{: .label .label-red }` after it
    # and a block with `{: .note }` on its own line: markup the reader never sees.
    path = tmp_path / "security.md"
    path.write_text(
        "---\ntitle: Security Interview\n---\n\n# Security Interview\n"
        "1. **How does an app call a protected service?**{: .label .label-red }\n\n"
        "   {: .label .label-red }It sends an access token the service verifies.\n\n"
        "1. **What does OpenID Connect add to OAuth 2.0?**{: .label-blue #oidc }\n\n"
        "   An authentication layer.\n   {: .note }\n\n"
        "1. **Given the following code:**{: .label .label-red }\n\n"
        "   ```python\n   print('{:.2f}'.format(2))  # {: .kept }\n   ```\n\n"
        "   What does it print? It prints 2.00.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "How does an app call a protected service?",
        "What does OpenID Connect add to OAuth 2.0?",
        "Given the following code:",
    ]
    first, second, third = (q.answer + q.prompt for q in questions)
    assert first == "It sends an access token the service verifies."
    assert second == "An authentication layer."
    assert "{: .kept }" in third and "{:.2f}" in third and ".label" not in third
