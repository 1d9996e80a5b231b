"""The rules a person reads headings by, each on a few lines of notes written here: sections
and their introductions, numbered and top-level headings, sub-headings that ask or answer,
headings written without a space, links stuck to a heading."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_plain_headings_among_sections_of_questions_are_introductions(tmp_path: Path) -> None:
    path = tmp_path / "rnn.md"
    path.write_text(
        "# RNN 笔记\n\n## 一、动机篇\n\n- 序列有先后顺序\n- 长度不定\n\n## 二、结构篇\n\n"
        "### 2.1 RNN 为什么会梯度消失？\n\n连乘的雅可比矩阵让梯度指数衰减。\n\n## 三、变体篇\n\n"
        "### 3.1 LSTM 的门有哪些？\n\n输入门、遗忘门、输出门。\n\n## 四、展望\n\nComing soon...\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == [
        "2.1 RNN 为什么会梯度消失？", "3.1 LSTM 的门有哪些？",
    ]


def test_an_introduced_section_still_names_its_questions(tmp_path: Path) -> None:
    path = tmp_path / "os.md"
    path.write_text(
        "# 操作系统\n\n## 操作系统基础\n\n### 什么是操作系统？\n\n管理硬件与软件资源的程序。\n\n"
        "## 进程和线程\n\n进程和线程是绕不开的一组概念，下面是高频问法的精简答案。\n\n"
        "### 进程和线程的区别是什么？\n\n进程是资源分配的单位，线程是调度的单位。\n\n"
        "#### 对比\n\n线程共享进程的堆。\n\n"
        "## 死锁\n\n### 什么是死锁？\n\n多个进程互相等待对方释放资源。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.sections) for q in questions] == [
        ("什么是操作系统？", ("操作系统基础",)),
        ("进程和线程的区别是什么？", ("进程和线程",)),
        ("什么是死锁？", ("死锁",)),
    ]
    assert "线程共享进程的堆" in questions[1].answer


def test_sub_headings_that_ask_after_a_sibling_question_are_questions(tmp_path: Path) -> None:
    path = tmp_path / "kafka.md"
    path.write_text(
        "## Kafka 为什么快？\n\n顺序写和零拷贝。\n\n### 谈谈分区？\n\n分区是并行的单位。\n\n"
        "### 如何保证消息不丢\n\n生产者 acks=all，副本数至少 3。\n\n### 示例\n\n```\nacks=all\n```\n\n"
        "## 高可用有两种做法：\n\n### 主备\n\n备机平时不服务。\n\n### 多副本\n\n每个分区有多个副本。\n\n"
        "### ISR 是什么？\n\n与 leader 保持同步的副本集合。\n\n### 如何选举新的 leader\n\n"
        "### 常见问题和解决方案：\n\n磁盘满了就扩容。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Kafka 为什么快？", "谈谈分区？", "如何保证消息不丢", "高可用有两种做法：", "ISR 是什么？",
        "如何选举新的 leader", "常见问题和解决方案：",
    ]
    assert questions[2].answer == "生产者 acks=all，副本数至少 3。"
    assert "备机平时不服务。" in questions[3].answer and "每个分区有多个副本。" in questions[3].answer
    assert not questions[5].has_reference


def test_several_top_headings_are_the_sections_of_their_questions(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_text(
        "# Python 语言特性\n\n## 闭包是什么？\n\n内嵌函数引用外部变量。\n\n# 网络\n\n"
        "## 三次握手的过程？\n\nSYN、SYN/ACK、ACK。\n\n# 参考\n\n## 书\n\n- 一本书\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.sections) for q in questions] == [
        ("闭包是什么？", ("Python 语言特性",)),
        ("三次握手的过程？", ("网络",)),
    ]
    assert questions[0].chapter == "mixed"


def test_headings_numbered_with_a_bare_number_and_a_space(tmp_path: Path) -> None:
    path = tmp_path / "py.md"
    path.write_text(
        "# 操作系统\n\n## 1 select和epoll\n\nepoll 没有连接数限制。\n\n## 2 调度算法\n\n先来先服务。\n\n"
        "## 3 死锁\n\n互斥、请求和保持。\n\n# 网络\n\n## 1 三次握手\n\nSYN、ACK。\n\n"
        "## 2 Cookie和Session\n\nCookie 在客户端。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.number, q.title, q.sections) for q in questions] == [
        (1, "select和epoll", ("操作系统",)),
        (2, "调度算法", ("操作系统",)),
        (3, "死锁", ("操作系统",)),
        (1, "三次握手", ("网络",)),
        (2, "Cookie和Session", ("网络",)),
    ]
    lone = tmp_path / "scale.md"
    lone.write_text("## 3 ways to scale a database\n\nShard, replicate, cache.\n", encoding="utf-8")
    assert [q.title for q in load_bank([lone]).questions] == ["3 ways to scale a database"]


def test_numbered_sub_headings_of_a_few_numbered_questions_are_their_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "py.md"
    path.write_text(
        "## 1. 参数传递\n\n可变与不可变对象。\n\n## 2. 单例模式\n\n常考，要会手写。\n\n"
        "### 1. 使用 new 方法\n\n重写 new。\n\n### 2. 共享属性\n\n共享同一个 dict。\n\n"
        "## 3. 拷贝\n\n浅拷贝与深拷贝。\n\n## 4. 创建字典的方法\n\n### 1. 直接创建\n\n字面量。\n\n"
        "### 2. 工厂方法\n\n调用 dict()。\n\n## 5. 作用域\n\nLEGB。\n\n## 6. 闭包\n\n内嵌函数。\n\n"
        "## 7. 什么是 GIL？\n\n全局解释器锁。\n\n### 8. 什么是协程？\n\n用户态切换。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "参数传递", "单例模式", "拷贝", "创建字典的方法", "作用域", "闭包", "什么是 GIL？", "什么是协程？",
    ]
    assert "### 2. 共享属性" in questions[1].answer
    assert "调用 dict()" in questions[3].answer


def test_top_headings_are_questions_when_each_holds_its_own_answer(tmp_path: Path) -> None:
    path = tmp_path / "cache.md"
    path.write_text(
        "# 什么是缓存穿透？\n\n    查询不存在的数据，每次都打到数据库。\n\n"
        "# 过期键的删除策略\n\n    1. 定期删除\n    2. 惰性删除\n\n"
        "# 参考\n\n- [一篇文章](https://example.com/a)\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("什么是缓存穿透？", "查询不存在的数据，每次都打到数据库。"),
        ("过期键的删除策略", "1. 定期删除  \n2. 惰性删除"),
    ]
    # Top headings that hold headings of their own stay the sections of those.
    parts = tmp_path / "parts.md"
    parts.write_text(
        "# 缓存\n\n## 什么是缓存雪崩？\n\n大量键同时过期。\n\n# 存储\n\n## 什么是 AOF？\n\n追加日志。\n",
        encoding="utf-8",
    )
    assert [(q.title, q.sections) for q in load_bank([parts]).questions] == [
        ("什么是缓存雪崩？", ("缓存",)),
        ("什么是 AOF？", ("存储",)),
    ]


def test_a_link_back_up_the_page_is_not_part_of_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "nav.md"
    path.write_text(
        '<a name="toc"></a>\n\n'
        '## <a name="q1">What is a pod?</a><a style="float:right" href="#toc">[Top]</a>\n\n'
        "The smallest deployable unit.\n\n"
        "## Rolling updates [⬆ back to top](#toc)\n\nPods are replaced a few at a time.\n\n"
        "## What does [kubectl](#tools) do?\n\nTalks to the API server.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.tags) for q in questions] == [
        ("What is a pod?", ()),
        ("Rolling updates", ()),
        ("What does kubectl do?", ()),
    ]


def test_headings_written_without_a_space_after_the_hashes(tmp_path: Path) -> None:
    # Many hand-kept notes write `###1. 标题` (no space): a reader sees headings, so do we —
    # and their indented answers are the answers.
    path = tmp_path / "vue.md"
    path.write_text(
        "#基础\n###1. 什么是响应式\n    数据变化时视图自动更新；\n    依赖收集加派发更新。\n"
        "###2. v-if 和 v-show 的区别\n    v-if 不渲染节点，v-show 只切换 display。\n"
        "##进阶\n###3. nextTick 的作用\n    在下次 DOM 更新后执行回调。\n\n"
        "```c\n#include <stdio.h>\n```\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "什么是响应式", "v-if 和 v-show 的区别", "nextTick 的作用",
    ]
    assert questions[0].answer.startswith("数据变化时视图自动更新")
    assert "进阶" in questions[2].topics
    assert "#include <stdio.h>" in questions[2].answer


def test_a_lone_hash_word_is_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "c.md"
    path.write_text(
        "## 1. 头文件的作用？\n\n声明接口。\n\n#include <stdio.h>\n#define N 10\n\n"
        "## 2. 宏和函数的区别？\n\n宏在预处理时展开。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["头文件的作用？", "宏和函数的区别？"]
    assert "#include <stdio.h>" in questions[0].answer


def test_a_bare_number_among_numbered_headings_is_their_numbering(tmp_path: Path) -> None:
    # "## 3 Key 的作用" between "## 2." and "## 4.": numbered like its neighbours.
    path = tmp_path / "react.md"
    path.write_text(
        "## 1. 什么是 JSX\n\nJS 的语法扩展。\n\n## 2. 什么是 props\n\n只读的输入。\n\n"
        "## 3 Key 的作用\n\n标识列表中的元素。\n\n## 4. 什么是 state\n\n组件自己的可变数据。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("什么是 JSX", "JS 的语法扩展。"),
        ("什么是 props", "只读的输入。"),
        ("Key 的作用", "标识列表中的元素。"),
        ("什么是 state", "组件自己的可变数据。"),
    ]


def test_a_section_with_an_introduction_over_level_sections_of_questions(tmp_path: Path) -> None:
    # "## Supervised Learning" + one introductory sentence over "### Basic" / "### Advanced"
    # holding numbered questions: a section, not one question swallowing all the others.
    path = tmp_path / "ml.md"
    path.write_text(
        "# ML Questions\n\n## Supervised Learning\nLearning from labelled examples.\n\n"
        "### Basic\n1. **What is regression?**  \n   Predicting a continuous value.\n\n"
        "2. **What is classification?**  \n   Predicting a discrete label.\n\n"
        "### Advanced\n3. **Why does bagging reduce variance?**  \n   Averaging many models.\n\n"
        "4. **Why does boosting reduce bias?**  \n   Each model fixes the last one's errors.\n\n"
        "## Unsupervised Learning\nFinding structure without labels.\n\n"
        "### Basic\n5. **What is clustering?**  \n   Grouping similar points.\n\n"
        "6. **What is PCA?**  \n   Projecting onto the directions of largest variance.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer, q.difficulty) for q in questions] == [
        ("What is regression?", "Predicting a continuous value.", "easy"),
        ("What is classification?", "Predicting a discrete label.", "easy"),
        ("Why does bagging reduce variance?", "Averaging many models.", "hard"),
        ("Why does boosting reduce bias?", "Each model fixes the last one's errors.", "hard"),
        ("What is clustering?", "Grouping similar points.", "easy"),
        ("What is PCA?", "Projecting onto the directions of largest variance.", "easy"),
    ]
    assert "Supervised Learning" in questions[0].topics
    assert "Unsupervised Learning" in questions[4].topics


def test_a_plain_heading_keeps_sub_headings_that_hold_no_questions(tmp_path: Path) -> None:
    path = tmp_path / "redis.md"
    path.write_text(
        "## Redis 持久化\n\nRedis 有两种持久化方式。\n\n### RDB\n\n定时快照。\n\n"
        "### AOF\n\n记录每条写命令。\n\n## 1. 什么是缓存雪崩？\n\n大量键同时过期。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Redis 持久化", "什么是缓存雪崩？"]
    assert "记录每条写命令" in questions[0].answer


def test_a_section_title_ending_in_a_colon_names_its_topic_without_it(tmp_path: Path) -> None:
    path = tmp_path / "react.md"
    path.write_text(
        "## 顶层 API：\n\n### 1. 什么是 Fragment？\n\n不额外创建 DOM 节点地返回多个元素。\n",
        encoding="utf-8",
    )
    question = load_bank([path]).questions[0]
    assert "顶层 API" in question.topics
    assert "顶层 API：" not in question.topics


def test_an_empty_heading_is_no_question_and_splits_nothing(tmp_path: Path) -> None:
    # "#### " left behind by an editor (walkthrough of Chinese JVM notes, session 8): it
    # asked an untitled question with no answer, whose id hashed the empty title.
    path = tmp_path / "gc.md"
    path.write_text(
        "# GC\n\n## 垃圾回收\n\n### G1 收集器\n\n#### G1 的特点\n\n按 Region 回收。\n\n"
        "#### G1 的三个环节\n\n年轻代 GC、并发标记、混合回收。\n\n#### \n\n"
        "### Java 有哪四种引用？\n\n强、软、弱、虚。\n\n##\n\n补充：虚引用只用于跟踪回收。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["G1 的特点", "G1 的三个环节", "Java 有哪四种引用？"]
    assert all(q.title.strip() for q in questions)
    # Text under an empty heading goes on with what was above it.
    assert questions[-1].answer.endswith("补充：虚引用只用于跟踪回收。")


def test_an_answer_word_among_part_headings_stays_a_part(tmp_path: Path) -> None:
    # "#### 解析" between "#### 准备" and "#### 初始化" is the resolution phase, a part of the
    # answer like its siblings, not an "explanation" label (walk8a walkthrough, JVM notes).
    path = tmp_path / "jvm.md"
    path.write_text(
        "# JVM\n\n### 说一下类加载的过程？\n\n#### 加载\n\n读入字节流。\n\n#### 准备\n\n"
        "为类变量分配内存。\n\n#### 解析\n\n符号引用换成直接引用。\n\n#### 初始化\n\n执行 clinit。\n\n"
        "### 什么是索引？\n\n#### 解析\n\n帮助快速查找的数据结构。\n",
        encoding="utf-8",
    )
    phases, index = load_bank([path]).questions
    assert "#### 解析\n\n符号引用换成直接引用。" in phases.answer
    assert phases.answer.count("#### ") == 4
    # Alone under its question, the word is still the answer's label.
    assert index.answer == "解析\n\n帮助快速查找的数据结构。"


def test_one_unspaced_heading_among_spaced_ones_of_its_level(tmp_path: Path) -> None:
    # `###2、 …` written once between `### 1、` and `### 3、`: a reader sees the second of
    # three headings, not a line of the first answer. A single `#注释` line stays text.
    path = tmp_path / "chains.md"
    path.write_text(
        "## 框架面\n\n### 1、什么是链？\n一串组件依次调用。\n\n###2、 链包含哪些核心概念？\n"
        "组件、提示模板、输出解析器。\n\n#官方示例\n\n### 3、什么是代理？\n按输入决定调用哪个工具。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("什么是链？", "一串组件依次调用。"),
        ("链包含哪些核心概念？", "组件、提示模板、输出解析器。\n\n#官方示例"),
        ("什么是代理？", "按输入决定调用哪个工具。"),
    ]


def test_numbered_steps_under_a_question_heading_are_its_answer(tmp_path: Path) -> None:
    # "### What are the stages?" over "#### 1. Design", "#### 2. Collection": the stages
    # are the answer's parts, not questions of their own (whatever the level's numbering).
    path = tmp_path / "ab.md"
    path.write_text(
        "## Chapter 1\n\n### What is an A/B test?\n\nA randomized experiment.\n\n"
        "### What are the stages of an A/B test?\n\nThere are three stages:\n\n"
        "#### 1. Design\n\nPick the metric and the sample size.\n\n"
        "#### 2. Collection\n\nLog both groups.\n\n#### 3. Analysis\n\nRun the test.\n\n"
        "### Why randomize?\n\nTo remove bias.\n\n"
        "## 第二章\n\n### 常见的排序算法有哪些？\n\n#### 1. 冒泡排序\n\n两两交换。\n\n"
        "#### 2. 快速排序\n\n分治。\n\n### 什么是稳定排序？\n\n相等元素顺序不变。\n\n"
        "### 进程间通信\n\n#### 1. 管道有什么缺点？\n\n单向。\n\n#### 2. 共享内存为什么快？\n\n不用拷贝。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "What is an A/B test?", "What are the stages of an A/B test?", "Why randomize?",
        "常见的排序算法有哪些？", "什么是稳定排序？", "管道有什么缺点？", "共享内存为什么快？",
    ]
    assert "#### 3. Analysis" in questions[1].answer
    assert "分治" in questions[3].answer


def test_a_comment_between_two_code_blocks_is_no_top_heading(tmp_path: Path) -> None:
    # "# 3) 入库检索" between two fences is a code comment that fell out of the fence (found
    # on the walk9a walkthrough); read as a top heading it became the topic of every later
    # question and cut its own answer short.
    path = tmp_path / "lc.md"
    path.write_text(
        "# LangChain 笔记\n\n## 1. LangChain 如何使用？\n\n先切分文本：\n\n```python\nsplit()\n```\n\n"
        "# 3) 入库检索，用向量库\n```python\nindex()\n```\n\n"
        "## 2. 什么是 Agent？\n\n能调用工具的链。\n\n# 附录\n\n## 3. 参考资料有哪些？\n\n官方文档。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "LangChain 如何使用？", "什么是 Agent？", "参考资料有哪些？"]
    assert "index()" in questions[0].answer and "入库检索" in questions[0].answer
    assert questions[1].sections == questions[0].sections


def test_an_empty_numbered_heading_among_numbered_sections_is_an_empty_section(
    tmp_path: Path,
) -> None:
    # "## 5.Tensorflow" left empty after "## 1.推荐系统" … "## 4. Flink", which each hold
    # their questions under sub-headings: a section still to be written, not a question.
    path = tmp_path / "notes.md"
    path.write_text(
        "# 面试\n\n## 1.Alpha\n\n### What is a?\n\nA is a letter.\n\n"
        "## 2. Beta\n\n### What is b?\n\nB is a letter.\n\n## 3.Gamma\n\n\n\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == ["What is a?", "What is b?"]


def test_an_empty_numbered_heading_that_asks_stays_an_unanswered_question(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# 面试\n\n## 1. What is a?\n\n### Short\n\nA letter.\n\n"
        "## 2. What is b?\n\n### Short\n\nAnother letter.\n\n## 3. What is c?\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["What is a?", "What is b?", "What is c?"]
    assert not questions[2].has_reference


def test_answered_list_items_under_a_heading_read_as_an_introduction_are_kept(
    tmp_path: Path,
) -> None:
    # "#### 4.1 核心概念" beside "#### 4.2 应用架构" (list questions) is no question of its own,
    # but "1. Flink的特性" with its answer indented below is one: its text must not be lost.
    path = tmp_path / "bigdata.md"
    path.write_text(
        "# 大数据\n\n## Spark\n\n### 核心概念\n\n1. Spark 的特点\n\n   基于内存。\n\n   通用。\n\n"
        "2. \n\n### 应用架构\n\n1. **怎么提交任务？**\n\n   用 yarn。\n\n"
        "2. **并行度怎么定？**\n\n   核数之和。\n\n## RNN\n\n### 动机\n\n- 序列有先后\n- 长度不定\n\n"
        "### 结构\n\n1. **为什么梯度消失？**\n\n   连乘。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer, q.sections) for q in questions] == [
        ("Spark 的特点", "基于内存。\n\n通用。", ("Spark", "核心概念")),
        ("怎么提交任务？", "用 yarn。", ("Spark", "应用架构")),
        ("并行度怎么定？", "核数之和。", ("Spark", "应用架构")),
        ("为什么梯度消失？", "连乘。", ("RNN", "结构")),
    ]
