"""The notes parser on every layout and encoding design.md lists (our own sample notes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.notes import load_bank
from interviewer.notes.parser import parse_markdown, parse_title

BASIC = """# 机器学习
## 1. 什么是过拟合？:star::star:
过拟合是指模型在训练集上表现很好，但在测试集上表现差。
- <font color='red'>模型记住了训练数据的噪声</font>
- **泛化能力差**
"""


def titles(text: str) -> list[str]:
    return [q.title for q in parse_markdown(text, "chapter").questions]


@pytest.mark.parametrize(
    ("heading", "title", "number", "stars", "tags"),
    [
        ("## 1. 什么是过拟合？:star::star:", "什么是过拟合？", 1, 2, ()),
        ("## 2、什么是欠拟合？⭐⭐⭐", "什么是欠拟合？", 2, 3, ()),
        ("## 3) What is dropout? ★", "What is dropout?", 3, 1, ()),
        ("## Q4: 为什么要归一化？", "为什么要归一化？", 4, 0, ()),
        ("## Q12：BN 的作用？:star:", "BN 的作用？", 12, 1, ()),
        ("## （5）梯度消失的原因？", "梯度消失的原因？", 5, 0, ()),
        ("## 6. 正则化有哪些方法？(高频)", "正则化有哪些方法？", 6, 0, ("高频",)),
        ("## 7. 解释 Adam？【重要】:star:", "解释 Adam？", 7, 1, ("重要",)),
        ("## 8. 什么是神经网络（MLP）的万能近似定理?", "什么是神经网络（MLP）的万能近似定理?", 8, 0, ()),
        ("## 激活函数的作用 (hot)", "激活函数的作用", None, 0, ("hot",)),
        ("## 自编码器的意义", "自编码器的意义", None, 0, ()),
        ("## 1.5 倍学习率会怎样", "1.5 倍学习率会怎样", None, 0, ()),
        ("## 9. ReLU ☆★★", "ReLU", 9, 2, ()),
        ("#### 10) What is PCA? [[src](http://example.com/pca)]", "What is PCA?", 10, 0, ()),
        ("### 66) What are RCNNs? [[src]](http://example.com/rcnn)", "What are RCNNs?", 66, 0, ()),
        ("## Question 3. What is hoisting?", "What is hoisting?", 3, 0, ()),
        ("## 第 12 题：什么是闭包？", "什么是闭包？", 12, 0, ()),
        ("### 1 . In which case is IaaS best?", "In which case is IaaS best?", 1, 0, ()),
        ("## 8. 以下代码中，`<p>` 元素是什么颜色？", "以下代码中，<p> 元素是什么颜色？", 8, 0, ()),
        # A dash between the number and the text separates them, it is not part of the title.
        ("## Q12 - 信息熵", "信息熵", 12, 0, ()),
        ("## 3 – What is a closure?", "What is a closure?", 3, 0, ()),
        ("## 2 - 1 = ?", "2 - 1 = ?", None, 0, ()),
    ],
)
def test_heading_styles(
    heading: str, title: str, number: int | None, stars: int, tags: tuple[str, ...]
) -> None:
    parsed = parse_title(heading.lstrip("# "))
    assert (parsed.text, parsed.number, parsed.stars, parsed.tags) == (title, number, stars, tags)


@pytest.mark.parametrize("level", ["##", "###", "####", "#####", "######"])
def test_question_heading_levels(level: str) -> None:
    text = f"# 章节\n{level} 1. 什么是过拟合？\n过拟合是指泛化差。\n{level} 2. 什么是欠拟合？\n欠拟合是指训练误差大。\n"
    assert titles(text) == ["什么是过拟合？", "什么是欠拟合？"]


def test_top_heading_names_the_chapter_and_is_not_a_question() -> None:
    parsed = parse_markdown(BASIC, "file")
    assert parsed.chapter == "机器学习"
    assert [q.title for q in parsed.questions] == ["什么是过拟合？"]


def test_chapter_defaults_to_the_file_name() -> None:
    parsed = parse_markdown("## 1. 问题？\n答案。\n", "my_notes")
    assert parsed.chapter == "my_notes"


def test_key_points_from_red_font_and_bold_without_markup() -> None:
    question = parse_markdown(BASIC, "c").questions[0]
    assert question.key_points == ("模型记住了训练数据的噪声", "泛化能力差")
    assert not question.key_points_derived


@pytest.mark.parametrize(
    "font",
    [
        "<font color='red'>{}</font>",
        '<font color="red">{}</font>',
        "<font color=red>{}</font>",
        "<FONT COLOR='#ff0000'>{}</FONT>",
        "<font size=3 color='red'>{}</font>",
    ],
)
def test_font_highlight_variants(font: str) -> None:
    text = "## 1. 问题？\n- " + font.format("关键点 `code` 在此") + "。\n"
    assert parse_markdown(text, "c").questions[0].key_points == ("关键点 code 在此",)


def test_bold_inside_a_red_span_is_one_key_point() -> None:
    text = "## 1. 问题？\n<font color='red'>深层网络可以 **学习多层次特征**，更强</font>\n"
    assert parse_markdown(text, "c").questions[0].key_points == ("深层网络可以 学习多层次特征，更强",)


def test_derived_key_points_when_nothing_is_highlighted() -> None:
    text = (
        "## 1. 三种表示？\n简单表示有三种：\n"
        "  - (1)低维表示尝试压缩信息；细节略。\n"
        "  - (2)稀疏表示让多数项为零。\n"
        "  - (3)独立表示分开变化来源。\n"
    )
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points_derived
    assert question.key_points == ("低维表示尝试压缩信息", "稀疏表示让多数项为零", "独立表示分开变化来源")


def test_derived_key_points_from_paragraphs_without_bullets() -> None:
    text = "## 1. 什么是 BN？\nBN 规范化每层输入。它加速训练。\n\n它也有正则化效果. More text.\n"
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == ("BN 规范化每层输入", "它也有正则化效果")


def test_derived_key_points_read_hard_wrapped_lines_as_one_paragraph() -> None:
    text = (
        "## 1. What is the load factor?\n\nThe load factor is the number of stored elements\n"
        "divided by the number of buckets. Once exceeded, the table grows.\n\n"
        "For most uses a load factor between 0.5 and 0.75 strikes a good balance between time\n"
        "and space.\n\n- Chaining keeps a list in\n  every bucket.\n- Open addressing probes\n"
        "other slots.\n"
    )
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == (
        "Chaining keeps a list in every bucket", "Open addressing probes other slots",
    )
    text = text.split("\n\n- ")[0] + "\n"
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == (
        "The load factor is the number of stored elements divided by the number of buckets",
        "For most uses a load factor between 0.5 and 0.75 strikes a good balance between time "
        "and space",
    )
    wrapped = parse_markdown("## 1. 什么是 BN？\nBN 规范化每层\n输入。它加速训练。\n", "c")
    assert wrapped.questions[0].key_points == ("BN 规范化每层输入",)


def test_points_numbered_without_a_space_are_points_of_their_own() -> None:
    # "1.原因一" on lines of their own is a numbered list to its reader, though Markdown
    # wants a space after "1.": one key point each, not one run-on point.
    text = (
        "## 为什么用 ReLU？\n\n有三点：\n1.计算简单，只需一次比较\n2.正区间梯度恒为一，缓解梯度消失\n"
        "3、输出稀疏\n\n### 2. What is 1.5 times the rate?\n\nIt is the rate\n2.5 times lower.\n"
    )
    questions = parse_markdown(text, "c").questions
    assert questions[0].key_points == ("计算简单，只需一次比较", "正区间梯度恒为一，缓解梯度消失", "输出稀疏")
    assert questions[1].key_points == ("It is the rate 2.5 times lower",)


def test_hash_lines_inside_code_fences_are_not_headings() -> None:
    text = (
        "## 1. 如何写配置？\n```python\n# 这不是标题\n## also not a heading\nx = 1\n```\n"
        "~~~\n## nor this\n~~~\n    ## indented code\n## 2. 第二题？\n答案\n"
    )
    parsed = parse_markdown(text, "c")
    assert [q.title for q in parsed.questions] == ["如何写配置？", "第二题？"]
    assert "# 这不是标题" in parsed.questions[0].answer


def test_bold_inside_code_fences_is_not_a_key_point() -> None:
    text = "## 1. 问题？\n```\n**not a point**\n```\n**真正的要点**\n"
    assert parse_markdown(text, "c").questions[0].key_points == ("真正的要点",)


def test_setext_headings() -> None:
    text = "机器学习\n========\n\n什么是过拟合？:star:\n--------------\n过拟合是泛化差。\n\n什么是欠拟合？\n---\n训练误差大。\n"
    parsed = parse_markdown(text, "c")
    assert parsed.chapter == "机器学习"
    assert [q.title for q in parsed.questions] == ["什么是过拟合？", "什么是欠拟合？"]


def test_thematic_break_after_a_list_is_not_a_setext_heading() -> None:
    text = "## 1. 问题？\n- 要点一\n---\n更多内容\n"
    assert titles(text) == ["问题？"]


@pytest.mark.parametrize("toc_title", ["目录", "Index", "Contents", "Table of Contents"])
def test_table_of_contents_is_not_a_question(toc_title: str) -> None:
    text = f"# 笔记\n## {toc_title}\n- [过拟合](#过拟合)\n- [欠拟合](#欠拟合)\n## 1. 过拟合？\n答案\n"
    assert titles(text) == ["过拟合？"]


def test_body_of_only_in_page_links_is_not_a_question() -> None:
    text = "## 导航\n- [第一题](#1)\n- [第二题](#2)\n\n## 1. 第一题？\n答案\n"
    assert titles(text) == ["第一题？"]


def test_nested_unnumbered_notes_sections_and_questions() -> None:
    text = (
        "# 深度学习\n## 正则化\n### L1 和 L2 的区别\nL1 产生稀疏解，L2 让权重变小。\n"
        "### Dropout 为什么有效\n减少共适应。\n## 优化\n### 动量\n#### Nesterov 动量\n先看一步再算梯度。\n"
    )
    questions = parse_markdown(text, "c").questions
    assert [(q.title, q.sections) for q in questions] == [
        ("L1 和 L2 的区别", ("正则化",)),
        ("Dropout 为什么有效", ("正则化",)),
        ("Nesterov 动量", ("优化", "动量")),
    ]


def test_unmarked_sub_headings_of_a_numbered_question_belong_to_its_answer() -> None:
    text = "## 1. 如何防止过拟合？\n### 数据角度\n**数据增强**\n### 模型角度\n**Dropout**\n## 2. 下一题？\n答\n"
    questions = parse_markdown(text, "c").questions
    assert [q.title for q in questions] == ["如何防止过拟合？", "下一题？"]
    assert questions[0].key_points == ("数据增强", "Dropout")
    assert "### 模型角度" in questions[0].answer


def test_heading_without_any_answer_is_kept_with_an_empty_answer() -> None:
    parsed = parse_markdown("## 1. 空问题？\n## 2. 有答案？\n答案\n", "c")
    assert [(q.title, q.answer) for q in parsed.questions] == [("空问题？", ""), ("有答案？", "答案")]
    assert parsed.unanswered == ["空问题？"]


def test_images_become_alt_text_and_font_becomes_bold() -> None:
    text = "## 1. 问题？\n![随机初始化证明](../assets/a.png)\n![](x.png)\n<font color='red'>重点</font>\n"
    answer = parse_markdown(text, "c").questions[0].answer
    assert "[image: 随机初始化证明]" in answer
    assert "[image]" in answer
    assert "**重点**" in answer and "<font" not in answer


def test_crlf_and_cr_line_endings() -> None:
    crlf = BASIC.replace("\n", "\r\n")
    parsed = parse_markdown(crlf, "c")
    assert [q.title for q in parsed.questions] == ["什么是过拟合？"]
    assert "\r" not in parsed.questions[0].answer
    assert parse_markdown(BASIC.replace("\n", "\r"), "c").questions[0].stars == 2


# --- files and folders -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b"")],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(prefix + BASIC.encode(encoding))
    bank = load_bank([path])
    assert [q.title for q in bank] == ["什么是过拟合？"]
    assert bank.questions[0].key_points == ("模型记住了训练数据的噪声", "泛化能力差")
    assert bank.warnings == []


def test_folder_skips_empty_binary_and_non_markdown_files_with_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BASIC, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "blob.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "prose.md").write_text("just some text, no headings\n", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text(BASIC, encoding="utf-8")
    bank = load_bank([tmp_path])
    assert [q.id for q in bank] == ["a-01"]
    joined = "\n".join(bank.warnings)
    assert "empty.md: empty file" in joined
    assert "blob.md: binary" in joined
    assert "picture.png" in joined
    assert "prose.md: no questions found" in joined
    assert ".hidden" not in joined


def test_missing_path_is_an_error_naming_it(tmp_path: Path) -> None:
    from interviewer.notes.reader import NotesError

    with pytest.raises(NotesError, match="notes path not found"):
        load_bank([tmp_path / "nope"])


def test_ids_are_stable_across_edits_of_other_questions(tmp_path: Path) -> None:
    path = tmp_path / "ml.md"
    path.write_text("## 1. 甲？\n答\n## 无编号的问题\n答\n## 2. 乙？\n答\n", encoding="utf-8")
    before = {q.title: q.id for q in load_bank([path])}
    path.write_text(
        "## 0. 新增？\n答\n## 1. 甲？\n改过的答案\n## 另一个新问题\n答\n## 无编号的问题\n答\n## 2. 乙？\n答\n",
        encoding="utf-8",
    )
    after = {q.title: q.id for q in load_bank([path])}
    assert before["甲？"] == after["甲？"] == "ml-01"
    assert before["乙？"] == after["乙？"] == "ml-02"
    assert before["无编号的问题"] == after["无编号的问题"]
    assert len(set(after.values())) == len(after)


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("cv", "nlp"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "basics.md").write_text("## 1. 问题？\n答\n", encoding="utf-8")
    assert sorted(q.id for q in load_bank([tmp_path])) == ["cv.basics-01", "nlp.basics-01"]


def test_sources_are_relative_to_the_notes_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text("## 1. 问题？\n答\n", encoding="utf-8")
    question = load_bank([tmp_path]).questions[0]
    assert question.source == "sub/x.md"
    assert question.line == 1


@pytest.mark.parametrize(
    ("raw", "emoji_scale", "title", "difficulty", "stars"),
    [
        ("What is bagging? 👶", True, "What is bagging?", "easy", 0),
        ("What is boosting? ⭐️", True, "What is boosting?", "medium", 0),
        ("What is boosting? ⭐️", False, "What is boosting?", None, 1),
        ("How does XGBoost split? 🚀", True, "How does XGBoost split?", "hard", 0),
        ("Two sum [E]", False, "Two sum", "easy", 0),
        ("LRU cache [M]", False, "LRU cache", "medium", 0),
        ("Median of two arrays (Hard)", False, "Median of two arrays", "hard", 0),
        ("什么是 GIL？（中等）", False, "什么是 GIL？", "medium", 0),
        ("什么是协程？【困难】:star::star:", False, "什么是协程？", "hard", 2),
        ("第 1 题 🔴", False, "第 1 题", "hard", 0),
        ("什么是字符串驻留？（了解即可）:star::star::star:", False, "什么是字符串驻留？", None, 1),
    ],
)
def test_difficulty_and_importance_marks(
    raw: str, emoji_scale: bool, title: str, difficulty: str | None, stars: int
) -> None:
    parsed = parse_title(raw, emoji_scale)
    assert (parsed.text, parsed.difficulty, parsed.stars) == (title, difficulty, stars)


def test_a_tag_after_a_title_that_ends_a_sentence_is_no_part_of_it() -> None:
    # Found on the walk9j walkthrough: "Compare TCP and UDP. [D | EL]" kept its tag, where
    # "What is a port? [D | EL]" lost it.
    assert parse_title("Compare TCP and UDP. [D | EL]").text == "Compare TCP and UDP."
    assert parse_title("比较 TCP 和 UDP。【常考】").text == "比较 TCP 和 UDP。"
    assert parse_title("Use np.array (NumPy)").text == "Use np.array (NumPy)"


def test_a_bracket_that_asks_after_a_question_goes_on_asking() -> None:
    # sweep11d (Chinese Android notes): "哪个会先收到广播？（有序广播？）" lost its bracket, and
    # "有序广播？" became a topic of the question.
    parsed = parse_title("优先级一样时哪个先收到广播？（有序广播？）")
    assert (parsed.text, parsed.tags) == ("优先级一样时哪个先收到广播？（有序广播？）", ())
    assert parse_title("什么是 ANR？(Google)").tags == ("Google",)


def test_code_spans_in_titles_keep_their_underscores_and_stars() -> None:
    assert parse_title("`__new__`和`__init__`的区别").text == "__new__和__init__的区别"
    assert parse_title("`*args` and `**kwargs`").text == "*args and **kwargs"
    assert parse_title("**Bold** and __strong words__").text == "Bold and strong words"


def test_zero_width_spaces_an_editor_indents_with_are_not_text() -> None:
    # Typora indents a paragraph with a zero-width space and tabs ("\u200b\t\t…") so that
    # Markdown does not read it as code: the reader sees an indented paragraph, and so must we.
    text = (
        "# 笔记\n\n**1. 什么是残差连接？**\n\n\u200b\t\t将模块的输入与输出直接相加。\n\n"
        "\u200b\t\t这样网络更容易\u200b训练。\n\n"
        "## 列表\n\n1. **Spark 的特点是什么？**\n\n   \u200b\t\t基于内存的计算引擎。\n\n"
        "2. **RDD 是什么？**\n\n   \u200b\t\t弹性分布式数据集。\n"
    )
    questions = parse_markdown(text, "notes").questions
    assert [q.title for q in questions] == ["什么是残差连接？", "Spark 的特点是什么？", "RDD 是什么？"]
    assert questions[0].answer == "将模块的输入与输出直接相加。\n\n这样网络更容易训练。"
    assert questions[1].answer == "基于内存的计算引擎。"
    for question in questions:
        assert not any("\u200b" in text for text in [question.answer, *question.key_points])


def test_a_lowercase_q_that_names_a_variable_is_no_question_label() -> None:
    # "q：query…" / "k：key…" / "v：value…" inside an answer define the query, key and value:
    # a lowercase q that asks nothing and is answered by no A: label labels no question.
    text = (
        "**1. 自注意力怎么算？**\n\nstep1：输入乘三个矩阵，得到 Q、K、V\n\n"
        "q：query，用来去匹配别的词\n\nk：key，被 q 匹配\n\nv：value，要抽取的信息\n\n"
        "step2：用 q 和 k 打分，softmax 后加权求和。\n\n"
        "q: what does a lowercase label ask?\n\nA: Whatever it asks with a question mark.\n"
    )
    questions = parse_markdown(text, "notes").questions
    assert [q.title for q in questions] == [
        "自注意力怎么算？", "what does a lowercase label ask?",
    ]
    assert "q：query，用来去匹配别的词" in questions[0].answer
    assert questions[0].answer.endswith("step2：用 q 和 k 打分，softmax 后加权求和。")
