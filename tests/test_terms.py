"""Terms mined from the notes themselves: bilingual pairs, abbreviations, sibling terms and
the text under each term's label — for any subject, Chinese and English."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from interviewer.terms import abbreviations, mine_terms, sibling_sets, term_pairs
from interviewer.terms.siblings import attached_text


@dataclass(frozen=True)
class Note:
    id: str
    title: str
    answer: str


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("卷积网络使用稀疏连接（sparse connectivity）降低参数量。", ("稀疏连接", "sparse connectivity")),
        ("有效（valid）卷积不做填充。", ("有效", "valid")),
        ("使用 3×3 的卷积核（filter）进行卷积。", ("卷积核", "filter")),
        ("Batch Normalization（批标准化）可以加速训练。", ("批标准化", "Batch Normalization")),
        ("这属于集成学习(Ensemble Learning)的思想。", ("集成学习", "Ensemble Learning")),
    ],
)
def test_bilingual_pairs_in_brackets(text: str, pair: tuple[str, str]) -> None:
    assert pair in term_pairs(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # Emphasis inside the pair, an adjective's 的, a one-word name of a three-character term.
        ("我们就说该函数是**等变的**（equivariant）。", ("等变", "equivariant")),
        ("卷积层的**参数共享**（Parameter Sharing）特性", ("参数共享", "Parameter Sharing")),
        ("这个操作叫做上采样(Upsample)。", ("上采样", "Upsample")),
        ("加速训练的 `Batch Normalization`（批标准化）", ("批标准化", "Batch Normalization")),
    ],
)
def test_pairs_behind_emphasis_and_function_words(text: str, pair: tuple[str, str]) -> None:
    assert pair in term_pairs(text)


def test_pairs_and_abbreviations_are_found_after_long_english_text() -> None:
    # Found from each bracket looking back, not by a pattern tried at every English word.
    filler = "words of plain English text that never open a bracket " * 400
    text = f"{filler}and the k-nearest neighbors (KNN) with Batch Normalization（批标准化）."
    assert ("KNN", "k-nearest neighbors") in abbreviations(text)
    assert ("批标准化", "Batch Normalization") in term_pairs(text)


def test_no_pair_without_a_bracketed_other_language() -> None:
    assert term_pairs("卷积（见下文）和池化（pooling 123）") == []
    assert term_pairs("Precision (see below) matters.") == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("We use k-nearest neighbors (KNN) for this.", ("KNN", "k-nearest neighbors")),
        ("the area under the curve (AUC) of a model", ("AUC", "area under the curve")),
        ("ROC (Receiver Operating Characteristic) curves", ("ROC", "Receiver Operating Characteristic")),
        ("Both mean square error (MSE) and others", ("MSE", "mean square error")),
        # Found on the foreign27 walkthrough: one hyphenated word opening a line or heading,
        # and a small word kept in lower case, were not read.
        ("### Copy-on-Write (CoW) Mechanism:", ("CoW", "Copy-on-Write")),
        ("Key-Value (KV) stores", ("KV", "Key-Value")),
        ("it needs Quality of Service (QoS) rules", ("QoS", "Quality of Service")),
    ],
)
def test_abbreviations_whose_initials_spell_them(text: str, pair: tuple[str, str]) -> None:
    assert pair in abbreviations(text)


@pytest.mark.parametrize(
    ("text", "pairs", "abbreviation"),
    [
        ("卷积神经网络（Convolutional Neural Network，CNN）是一种网络。",
         [("卷积神经网络", "Convolutional Neural Network"), ("卷积神经网络", "CNN")],
         ("CNN", "Convolutional Neural Network")),
        ("长短期记忆网络(Long Short-Term Memory, LSTM)可以记住长依赖。",
         [("长短期记忆网络", "Long Short-Term Memory"), ("长短期记忆网络", "LSTM")],
         ("LSTM", "Long Short-Term Memory")),
        ("支持向量机（SVM；Support Vector Machine）是分类器。",
         [("支持向量机", "SVM"), ("支持向量机", "Support Vector Machine")],
         ("SVM", "Support Vector Machine")),
        # A name beside an alias in Chinese: the English name still pairs.
        ("两类：共享锁（Share Lock，S 锁）和排他锁（Exclusive Lock，X 锁）。",
         [("共享锁", "Share Lock"), ("排他锁", "Exclusive Lock")], None),
    ],
)
def test_a_bracket_of_several_names_pairs_each(
    text: str, pairs: list[tuple[str, str]], abbreviation: tuple[str, str] | None
) -> None:
    found = term_pairs(text)
    assert all(pair in found for pair in pairs)
    if abbreviation:
        assert abbreviation in abbreviations(text)


@pytest.mark.parametrize(
    "text",
    ["注入噪声比收缩参数（L1、L2正则）强大。", "整型（byte、short、int、long）有四种。",
     "如上图（c，右边那张）所示。", "回表会带来随机读（I/O，开销很大的那种）。"],
)
def test_a_bracket_listing_other_things_is_no_pair(text: str) -> None:
    assert term_pairs(text) == []


@pytest.mark.parametrize(
    "text",
    ["每个值小于 64byte（可以通过参数调整）时用紧凑编码。", "它记下上一个 node（可以看作一个槽位）的长度。",
     "写入 buffer（也就是内存里的一段）后返回。", "先开 shard（例如按用户分）再扩容。"],
)
def test_a_bracketed_chinese_remark_after_an_english_word_is_no_pair(text: str) -> None:
    # "（可以…）", "（也就是…）", "（例如…）" explain or illustrate the word; they do not name it.
    assert term_pairs(text) == []


def test_a_bracketed_chinese_name_after_an_english_word_is_still_a_pair() -> None:
    assert term_pairs("它定时做 snapshot（快照）备份。") == [("快照", "snapshot")]


def test_a_bracket_of_examples_names_no_single_term() -> None:
    # ReLU, Sigmoid and Tanh are examples of 激活函数, not its names: the pairs name three
    # different things, so mining makes 激活函数 a synonym of none of them.
    notes = [Note("dl-1", "常见的激活函数？", "常用激活函数（ReLU、Sigmoid、Tanh）各有优劣。")]
    assert not any("激活函数" in group for group in mine_terms(notes).groups())


def test_a_bracketed_word_that_is_not_an_abbreviation_is_no_pair() -> None:
    assert abbreviations("We tune the rate (LR) often.") == []
    assert abbreviations("Docker (DK) runs it.") == []
    assert abbreviations("Quality of Service (QOS) in capitals keeps to the long words.") == []


@pytest.mark.parametrize(
    ("title", "answer", "siblings"),
    [
        ("What is the difference between bagging and boosting?", "", ("bagging", "boosting")),
        ("L1 和 L2 正则化的区别？", "", ("L1", "L2 正则化")),
        ("Precision vs recall", "", ("Precision", "recall")),
        ("What is boosting, and how does it differ from bagging?", "", ("boosting", "bagging")),
        ("How does a process differ from a thread?", "", ("process", "thread")),
        ("How is a struct different from a class in C++?", "", ("struct", "class")),
        ("What is the difference between fork, branch and clone?", "",
         ("fork", "branch", "clone")),
        ("Explain the difference between a list, a tuple, and a set", "",
         ("list", "tuple", "set")),
        ("进程、线程和协程的区别？", "", ("进程", "线程", "协程")),
        ("HashMap、Hashtable、TreeMap 的区别", "", ("HashMap", "Hashtable", "TreeMap")),
        ("访问修饰符 public、private、protected 的区别", "", ("public", "private", "protected")),
        ("Why is TCP different from UDP?", "", ("TCP", "UDP")),
        # The question goes on to ask something else: the term ends before "and when".
        ("How does a queue differ from a stack and when should you use it?", "",
         ("queue", "stack")),
        ("Splits", "Use a train/validation/test split.", ("train", "validation", "test")),
        ("Metrics", "- **Precision**: TP/(TP+FP)\n- **Recall**: TP/(TP+FN)\n",
         ("Precision", "Recall")),
        ("池化层的种类有哪些？", "- 均值池化\n  - 思路：取平均\n- 最大值池化\n  - 思路：取最大值\n",
         ("均值池化", "最大值池化")),
        ("Padding", "| | size |\n|---|---|\n| valid padding | m-k+1 |\n| same padding | m |\n",
         ("valid padding", "same padding")),
        ("Padding", "### valid padding\nno zeros\n### same padding\nzeros around\n",
         ("valid padding", "same padding")),
    ],
)
def test_siblings_side_by_side(title: str, answer: str, siblings: tuple[str, ...]) -> None:
    assert siblings in sibling_sets(title, answer)


def test_headings_that_name_a_part_of_the_answer_are_not_siblings() -> None:
    # Found on the walk10a walkthrough: "You swapped cgroups Resource Management and Answer".
    answer = ("### Answer:\nDocker uses namespaces and cgroups.\n\n### Namespace Isolation:\n"
              "Each container sees its own PIDs.\n\n### cgroups Resource Management:\n"
              "Limits CPU and memory.\n\n### 参考资料\n- https://example.org\n")
    assert sibling_sets("How does Docker isolate containers?", answer) == [
        ("Namespace Isolation", "cgroups Resource Management")]
    # A phase that shares its name with an answer part ("解析") stays one.
    steps = "### 加载\n读入字节码\n### 验证\n校验格式\n### 解析\n符号引用变直接引用\n"
    assert ("加载", "验证", "解析") in sibling_sets("类加载过程", steps)


def test_tables_of_contents_and_links_are_not_siblings() -> None:
    answer = "See [here](https://example.com/a/b/c) and www.example.com/x/y for more."
    assert sibling_sets("Intro", answer) == []


def test_text_under_each_label_belongs_to_it() -> None:
    answer = ("- 均值池化\n  - 优点：抑制方差增大\n- 最大值池化\n  - 优点：抑制均值偏移\n\n"
              "### Chaining\nEach bucket holds a list.\n### Open addressing\nProbe other slots.\n")
    attached = attached_text(answer)
    assert "抑制方差增大" in attached["均值池化"]
    assert "抑制均值偏移" in attached["最大值池化"]
    assert "bucket" in attached["chaining"]
    assert "Probe" in attached["open addressing"]


@pytest.mark.parametrize(
    ("item", "label", "text"),
    [
        # The colon inside the bold, and " - " inside the label's bracket.
        ("- **Statistical Power (1 - β):** Typically 80%.", "statistical power (1 - β)",
         "Typically 80%."),
        ("- Recall (1 - FNR): the share of positives found.", "recall (1 - fnr)",
         "the share of positives found."),
        ("- **检验功效（1 - β）：** 通常取 80%。", "检验功效（1 - β）", "通常取 80%。"),
        ("- **Bagging** - trains in parallel.", "bagging", "trains in parallel."),
        ("- **新生代收集**（Minor GC）：只收集新生代。", "新生代收集", "只收集新生代。"),
    ],
)
def test_a_label_is_read_whole(item: str, label: str, text: str) -> None:
    assert attached_text(item) == {label: text}


def test_mined_terms_join_pairs_into_groups_and_are_cached() -> None:
    notes = [
        Note("a-1", "什么是 KNN？", "k近邻（k-nearest neighbors）算法，即 k-nearest neighbors (KNN)。"),
        Note("a-2", "L1 和 L2 的区别？", "- **L1**：绝对值之和\n- **L2**：平方和\n"),
    ]
    mined = mine_terms(notes)
    assert mine_terms(list(notes)) is mined
    group = next(g for g in mined.groups() if "KNN" in g)
    assert {"k近邻", "k-nearest neighbors", "KNN"} <= set(group)
    assert ("L1", "L2") in mined.siblings_of("a-2")
    assert mined.attached_to("a-2")["l1"] == "绝对值之和"
    assert mined.siblings_of("a-1") == ()


def test_a_spelling_paired_with_two_different_terms_joins_neither() -> None:
    # jieba cuts 调度程序 and 分派程序 down to 程序: it names two things, so it is no synonym
    # of either (a query saying 程序 must not search for Scheduler and Dispatcher).
    notes = [Note("os-1", "谁来调度进程？",
                  "调度程序（Scheduler）做决策，分派程序（Dispatcher）做上下文切换（context switch）。"
                  "上下文切换（Context Switching）保存寄存器。卷积神经网络（CNN）即卷积神经网络"
                  "（convolutional neural network），简称 convolutional neural network (CNN)。")]
    groups = mine_terms(notes).groups()
    assert not any("程序" in group for group in groups)
    assert any({"上下文切换", "context switch", "Context Switching"} <= set(g) for g in groups)
    assert any({"卷积神经网络", "CNN", "convolutional neural network"} <= set(g) for g in groups)


def test_paragraphs_opening_with_a_bold_label_are_siblings() -> None:
    answer = ("示例代码略。\n\n**浅拷贝: 创建新对象，其内容是原对象的引用。**\n\n"
              "**深拷贝：** 递归拷贝所有嵌套元素，得到全新的对象。\n")
    assert ("浅拷贝", "深拷贝") in sibling_sets("Python 里的拷贝", answer)
    attached = attached_text(answer)
    assert attached["浅拷贝"] == "创建新对象，其内容是原对象的引用。"
    assert attached["深拷贝"] == "递归拷贝所有嵌套元素，得到全新的对象。"


def test_labels_naming_parts_of_an_answer_are_not_siblings() -> None:
    answer = ("**How it works:** keys are hashed.\n\n**Pros:** fast lookups.\n\n"
              "**Cons:** no order.\n\n**Example:** a dict.\n\n**Explanation:** see above.\n")
    assert sibling_sets("Hash tables", answer) == []
