"""Every notes layout design.md lists, read as a person reads it (our own sample notes in
tests/fixtures/notes/, Chinese and English, plus CRLF and GBK variants)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.notes import load_bank
from interviewer.notes.parser import parse_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "notes"

# file → [(title, answer, stars, difficulty, topics from the notes' structure)]
EXPECTED: dict[str, list[tuple[str, str, int, str | None, tuple[str, ...]]]] = {
    "bold_en.md": [
        ("What is linear regression?",
         "It fits a straight line that minimises the squared errors.", 0, "easy", ("Regression",)),
        ("When does least squares break down?",
         "When features are strongly collinear the estimates become unstable.\n\n```python\n"
         "np.linalg.cond(X)  # a large condition number warns you\n```", 0, "medium",
         ("Regression",)),
        ("How would you fit a model with millions of features?",
         "Use stochastic gradient descent with an **L1 penalty**.", 0, "hard", ("Regression",)),
        ("Why do we shuffle data before splitting it?",
         "So that both splits see the same distribution.", 0, None, ("Sampling",)),
        ("Bootstrap. How does the bootstrap estimate variance?",
         "Resample with replacement many times and measure the spread of the statistic.\n\n"
         "**A bold remark that is not a question**\n\nIt belongs to the answer above.", 0, None,
         ("Sampling",)),
    ],
    "bold_zh.md": [
        ("什么是梯度消失？", "反向传播时梯度逐层变小，前面的层几乎学不到东西。", 3, None, ("优化",)),
        ("Adam 为什么收敛快？", "它为每个参数自适应调整学习率。", 0, None, ("优化",)),
        ("学习率太大会怎样？", "损失震荡甚至发散。", 0, None, ("优化",)),
    ],
    "details_en.md": [
        ("What is an index and what does it cost?",
         "An index is a sorted structure that speeds up reads.\n\nIt costs **extra writes** and "
         "storage.", 0, None, ("Databases",)),
        ("Why is SELECT * discouraged?",
         "It reads columns you do not need and breaks when the schema changes.", 0, "medium",
         ("Databases",)),
        ("What is cache stampede?",
         "Many clients miss the cache at once and all hit the database.", 0, "hard", ("Caching",)),
    ],
    "answer_folds_zh.md": [
        ("下面代码输出什么？", "输出 `object`，这是历史遗留的设计。", 0, "easy", ()),
        ("什么是事件循环？", "浏览器用任务队列和微任务队列调度回调。", 0, None, ()),
        ("什么是闭包？", "函数和它捕获的外部变量一起构成闭包。", 0, None, ("更多",)),
    ],
    "lists_en.md": [
        ("What is overfitting?",
         "- The model fits noise in the training data.\n- It generalises poorly.", 0, None,
         ("Basics",)),
        ("What is underfitting?", "The model is too simple to capture the pattern.", 0, None,
         ("Basics",)),
        ("Explain the bias-variance trade-off.", "", 0, None, ("Basics",)),
        ("Tell me about a project you are proud of", "", 0, None, ("Behavioural Questions",)),
        ("Describe a disagreement with a teammate", "", 0, None, ("Behavioural Questions",)),
        ("Why does bagging reduce variance?", "", 0, None, ("Trees", "Random forests")),
        ("How are features sampled at each split?", "", 0, None, ("Trees", "Random forests")),
        ("What does zip return?", "An iterator of tuples.", 0, None, ("Code",)),
        ("What is a generator?", "A function that yields values lazily.", 0, None, ("Code",)),
    ],
    "lists_zh.md": [
        ("什么是交叉验证？", "把数据分成 k 份轮流验证。", 0, None, ("模型评估",)),
        ("准确率和召回率的区别？",
         "- 准确率看预测为正的里面有多少对。\n- 召回率看真正为正的里面找回多少。", 0, None,
         ("模型评估",)),
        ("简述 ROC 曲线", "", 0, None, ("模型评估",)),
    ],
    "blockquotes_zh.md": [
        ("为什么 TCP 握手需要三次？", "防止已失效的连接请求突然到达服务器，造成资源浪费。", 0, None,
         ()),
        ("TCP 和 UDP 有什么区别？",
         "TCP 面向连接、可靠；UDP 无连接、开销小。\n\n> 注意：UDP 之上也可以自己做重传。", 0, None,
         ()),
    ],
    "qa_labels.md": [
        ("What is a race condition?",
         "Two threads touch shared state and the result depends on timing.", 0, None, ()),
        ("什么是死锁？", "两个线程互相等待对方持有的锁。", 0, None, ()),
        ("进程和线程的区别？", "进程拥有独立地址空间，线程共享进程的内存。", 0, None, ()),
        ("What does volatile guarantee in Java?",
         "Visibility of writes across threads, not atomicity.", 0, None, ()),
    ],
    "multiple_choice.md": [
        ("What is logged?",
         "Answer: B\n\nFloating point addition is not exact, so the sum is not exactly 0.3.", 0,
         None, ()),
        ("Which keyword declares a block-scoped constant?",
         "Answer: C\n\n`const` is block scoped and cannot be reassigned.", 0, None, ()),
    ],
    "front_matter.md": [
        ("什么是 Python 的 GIL？",
         "## TL;DR\n\n全局解释器锁让同一时刻只有一个线程执行字节码。\n\n## 陷阱\n\n"
         "IO 密集型任务仍然可以从多线程中获益。", 4, "hard", ("python", "concurrency")),
    ],
    "non_questions.md": [
        ("What is a closure?", "A function bundled with the variables it captured.", 0, None, ()),
        ("What is hoisting?",
         "Declarations are moved to the top of their scope.\n\nOnly declarations move, not "
         "initialisations.", 0, None, ()),
    ],
    "difficulty_marks.md": [
        ("What is a list comprehension?", "A compact way to build a list.", 0, "easy", ("Junior",)),
        ("How does the garbage collector find cycles?",
         "It traverses container objects and subtracts internal references.", 0, "hard",
         ("Senior",)),
        ("What is a decorator?", "A function that wraps another function.", 0, "easy", ("Mixed",)),
        ("描述 MRO 的计算方法", "C3 线性化。", 0, "hard", ("Mixed",)),
        ("What is a metaclass?", "The class of a class.", 0, "hard", ("Mixed",)),
        ("字符串驻留是什么？", "相同的短字符串共用一个对象。", 1, None, ("Mixed",)),
    ],
}


def read(path: Path) -> list[tuple[str, str, int, str | None, tuple[str, ...]]]:
    bank = load_bank([path])
    return [(q.title, q.answer, q.stars, q.difficulty, q.notes_topics) for q in bank]


def test_every_fixture_has_expectations() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in FIXTURES.glob("*.md"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_is_read_as_a_person_reads_it(name: str) -> None:
    assert read(FIXTURES / name) == EXPECTED[name]


@pytest.mark.parametrize("name", ["bold_en.md", "details_en.md", "qa_labels.md", "lists_en.md"])
def test_crlf_variant_reads_the_same(name: str, tmp_path: Path) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert read(path) == EXPECTED[name]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("lists_zh.md", "gbk"), ("blockquotes_zh.md", "gbk"), ("answer_folds_zh.md", "gbk"),
     ("bold_zh.md", "gb18030")],  # ⭐ is not in GBK
)
def test_gbk_variant_reads_the_same(name: str, encoding: str, tmp_path: Path) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    assert read(path) == EXPECTED[name]


def test_multiple_choice_options_belong_to_the_question() -> None:
    questions = load_bank([FIXTURES / "multiple_choice.md"]).questions
    assert "- A: `true`" in questions[0].prompt and "console.log" in questions[0].prompt
    assert "Answer" not in questions[0].prompt
    assert all("- A:" not in q.answer for q in questions)


def test_checked_option_is_named_in_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "quiz.md"
    path.write_text(
        "### 1. Which store keeps blobs?\n\n- [ ] Queue\n- [x] Blob storage\n\n"
        "<details>\n<summary>Explanation</summary>\n\nBlobs hold unstructured data.\n\n</details>\n",
        encoding="utf-8",
    )
    [question] = load_bank([path]).questions
    assert question.answer == "Correct: Blob storage\n\nBlobs hold unstructured data."
    assert "- [ ] Blob storage" in question.prompt and "[x]" not in question.prompt


def test_label_only_heading_takes_its_question_from_the_text_below() -> None:
    [first, *_] = load_bank([FIXTURES / "answer_folds_zh.md"]).questions
    assert first.id == "answer_folds_zh-01"
    assert "console.log(typeof null)" in first.prompt


def test_follow_up_items_belong_to_the_question(tmp_path: Path) -> None:
    path = tmp_path / "general.md"
    path.write_text(
        "- How many requests does a browser open per domain?\n  - What are the exceptions?\n"
        "- What is FOUC?\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "How many requests does a browser open per domain?",
        "What is FOUC?",
    ]
    assert "What are the exceptions?" in questions[0].prompt
    assert not questions[0].has_reference


def test_unanswered_questions_are_kept_with_an_empty_answer() -> None:
    questions = load_bank([FIXTURES / "lists_en.md"]).questions
    silent = [q for q in questions if not q.has_reference]
    assert len(silent) == 5
    assert all(q.answer == "" and q.to_json()["has_reference"] is False for q in silent)


def test_a_quotation_is_not_a_question() -> None:
    titles = [q.title for q in load_bank([FIXTURES / "blockquotes_zh.md"]).questions]
    assert not any("纸上得来" in title for title in titles)


def test_front_matter_title_of_a_question_list_names_the_chapter(tmp_path: Path) -> None:
    path = tmp_path / "general.md"
    path.write_text(
        "---\ntitle: General Questions\nlayout: page\n---\n\n* What did you learn this week?\n"
        "* What excites you about coding?\n",
        encoding="utf-8",
    )
    bank = load_bank([path])
    assert [q.title for q in bank] == ["What did you learn this week?",
                                        "What excites you about coding?"]
    assert bank.questions[0].chapter == "General Questions"


def test_emoji_scale_makes_the_star_a_difficulty_not_importance() -> None:
    questions = load_bank([FIXTURES / "bold_en.md"]).questions
    assert [q.stars for q in questions[:3]] == [0, 0, 0]
    assert [q.difficulty for q in questions[:3]] == ["easy", "medium", "hard"]


def test_expertise_comment_and_bracket_marks(tmp_path: Path) -> None:
    path = tmp_path / "q.md"
    path.write_text(
        "### What is ARIA?\n\n#### Answer\n\nRoles for assistive tech.\n\n"
        "<!-- tags: (accessibility,html) -->\n\n<!-- expertise: (0) -->\n",
        encoding="utf-8",
    )
    [question] = load_bank([path]).questions
    assert (question.answer, question.difficulty) == ("Roles for assistive tech.", "easy")
    assert question.notes_topics == ("accessibility", "html")


def test_numbered_notes_leave_out_prefaces_and_advice(tmp_path: Path) -> None:
    path = tmp_path / "quiz.md"
    path.write_text(
        "## Want the book in print?\n\nBuy it here.\n\n## Question 1. What is hoisting?\n\n"
        "Moving declarations up.\n\n## Question 2. What is a closure?\n\nA function with its "
        "scope.\n\n## Scopes\n\nSome intro text.\n\n### 1. What is a block scope?\n\nBraces.\n\n"
        "## Question 3. What is `this`?\n\nThe receiver.\n\n## Question 4. What is NaN?\n\n"
        "Not a number.\n\n## Question 5. What is JSON?\n\nA text format.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.sections) for q in questions] == [
        ("What is hoisting?", ()),
        ("What is a closure?", ()),
        ("What is a block scope?", ("Scopes",)),
        ("What is this?", ()),
        ("What is NaN?", ()),
        ("What is JSON?", ()),
    ]


def test_project_files_without_questions_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My notes\n\n## Setup\n\nClone it.\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("## 1.0\n\nFirst release.\n", encoding="utf-8")
    (tmp_path / "ml.mdx").write_text("## 1. What is bias?\n\nError from wrong assumptions.\n",
                                     encoding="utf-8")
    bank = load_bank([tmp_path])
    assert [q.source for q in bank] == ["ml.mdx"]
    joined = "\n".join(bank.warnings)
    assert "README.md: a project file" in joined
    assert "CHANGELOG.md" in joined
    # Named on its own, a README is read like any notes file.
    assert [q.title for q in load_bank([tmp_path / "README.md"])] == ["Setup"]


def test_folder_file_and_section_names_are_topics_merged_with_the_glossary(
    tmp_path: Path,
) -> None:
    (tmp_path / "ml").mkdir()
    (tmp_path / "ml" / "clustering.md").write_text(
        "## Overfitting\n\n**How do you detect it?**\n\nCompare train and validation loss.\n",
        encoding="utf-8",
    )
    (tmp_path / "backend.md").write_text("**What is a queue?**\n\nA FIFO buffer.\n",
                                         encoding="utf-8")
    bank = load_bank([tmp_path])
    by_title = {q.title: q for q in bank}
    assert by_title["How do you detect it?"].notes_topics == ("overfitting", "ml", "clustering")
    assert by_title["What is a queue?"].notes_topics == ("backend",)
    assert "overfitting" in by_title["How do you detect it?"].topics


def test_q_headings_with_an_emoji_answer_fold_are_the_questions(tmp_path: Path) -> None:
    path = tmp_path / "inference.md"
    path.write_text(
        "# Inference\n\n## Estimation\n\n### Q: Describe the standard error of a mean.\n\n"
        "<details>\n<summary><b>💡 Show Answer</b></summary>\n\n"
        "It is the spread of the sample mean across samples: sigma over root n.\n\n</details>\n\n"
        "---\n\n### Q: Which estimate is unbiased?\n\n- The sample mean\n- The sample maximum\n\n"
        "<details>\n<summary>▶ Answer</summary>\n\nThe sample mean.\n\n</details>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Describe the standard error of a mean.",
        "Which estimate is unbiased?",
    ]
    assert questions[0].answer.startswith("It is the spread of the sample mean")
    assert "The sample maximum" in questions[1].prompt
    assert questions[1].answer == "The sample mean."


def test_a_q_labelled_heading_keeps_its_sub_questions_and_fold(tmp_path: Path) -> None:
    path = tmp_path / "tests.md"
    path.write_text(
        "## Testing\n\n### Q: Multiple comparisons.\n\n"
        "1. Why do many tests inflate false positives?\n"
        "1. How does a Bonferroni correction work?\n\n"
        "<details>\n<summary>💡 Show Answer</summary>\n\n"
        "Each test has its own alpha; divide alpha by the number of tests.\n\n</details>\n\n"
        "### Q: A survey sampled 400 voters.\n\n- 220 said yes.\n- 180 said no.\n\n"
        "What is the point estimate of the share saying yes?\n\n"
        "<details>\n<summary>💡 Show Answer</summary>\n\n220/400 = 0.55.\n\n</details>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Multiple comparisons.", "A survey sampled 400 voters."]
    assert "How does a Bonferroni correction work?" in questions[0].prompt
    assert questions[0].answer.startswith("Each test has its own alpha")
    assert "220 said yes." in questions[1].prompt and questions[1].answer == "220/400 = 0.55."


def test_a_heading_read_as_an_introduction_is_named_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / "detectors.md"
    path.write_text(
        "# Detectors\n\n## 1.1 Two-stage\n\n### 1.1.1 Anchor boxes\n\n**What is an anchor box?**\n\n"
        "A reference box at each feature-map cell that predictions offset.\n\n"
        "### 1.1.2 Region pooling\n\n**Why pool regions of interest?**\n\n"
        "To turn boxes of any size into a fixed-size feature.\n\n"
        "### 1.1.3 Survey notes\n\nA paragraph retelling a paper, with no question in it.\n",
        encoding="utf-8",
    )
    parsed = parse_markdown(path.read_text(encoding="utf-8"), path.stem)
    assert [q.title for q in load_bank([path]).questions] == [
        "What is an anchor box?",
        "Why pool regions of interest?",
    ]
    assert "1.1.3 Survey notes" in parsed.skipped


@pytest.mark.parametrize(
    ("question_label", "answer_label"),
    [("Q:", "A:"), ("**Q:**", "**A:**"), ("问：", "答："), ("Q：", "A：")],
)
def test_q_and_a_labels_on_lines_of_their_own(question_label: str, answer_label: str) -> None:
    # Each label a paragraph of its own, the question and the answer below it (probed on the
    # walk8a walkthrough: such notes gave no question at all).
    text = "".join(
        f"{question_label}\n\n{ask}\n\n{answer_label}\n\n{answer}\n\n"
        for ask, answer in [("什么是死锁？", "多个进程互相等待对方的资源。"),
                            ("如何避免死锁？", "按固定顺序加锁。")]
    )
    questions = parse_markdown("# 并发\n\n" + text, "c").questions
    assert [(q.title, q.answer) for q in questions] == [
        ("什么是死锁？", "多个进程互相等待对方的资源。"),
        ("如何避免死锁？", "按固定顺序加锁。"),
    ]


@pytest.mark.parametrize(
    ("asked", "second"),
    [
        ("注意力机制的计算流程", "残差连接的作用"),
        ("The steps of attention", "What residual connections do"),
    ],
)
def test_a_quote_followed_by_its_answer_fold_is_a_question_without_a_question_mark(
    tmp_path: Path, asked: str, second: str
) -> None:
    # The fold labelled "答案" / "Answer" says the quote above it asked, mark or not.
    fold = "<details>\n  <summary>{}</summary>\n  {}\n  </details>\n\n"
    path = tmp_path / "quotes.md"
    path.write_text(
        f"> 1、{asked}\n" + fold.format("答案", "先算 QK 点积再 softmax。")
        + f"> 2、{second}\n" + fold.format("Answer", "They let gradients skip layers.")
        + "> 3、BN 的作用是什么？\n" + fold.format("答案", "稳定每层输入的分布。")
        + "> 读书之法，在循序而渐进。\n\n正文继续。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [asked, second, "BN 的作用是什么？"]
    assert "They let gradients skip layers." in questions[1].answer
    assert "> 3" not in questions[1].answer and "循序" not in questions[2].title
