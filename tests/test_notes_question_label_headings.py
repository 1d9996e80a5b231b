"""Files that hold one question under a bare label heading ("## 问题", "## Question") with its
answer under the headings after it ("## 问题解答", "## Answer", "## 拓展")."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_a_question_label_heading_holds_the_question_and_its_siblings_the_answer(
    tmp_path: Path,
) -> None:
    # One question per file: "## Question" over the question's text, then headings that
    # tell its story and answer it — not questions named "Background" or "Answer".
    path = tmp_path / "why_relu.md"
    path.write_text(
        "## Question\n\nWhy is ReLU still used when it is not differentiable at zero?\n\n"
        "## Background\n\nI was asked this after a question about squared loss.\n\n"
        "## Answer\n\nThe input is almost never exactly zero; frameworks use a subgradient.\n\n"
        "### In code\n\nPyTorch sets the gradient at zero to 0.\n\n"
        "## Going further\n\nLeaky ReLU keeps a small slope for negative inputs.\n\n"
        "## References\n\n- [a post](https://example.com/relu)\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Why is ReLU still used when it is not differentiable at zero?"
    ]
    answer = questions[0].answer
    assert "subgradient" in answer and "gradient at zero to 0" in answer and "Leaky" in answer
    assert "example.com" not in answer


def test_a_chinese_question_label_keeps_the_numbered_points_of_its_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "norm.md"
    path.write_text(
        "## 问题\n\n输入网络前为什么要对图像做归一化？\n\n## 问题背景\n\n面试官先问了特征归一化。\n\n"
        "## 问题解答\n\n1. 输入很大则梯度很大，学习率难选。\n2. 数据中心化后能增加模型的泛化能力。\n\n"
        "## 问题深入\n\n1. **归一化到 0 - 1**：除以 255。\n2. **归一化到 [-1, 1]**：减均值除以标准差。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["输入网络前为什么要对图像做归一化？"]
    assert "学习率难选" in questions[0].answer and "减均值除以标准差" in questions[0].answer


def test_a_question_label_ends_where_a_marked_question_starts(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_text(
        "## 问题\n\n什么是 dropout？\n\n## 解答\n\n训练时随机丢弃神经元。\n\n"
        "## 2. 什么是 BN？\n\n对每个 batch 做标准化。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["什么是 dropout？", "什么是 BN？"]
    assert "标准化" not in questions[0].answer


def test_a_question_label_over_an_introduction_leaves_its_siblings_questions(
    tmp_path: Path,
) -> None:
    # No heading after the label answers it: the text under "## 问题" introduces the file,
    # and the headings after it are the questions, as they would be without the label.
    path = tmp_path / "bn.md"
    path.write_text(
        "## 问题\n\nBN 在笔试中很常考，这篇文章把细节整理清楚。\n\n"
        "## BN 的核心公式\n\n先减均值除以标准差，再做缩放和平移。\n\n"
        "## 训练与推理时 BN 的均值和方差\n\n训练用当前 batch，推理用滑动平均。\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == [
        "BN 的核心公式", "训练与推理时 BN 的均值和方差",
    ]


def test_a_question_label_with_one_heading_after_it_is_answered_by_that_heading(
    tmp_path: Path,
) -> None:
    path = tmp_path / "f1.md"
    path.write_text(
        "## 问题\n\n为什么使用 F1 score 而不是算术平均？\n\n"
        "## F1 score\n\nF1 是精确率和召回率的调和平均，任一方很低时 F1 也低。\n\n"
        "## 参考资料\n\n- [链接](https://example.com/f1)\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["为什么使用 F1 score 而不是算术平均？"]
    assert "调和平均" in questions[0].answer


def test_an_interview_question_label_answered_by_its_analysis(tmp_path: Path) -> None:
    # "## 面试题" over the question, "## 面试官心理分析" (why it is asked), "## 面试题剖析" (the
    # answer, in parts): one question, not three named after the labels.
    path = tmp_path / "redis-persistence.md"
    path.write_text(
        "# Redis 持久化机制\n\n## 面试题\n\nRedis 的持久化有哪几种方式？各有什么优缺点？\n\n"
        "## 面试官心理分析\n\n宕机重启后内存里的数据会丢，面试官想知道你怎么恢复。\n\n"
        "## 面试题剖析\n\n持久化主要是做灾难恢复。\n\n### RDB\n\n周期性地生成数据快照。\n\n"
        "### AOF\n\n把每条写命令追加到日志文件。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Redis 的持久化有哪几种方式？各有什么优缺点？"]
    answer = questions[0].answer
    assert "灾难恢复" in answer and "数据快照" in answer and "追加到日志" in answer


def test_a_long_paragraph_under_the_label_gives_its_asking_sentence_as_the_title(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cnn.md"
    path.write_text(
        "## 问题\n\n一提到计算机视觉，大家第一反应就是 CNN，但是有没有想过，为什么图像识别领域的网络"
        "结构都是用 CNN 呢？这个问题我们都习惯到理所当然了，所以面试官要是突然问起来，很多同学都会"
        "愣一会儿，答不上来。\n\n## 分析\n\n卷积层局部连接、权值共享，参数比全连接层少得多。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "一提到计算机视觉，大家第一反应就是 CNN，但是有没有想过，为什么图像识别领域的网络结构都是用"
        " CNN 呢？"
    ]
    assert "理所当然" in questions[0].prompt and "权值共享" in questions[0].answer


def test_a_plural_question_label_over_one_question(tmp_path: Path) -> None:
    # A card per folder: the setup under the title, "## Questions" over the one question,
    # "## Solution" over its answer — or no solution yet.
    (tmp_path / "q1.md").write_text(
        "# Active users\n\nA table of messages: sender, receiver, timestamp.\n\n## Questions\n\n"
        "What fraction of active users talk to at least 15 people a day?\n\n## Solution\n\n"
        "Count distinct receivers per sender, keep those with 15 or more, divide.\n",
        encoding="utf-8")
    (tmp_path / "q2.md").write_text(
        "# Response time\n\nThe same table.\n\n## Questions\n\n"
        "How would you find the share of messages answered within 5 minutes?\n",
        encoding="utf-8")
    questions = {q.source: q for q in load_bank([tmp_path]).questions}
    assert questions["q1.md"].title == (
        "What fraction of active users talk to at least 15 people a day?")
    assert questions["q1.md"].answer.startswith("Count distinct receivers")
    assert questions["q2.md"].title == (
        "How would you find the share of messages answered within 5 minutes?")
    assert questions["q2.md"].answer == ""


def test_a_question_label_decorated_with_an_emoji_still_labels(tmp_path: Path) -> None:
    # A folder of cards, each "### 💡 Question" over the question's text and "### ✅ Answer"
    # over its answer: the emoji decorates the label, the card is that one question.
    card = tmp_path / "companion object" / "ReadMe.md"
    card.parent.mkdir()
    card.write_text(
        "### 💡 Question\nWhat is a companion object in Kotlin?\n\n### ✅ Answer\n"
        "A **companion object** is a singleton declared inside a class; its members act "
        "like Java statics.\n",
        encoding="utf-8",
    )
    (question,) = load_bank([tmp_path]).questions
    assert question.title == "What is a companion object in Kotlin?"
    assert question.answer.startswith("A **companion object**")
