"""Files that are one question each (a folder of cards named for their questions, a lone `#`
title over its answer), and question titles written `## Q. ***…***`."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank
from interviewer.notes.draft import asks
from interviewer.notes.markup import plain_text

CARD = (
    "# ArrayMap\n\nArrayMap keeps keys in a sorted array and finds them by binary search, "
    "which saves memory over HashMap.\n\n## How ArrayMap works\n\nTwo arrays: hashes and "
    "key-value pairs.\n\n## Example of usage\n\n```kotlin\nval map = ArrayMap<String, Int>()\n"
    "```\n\n# Links\n\nhttps://example.org/arraymap\n\n# Next questions\n\n"
    "- What do you know about SparseArray?\n"
)


def test_a_file_named_for_its_question_is_that_one_question(tmp_path: Path) -> None:
    folder = tmp_path / "android"
    folder.mkdir()
    (folder / "What do you know about ArrayMap.md").write_text(CARD, encoding="utf-8")
    (questions,) = [load_bank([folder]).questions]
    assert [q.title for q in questions] == ["What do you know about ArrayMap"]
    answer = questions[0].answer
    assert "binary search" in answer and "## How ArrayMap works" in answer
    assert "val map" in answer
    # Links and the questions the card suggests next are no part of its answer.
    assert "example.org" not in answer and "SparseArray" not in answer


def test_a_lone_title_over_its_answer_is_a_question(tmp_path: Path) -> None:
    path = tmp_path / "Difference between raw and assets.md"
    path.write_text(
        "# Raw folder vs Assets folder\n\nFiles in res/raw get a resource ID and cannot be "
        "grouped in folders; files in assets keep their names and folders and are read with "
        "AssetManager.\n\n## Links\n\n- https://example.org/raw\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    assert question.title == "Raw folder vs Assets folder"
    assert "AssetManager" in question.answer and "example.org" not in question.answer


def test_a_lone_title_of_a_page_with_front_matter_is_its_question(tmp_path: Path) -> None:
    path = tmp_path / "line.md"
    path.write_text(
        "---\ntitle: 画一条0.5px的线\n---\n\n# 画一条0.5px的线\n\n- 方案一：transform: scaleY(.5)，"
        "把 1px 的边框缩小一半\n- 方案二：viewport 的 initial-scale 设为 0.5\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    assert question.title == "画一条0.5px的线"
    assert "scaleY" in question.answer


def test_a_sorted_file_name_loses_its_number(tmp_path: Path) -> None:
    path = tmp_path / "19_特征融合concat和add的区别.md"
    path.write_text(
        "## add\n\n逐元素相加，通道数不变，要求两个特征图形状一致。\n\n"
        "## concat\n\n在通道维拼接，通道数相加，保留两路各自的信息。\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    assert question.title == "特征融合concat和add的区别"
    assert "逐元素相加" in question.answer and "通道维拼接" in question.answer


def test_files_of_marked_questions_or_one_asked_question_keep_their_reading(
    tmp_path: Path,
) -> None:
    several = tmp_path / "What to know about pooling.md"
    several.write_text(
        "## 1. What is max pooling?\n\nIt keeps the largest value of each window.\n\n"
        "## 2. What is average pooling?\n\nIt keeps the mean of each window.\n",
        encoding="utf-8",
    )
    asked = tmp_path / "05_为什么用ReLU.md"
    asked.write_text(
        "## 问题\n\nReLU 在 0 处不可导，为什么还这么常用？\n\n## 问题解答\n\n"
        "实际计算时取 0 或 1 作为次梯度即可，正好落在 0 点的概率极小。\n",
        encoding="utf-8",
    )
    bare = tmp_path / "pooling.md"
    bare.write_text("# Pooling\n\n## Max\n\nLargest value.\n\n## Mean\n\nMean value.\n",
                    encoding="utf-8")
    assert [q.title for q in load_bank([several]).questions] == [
        "What is max pooling?", "What is average pooling?"]
    assert [q.title for q in load_bank([asked]).questions] == [
        "ReLU 在 0 处不可导，为什么还这么常用？"]
    # A file named for a topic, not a question, keeps its headings as its questions.
    assert [q.title for q in load_bank([bare]).questions] == ["Max", "Mean"]


def test_a_lone_title_over_nothing_but_headings_or_links_is_no_question(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sort.md"
    path.write_text("# 常见的排序算法\n\n## 冒泡排序\n## 插入排序\n## 快排\n", encoding="utf-8")
    links = tmp_path / "links.md"
    links.write_text("# Reading\n\n## Links\n\n- https://example.org/a\n", encoding="utf-8")
    assert load_bank([path]).questions == []
    assert load_bank([links]).questions == []


def test_q_dot_titles_in_bold_italics_are_read_plain(tmp_path: Path) -> None:
    folder = tmp_path / "php"
    folder.mkdir()
    (folder / "README.md").write_text(
        "# PHP Basics\n\n## Q. ***What is PHP?***\n\nA general purpose scripting language.\n\n"
        "## Q. ***Is PHP case sensitive?***\n\nVariables are; function names are not.\n\n"
        "#### Q. ***What is an autoloader?***\n",
        encoding="utf-8",
    )
    bank = load_bank([folder])
    # A README of questions is notes, not a project file to skip.
    assert [q.title for q in bank.questions] == [
        "What is PHP?", "Is PHP case sensitive?", "What is an autoloader?"]
    assert bank.questions[2].answer == ""


def test_single_star_emphasis_is_removed_but_products_and_pointers_stay() -> None:
    assert plain_text("*italic* and *过拟合*是什么") == "italic and 过拟合是什么"
    assert plain_text("a * b * c, 2*3*4, x*y*z, (a)*(b)*(c)") == (
        "a * b * c, 2*3*4, x*y*z, (a)*(b)*(c)")
    assert plain_text("int *p, *q;") == "int *p, *q;"


def test_a_question_mark_inside_a_short_title_asks() -> None:
    assert asks("在网页中应该使用奇数还是偶数的字体？自定义字体的使用场景")
    assert not asks("画一条0.5px的线")


def test_a_readme_in_a_folder_of_the_notes_is_the_page_of_that_folder(tmp_path: Path) -> None:
    # On GitHub (and in docs sites) a folder's README is the page it shows: notes on that
    # folder's subject, or a card named by its folder ("q_003/README.md").
    (tmp_path / "README.md").write_text("# My notes\n\n## Layout\n\nOne folder a subject.\n",
                                        encoding="utf-8")
    (tmp_path / "OS").mkdir()
    (tmp_path / "OS" / "README.md").write_text(
        "# Operating systems\n\n## Process and thread\n\nA process owns memory; threads share "
        "it.\n\n## Scheduler\n\nThe scheduler picks the next process to run on the CPU.\n",
        encoding="utf-8")
    (tmp_path / "q_003").mkdir()
    (tmp_path / "q_003" / "README.md").write_text(
        "# The carshare dilemma\n\n35% of the group like Uber, 20% like both, 25% like neither."
        " What percentage of the group likes Lyft?\n", encoding="utf-8")
    (tmp_path / "tool").mkdir()
    (tmp_path / "tool" / "README.md").write_text(
        "# Flashcard tool\n\n## Installation\n\npip install it.\n\n## Usage\n\nRun it.\n",
        encoding="utf-8")
    bank = load_bank([tmp_path])
    assert sorted((q.source, q.title) for q in bank.questions) == [
        ("OS/README.md", "Process and thread"),
        ("OS/README.md", "Scheduler"),
        ("q_003/README.md", "The carshare dilemma"),
    ]
    joined = "\n".join(bank.warnings)
    assert "tool/README.md: a project file" in joined and "\nREADME.md: a project file" in (
        "\n" + joined)


def test_an_asking_title_over_parts_is_one_question(tmp_path: Path) -> None:
    path = tmp_path / "vue_nexttick.md"
    path.write_text(
        "# 面试官：说说你对 nextTick 的理解？\n\n![](https://example.org/cover.png)\n\n"
        "## 一、是什么\n\n在下次 DOM 更新循环结束之后执行延迟回调。\n\n"
        "## 二、使用场景\n\n修改数据后立即读取更新后的 DOM。\n\n"
        "## 三、实现原理\n\n把回调放进队列，用微任务异步执行。\n\n"
        "## 参考文献\n\n- https://example.org/nexttick\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    # The interviewer's label is no part of the question.
    assert question.title == "说说你对 nextTick 的理解？"
    assert "DOM 更新循环" in question.answer and "微任务" in question.answer
    assert "example.org/nexttick" not in question.answer


def test_an_asking_title_over_questions_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "vue.md"
    path.write_text(
        "# Vue 常见问题有哪些？\n\n## 1. v-if 和 v-show 的区别？\n\nv-if 不渲染，v-show 只切换 "
        "display。\n\n## 2. computed 和 watch 的区别？\n\ncomputed 有缓存，watch 没有。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["v-if 和 v-show 的区别？", "computed 和 watch 的区别？"]


def test_a_page_titled_for_its_topic_is_the_question_its_file_name_asks(
    tmp_path: Path,
) -> None:
    path = tmp_path / "5-channel 的关闭过程是怎样的.md"
    path.write_text(
        '---\nweight: 305\ntitle: "关闭过程"\nslug: /close\n---\n\n'
        "关闭一个 channel 会先加锁，再唤醒所有等待读写的 goroutine。\n\n"
        "```golang\nfunc closechan(c *hchan)\n```\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    assert question.title == "channel 的关闭过程是怎样的"
    assert "唤醒所有等待" in question.answer


def test_parts_numbered_in_chinese_keep_their_sub_questions_in_the_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vue_key.md"
    path.write_text(
        "# 面试官：你知道 Vue 中 key 的原理吗？\n\n## 一、key 是什么\n\nkey 是每个 vnode 的唯一标识。\n\n"
        "### 场景背后的逻辑\n\n没有 key 时就地复用节点。\n\n## 二、设置与不设置 key 的区别\n\n"
        "有 key 时按 key 找到可复用的节点。\n\n### 设置 key 一定能提高 diff 效率吗？\n\n不一定，"
        "简单模板就地复用更快。\n\n## 三、原理分析\n\nsameVnode 比较 key 和标签。\n\n"
        "## 参考文献\n\n- https://example.org/key\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    assert question.title == "你知道 Vue 中 key 的原理吗？"
    assert "就地复用" in question.answer and "sameVnode" in question.answer


def test_a_card_of_plain_text_named_for_its_topic_is_one_question(tmp_path: Path) -> None:
    """sweep11d (Chinese Java/MySQL cards): "重载、重写.md", "mysql锁.md" hold only plain text,
    no heading and nothing that asks; they gave no question and a warning each."""
    folder = tmp_path / "java基础"
    folder.mkdir()
    (folder / "重载、重写.md").write_text(
        "重载是同一个类里方法名相同、参数列表不同的方法。\n\n"
        "重写是子类重新实现父类的方法，方法名、参数列表和返回值都相同。\n",
        encoding="utf-8",
    )
    (folder / "README.md").write_text(
        "这里放我整理的 Java 基础笔记，按知识点一个文件，有错误欢迎指出。\n", encoding="utf-8"
    )
    bank = load_bank([folder])
    assert [q.title for q in bank.questions] == ["重载、重写"]
    assert bank.questions[0].answer.startswith("重载是同一个类里")


def test_an_answer_label_opening_a_one_question_file_is_not_its_answer(tmp_path: Path) -> None:
    # A folder of cards, each "# Q: …" over "**A:** …": the label says where the answer
    # starts, as it does under a question heading, so neither the answer nor its points
    # open with "A:".
    folder = tmp_path / "security"
    folder.mkdir()
    (folder / "01-what-is-csrf.md").write_text(
        "# Q: What is a CSRF attack?\n\n**A:** A forged request rides on the victim's "
        "session cookie to act in their name.\n",
        encoding="utf-8",
    )
    (question,) = load_bank([folder]).questions
    assert question.title == "What is a CSRF attack?"
    assert question.answer.startswith("A forged request")
    assert not any(point.startswith("A:") for point in question.key_points)
