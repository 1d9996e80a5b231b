"""The rules a person reads notes by, each on a few lines of notes written here: labelled
questions, answer points, tables of contents, numbered question paragraphs, indented answers,
tables, placeholders (the rules for headings are in test_notes_heading_rules.py)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_labelled_questions_inside_quotes_and_callouts(tmp_path: Path) -> None:
    path = tmp_path / "threads.md"
    path.write_text(
        "## 线程池\n\n> [!question]- Interview Questions\n>\n> **Q: Why bound the queue?**\n"
        "> A: It makes overload visible.\n>\n> **Q: Why isolate worker failures?**\n"
        "> A: One bad task must not kill the pool.\n\n"
        "> **问：** 核心线程数怎么定？\n>\n> **答：** 按任务是 CPU 还是 IO 密集来估。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("Why bound the queue?", "It makes overload visible."),
        ("Why isolate worker failures?", "One bad task must not kill the pool."),
        ("核心线程数怎么定？", "按任务是 CPU 还是 IO 密集来估。"),
    ]


def test_answer_points_that_name_a_question_word_stay_an_answer(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "## 过拟合\n\n- 什么时候会过拟合：数据少、模型大\n- 如何解决：正则化、早停\n\n"
        "## 1. 什么是 BN？\n\nBN 规范化每层输入。\n\n**追问：为什么有效？**\n\n减少内部协变量偏移。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["过拟合", "什么是 BN？"]
    assert "如何解决：正则化、早停" in questions[0].answer
    assert "**追问：为什么有效？**" in questions[1].answer


def test_a_list_of_prompts_counts_once_the_notes_keep_questions_in_lists(tmp_path: Path) -> None:
    path = tmp_path / "llm.md"
    path.write_text(
        "## Tokenization\n\n- What is a token?\n- Why does BPE help?\n\n"
        "## Coding\n\n- Implement a tokenizer\n- Write top-k sampling\n\n"
        "## Deployment\n\n- Build the image\n- Push it to the registry\n",
        encoding="utf-8",
    )
    titles = [q.title for q in load_bank([path]).questions]
    assert titles[:4] == ["What is a token?", "Why does BPE help?", "Implement a tokenizer",
                          "Write top-k sampling"]
    assert "Build the image" not in titles


def test_text_after_a_bold_labelled_question_is_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "cloud.md"
    path.write_text(
        "## Storage\n\n**Q1: What is object storage?**  \nFlat storage of blobs addressed by key.\n\n"
        "It scales without a file-system tree.\n\n**Q2: Scenario:**  \nA bucket was made public by "
        "mistake. What do you do first?  \nBlock public access, then audit the access logs.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("What is object storage?",
         "Flat storage of blobs addressed by key.\n\nIt scales without a file-system tree."),
        ("Scenario: A bucket was made public by mistake. What do you do first?",
         "Block public access, then audit the access logs."),
    ]


def test_numbered_paragraph_with_ticked_options_is_a_multiple_choice_question(
    tmp_path: Path,
) -> None:
    path = tmp_path / "quiz.md"
    path.write_text(
        "# Java 容器\n\n1、下面哪些是线程安全的容器？()\n- [x] ConcurrentHashMap\n- ArrayList\n"
        "- [x] Vector\n<br>\n解析：<br>\nVector 的方法都加了锁。\n\n---\n\n"
        "```java\nint x = 07 + 1;\n```\n2、上面代码中 x 的值是（）\n- 8\n- [x] 8，因为 07 是八进制 7\n"
        "- 编译出错\n\n解析：<br>\n以 0 开头的整数字面量是八进制。\n\n# 待办\n\n"
        "- [x] 已完成的事项\n- [x] 另一件已完成的事\n\n进度：\n- [x] 第一章\n- [ ] 第二章\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("下面哪些是线程安全的容器？()",
         "Correct: ConcurrentHashMap; Vector\n\nVector 的方法都加了锁。"),
        ("上面代码中 x 的值是（）", "Correct: 8，因为 07 是八进制 7\n\n以 0 开头的整数字面量是八进制。"),
    ]
    assert "int x = 07 + 1;" in questions[1].prompt
    assert "- [ ] 编译出错" in questions[1].prompt
    assert "解析" not in questions[0].prompt


def test_a_list_of_links_to_this_files_headings_is_a_table_of_contents(tmp_path: Path) -> None:
    url = "https://example.org/me/notes/blob/main/Stats%20Notes.md"
    path = tmp_path / "Stats Notes.md"
    path.write_text(
        "# Stats notes\n\n## Questions\n\n"
        f"* [Q1: What is a p-value?]({url}#q1-what-is-a-p-value)\n"
        f"* [Q2: What is power?]({url}#:~:text=Q2%3A%20What%20(power))\n"
        f"* [Q3: What is a prior?]({url}#q3-what-is-a-prior)\n* [Q4: Coming soon]()\n\n---\n\n"
        "## Answers\n\n### Q1: What is a p-value?\n\nThe chance of data this extreme under H0.\n\n"
        "### Q2: What is power?\n\nThe chance of detecting a real effect.\n\n"
        "### Q3: What is a prior?\n\nWhat you believe before the data.\n\n"
        "#### Read the whole book here 👉 [Stats book](https://example.org/book)\n\n<br>\n",
        encoding="utf-8",
    )
    parsed = load_bank([path])
    assert [q.title for q in parsed.questions] == [
        "What is a p-value?", "What is power?", "What is a prior?",
    ]
    assert parsed.questions[2].answer.startswith("What you believe before the data.")


def test_a_heading_over_bare_markup_is_no_question(tmp_path: Path) -> None:
    path = tmp_path / "hash.md"
    path.write_text(
        "# Hashing\n\n#### All answers are on our site 👉 [site](https://example.org)\n\n<br>\n\n"
        "## 1. What is a hash table?\n\nAn array of buckets indexed by a hash of the key.\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == ["What is a hash table?"]


def test_numbered_question_paragraphs_are_questions(tmp_path: Path) -> None:
    path = tmp_path / "mq.md"
    path.write_text(
        "##### 7.消息队列有什么用？\n\n削峰、解耦、异步。\n\n8.如何保证消息顺序？\n\n"
        "同一个键发到同一个分区。\n\n##### 9.什么是死信队列？\n\n消费失败多次的消息去的队列。\n\n"
        "常用命令：\n\n1、查看队列\n\n2、清空队列\n\n3、删除队列\n\n"
        "还有哪些消息中间件？\n\n10、RocketMQ 的事务消息怎么实现？\n\n11、Kafka 为什么快？\n\n"
        "12、消费者组是什么？\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("消息队列有什么用？", "削峰、解耦、异步。"),
        ("如何保证消息顺序？", "同一个键发到同一个分区。"),
        ("什么是死信队列？", "消费失败多次的消息去的队列。\n\n常用命令：\n\n1、查看队列\n\n2、清空队列\n\n"
         "3、删除队列"),
        ("还有哪些消息中间件？", ""),
        ("RocketMQ 的事务消息怎么实现？", ""),
        ("Kafka 为什么快？", ""),
        ("消费者组是什么？", ""),
    ]
    assert [q.layout for q in questions][:2] == ["headings", "numbered paragraphs"]


def test_numbered_points_of_an_answer_stay_in_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "vue.md"
    path.write_text(
        "### 3、虚拟 DOM 有什么好处？\n\n1、减少重排。\n\n2、跨平台。\n\n3、为什么快？因为批量更新。\n",
        encoding="utf-8",
    )
    [question] = load_bank([path]).questions
    assert question.answer == "1、减少重排。\n\n2、跨平台。\n\n3、为什么快？因为批量更新。"


def test_headings_about_linking_are_questions_not_link_lists(tmp_path: Path) -> None:
    path = tmp_path / "os.md"
    path.write_text(
        "## 程序编译与链接\n\n预处理、编译、汇编、链接四步。\n\n## 静态链接和动态链接\n\n"
        "静态链接在载入时确定地址，动态链接在调用时才计算。\n\n## 参考链接\n\n"
        "- [编译原理](http://example.com/a)\n\n## 学习资料\n\n- 一本书\n",
        encoding="utf-8",
    )
    bank = load_bank([path])
    assert [q.title for q in bank.questions] == ["程序编译与链接", "静态链接和动态链接"]


def test_a_reference_documents_heading_is_no_question(tmp_path: Path) -> None:
    # sweep11d (Chinese networking notes): "## 参考文档：" over the books and links read was a
    # question answered by "书籍：…".
    path = tmp_path / "net.md"
    path.write_text(
        "# 计算机网络\n\n## 参考文档：\n\n书籍：某本网络教材\n\n- [协议标准](http://example.com/rfc)\n\n"
        "## DNS\n\nDNS 基于 UDP，把域名解析成 IP 地址。\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == ["DNS"]


def test_numbered_list_questions_with_their_answers_between_them(tmp_path: Path) -> None:
    path = tmp_path / "python.md"
    path.write_text(
        "## Python\n\n1. What is the GIL?\n\nWhat: a lock that lets one thread run bytecode.\n\n"
        "How: threads cannot use several cores for Python code.\n\n"
        "2. What is a decorator?\n\nA function that wraps another function.\n\nExample:\n\n"
        "```python\n@cache\ndef f(): ...\n```\n\n3. When to use lambda?\n\nFor short key functions.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "What is the GIL?", "What is a decorator?", "When to use lambda?",
    ]
    assert questions[0].answer == (
        "What: a lock that lets one thread run bytecode.\n\n"
        "How: threads cannot use several cores for Python code."
    )
    assert questions[1].answer.startswith("A function that wraps another function.")
    assert "@cache" in questions[1].answer
    assert questions[2].answer == "For short key functions."


def test_an_indented_answer_keeps_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "tx.md"
    path.write_text(
        "## What does MULTI do?\n\n    Starts a transaction.\n    Later commands are queued.\n"
        "    ```\n    MULTI\n    SET a 1\n    ```\n    EXEC runs them.\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    # Markdown would run the lines of the preformatted block together: each ends in a
    # hard break, the code inside stays as it is.
    assert question.answer == (
        "Starts a transaction.  \nLater commands are queued.\n```\nMULTI\nSET a 1\n```\n"
        "EXEC runs them."
    )


def test_a_table_without_edge_pipes_is_a_table_not_a_key_point(tmp_path: Path) -> None:
    notes = tmp_path / "cache.md"
    notes.write_text(
        "# Cache\n\n## LRU 与 LFU 的区别？\n\n"
        "对比 | LRU | LFU\n--- | --- | ---\n淘汰依据 | 最近最少使用 | 最不经常使用\n"
        "记录 | 访问时间 | 访问次数\n\nLFU 更能反映 key 的热度，LRU 实现更简单。\n\n"
        "## What is a write-through cache?\n\nEvery write goes to the cache and the store.\n\n"
        "---\n\nIt keeps both in step.\n",
        encoding="utf-8",
    )
    first, second = load_bank([notes]).questions
    assert first.key_points == ("LFU 更能反映 key 的热度，LRU 实现更简单",)
    # a rule of dashes alone is no table
    assert second.key_points == ("Every write goes to the cache and the store", "It keeps both in step")


def test_glossary_topics_named_by_a_few_questions_of_other_notes_are_coincidences(
    tmp_path: Path,
) -> None:
    other = tmp_path / "algo.md"
    other.write_text(
        "# 算法\n\n"
        + "".join(f"## {i}. 题目{i}：链表第 {i} 题\n\n用双指针遍历链表。\n\n" for i in range(1, 9))
        + "## 9. 广度遍历和深度遍历二叉树\n\n广度优先用队列，深度优先用栈或递归。\n",
        encoding="utf-8",
    )
    deep = tmp_path / "dl.md"
    deep.write_text(
        "# DL\n\n## 1. 如何防止过拟合？\n\n用 dropout 和正则化。\n\n"
        "## 2. 网络的深度与宽度有什么区别？\n\n更深的网络表示能力更强。\n",
        encoding="utf-8",
    )
    bank = load_bank([other, deep])
    tree = next(q for q in bank.questions if "二叉树" in q.title)
    assert tree.topic_weights == () and "depth-vs-width" not in tree.topics
    widths = next(q for q in bank.questions if "宽度" in q.title)
    assert "depth-vs-width" in widths.topics


def test_an_indented_prose_answer_gives_key_points_indented_code_none(tmp_path: Path) -> None:
    path = tmp_path / "cache.md"
    path.write_text(
        "## 1. 缓存穿透怎么解决？\n\n    1. 缓存空值，设置较短的过期时间；\n"
        "    2. 加一层布隆过滤器拦截不存在的键；\n\n"
        "## 2. How do you read a key?\n\n    value = cache.get(key)\n    if value is None:\n"
        "        value = db.load(key)\n",
        encoding="utf-8",
    )
    first, second = load_bank([path]).questions
    assert first.key_points == ("缓存空值，设置较短的过期时间", "加一层布隆过滤器拦截不存在的键")
    assert second.key_points == ()


def test_a_placeholder_answer_is_no_answer(tmp_path: Path) -> None:
    """'- [ ] TODO' (or 'TBD', '待补充') under a heading marks an answer still to write: the
    heading is a question with no answer — never a question titled '[ ] TODO', never one
    whose reference answer and key point are 'TODO'."""
    path = tmp_path / "trees.md"
    path.write_text(
        "# 树模型\n\n## 决策树\n\n### 信息增益怎么算？\n\n- [ ] TODO\n\n"
        "### 剪枝的两种方式\n\n- [ ] TODO\n\n**参考资料**\n\n- [剪枝](https://example.com/prune)\n\n"
        "### 基尼指数\n\nTBD\n\n### 树的深度如何选？\n\n- [ ] TODO\n\n交叉验证选深度。\n\n"
        "## Boosting\n\n### What is shrinkage?\n\n* [ ] todo\n",
        encoding="utf-8",
    )
    bank = load_bank([path])
    assert [(q.title, q.answer) for q in bank.questions] == [
        ("信息增益怎么算？", ""),
        ("剪枝的两种方式", ""),
        ("基尼指数", ""),
        ("树的深度如何选？", "交叉验证选深度。"),
        ("What is shrinkage?", ""),
    ]
    assert [q.key_points for q in bank.questions][:3] == [(), (), ()]


def test_a_problem_label_that_states_is_part_of_the_answer(tmp_path: Path) -> None:
    """`问题：` means "problem:" as often as "question:": one that states a problem, with no
    answer label after it, is a line of the answer it stands in — the heading above stays the
    question. `问题：` that asks, or is answered with `答：`, is still a question label."""
    path = tmp_path / "cache.md"
    path.write_text(
        "## 缓存\n\n### 1、缓存穿透怎么处理\n问题：大量请求查不存在的键，全部打到数据库。\n"
        "解决：缓存空值，或加布隆过滤器。\n\n问题：空值占用内存。\n\n"
        "### 2、缓存雪崩\n问题：大量键同时过期。\n\n"
        "## 连接池\n\n问题：为什么要用连接池？\n\n复用连接，省去握手。\n\n"
        "问题：连接数的上限\n答：按数据库能承受的并发来定。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "缓存穿透怎么处理", "缓存雪崩", "为什么要用连接池？", "连接数的上限",
    ]
    assert questions[0].answer.startswith("问题：大量请求查不存在的键")
    assert "问题：空值占用内存。" in questions[0].answer
    assert questions[1].answer == "问题：大量键同时过期。"
    assert questions[2].answer == "复用连接，省去握手。"
    assert questions[3].answer == "按数据库能承受的并发来定。"


def test_an_ellipsis_item_is_no_question(tmp_path: Path) -> None:
    # "6. ..." ends a list of questions the notes will go on with: nothing is asked there.
    path = tmp_path / "sft.md"
    path.write_text(
        "## 微调面\n\n1. 为什么微调之后模型变差了？\n2. 指令数据如何构建？\n3. ...\n\n"
        "## 推理面\n\n- 什么是束搜索？\n- 什么是温度采样？\n- …\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == [
        "为什么微调之后模型变差了？", "指令数据如何构建？", "什么是束搜索？", "什么是温度采样？",
    ]


def test_an_item_that_only_groups_the_questions_nested_under_it(tmp_path: Path) -> None:
    """"1. 复读机问题" over "1. 什么是复读机问题？" "2. 如何缓解？": the parent asks nothing,
    it names the group — the nested items are the questions, with the parent as context.
    A parent that asks keeps the items nested under it as its follow-ups."""
    path = tmp_path / "llm.md"
    path.write_text(
        "## 进阶面\n\n1. 复读机问题\n   1. 什么是复读机问题？\n   2. 如何缓解复读机问题？\n"
        "2. 长度问题\n   1. 输入可以无限长吗？\n3. 如何处理更长的文本？\n"
        "4. 为什么会幻觉？\n   - 如何检测幻觉？\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "什么是复读机问题？", "如何缓解复读机问题？", "输入可以无限长吗？",
        "如何处理更长的文本？", "为什么会幻觉？",
    ]
    assert "复读机问题" in questions[0].topics
    assert "如何检测幻觉？" in questions[4].prompt


def test_a_question_heading_that_names_a_problem_keeps_its_list_as_the_answer(
    tmp_path: Path,
) -> None:
    # "problem" / "问题" in a heading that itself asks is the subject, not "Practice Problems".
    path = tmp_path / "notes.md"
    path.write_text(
        "### 1. What is a cache?\n\nA fast store in front of a slow one.\n\n"
        "### 2. Explain two ways to avoid the cold start problem.\n\n"
        "- Warm the cache before traffic arrives\n- Serve stale entries while refreshing\n\n"
        "### 3. 如何缓解缓存雪崩问题？\n\n- 过期时间加随机值\n- 热点数据永不过期\n\n"
        "## Practice Problems\n\n- Design a rate limiter\n- Implement an LRU cache\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    titles = [q.title for q in questions]
    assert titles[:3] == ["What is a cache?", "Explain two ways to avoid the cold start problem.",
                          "如何缓解缓存雪崩问题？"]
    assert "Warm the cache before traffic arrives" in questions[1].answer
    assert "热点数据永不过期" in questions[2].answer
    # A heading that only names what its list holds still vouches for prompts.
    assert titles[3:] == ["Design a rate limiter", "Implement an LRU cache"]


def test_bold_list_items_numbered_on_from_a_bold_question_are_the_next_questions(
    tmp_path: Path,
) -> None:
    # "**1.Transformer模型结构**" + its answer, then "2. **attention机制**": Markdown makes the
    # second a list, a person reads the next question of the series.
    path = tmp_path / "nlp.md"
    path.write_text(
        "# NLP\n\n## Transformer\n\n**1. Transformer 的结构**\n\nencoder-decoder 结构。\n\n"
        "2. **attention 机制**\n\n3. **位置编码**\n\n   用正余弦函数给每个位置编码。\n\n"
        "## 过拟合\n\n**1. 什么是过拟合？**\n\n训练集好、测试集差。常见原因：\n\n"
        "1. **数据太少**\n2. **模型太复杂**\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("Transformer 的结构", "encoder-decoder 结构。"),
        ("attention 机制", ""),
        ("位置编码", "用正余弦函数给每个位置编码。"),
        ("什么是过拟合？", "训练集好、测试集差。常见原因：\n\n1. **数据太少**\n2. **模型太复杂**"),
    ]
