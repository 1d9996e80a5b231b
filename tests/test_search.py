"""Hybrid search: question-level hits, English through the glossary, related notes, and
use from a worker thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.packs import load_pack
from interviewer.resources import knowledge_dir
from interviewer.search import SearchHit, open_retriever
from interviewer.search.lexical import dense_hints, flat_terms, query_terms
from interviewer.search.phrases import Bridges, stem
from interviewer.search.retriever import DENSE_QUERY_CHARS
from interviewer.search.vocabulary import BRIDGES_FILE, use_packs
from tests.search_fixtures import NOTES_A, NOTES_B, write_notes


@pytest.fixture
def hash_retriever(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A retriever over two small files with hash embeddings (strings, not meaning)."""
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    notes = write_notes(tmp_path / "notes", {"reg.md": NOTES_A, "opt.md": NOTES_B})
    return open_retriever(load_settings(), load_bank([notes]))


def test_hits_are_questions_with_their_best_chunk(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    hits = hash_retriever.search("内部协变量偏移", k=3)
    assert hits[0].question_id == "reg-02"
    assert "内部协变量偏移" in hits[0].section + hits[0].text
    assert len({hit.question_id for hit in hits}) == len(hits)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_hit_json_has_the_design_shape(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    (hit,) = hash_retriever.search("Dropout", k=1)
    data = hit.to_json()
    assert {"question_id", "title", "score", "text", "source"} <= set(data)
    assert data["source"] == "reg.md"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("why does gradient vanishing happen", "opt-01"),
        ("batch normalization", "reg-02"),
        ("what happens when the learning rate is too large", "opt-02"),
    ],
)
def test_english_queries_find_chinese_notes_through_the_glossary(
    hash_retriever, query: str, expected: str  # type: ignore[no-untyped-def]
) -> None:
    # Hash vectors cannot translate: only the glossary's synonyms bridge the languages.
    assert hash_retriever.search(query, k=1)[0].question_id == expected


def test_query_terms_add_chinese_synonyms_for_english_words() -> None:
    terms = flat_terms(query_terms("how to avoid overfitting"))
    assert "过拟合" in terms
    assert "how" not in terms and "to" not in terms


@pytest.mark.parametrize(
    ("query", "synonym"),
    [
        ("initializing the weights", "初始化"),  # an inflection of the glossary's alias
        ("it overfits", "过拟合"),
        ("网络开始训练前参数应该怎么赋初值", "初始值"),  # a Chinese synonym
        ("反传回来的导数", "反向传播"),
    ],
)
def test_glossary_matches_inflections_and_chinese_synonyms(query: str, synonym: str) -> None:
    assert synonym in flat_terms(query_terms(query))


def test_pronouns_are_function_words() -> None:
    # Everyday phrasing ("complex ones", "deal with them") is not what a question is about.
    # No pack: the computer-science pack's word group would search "tree" as its tag.
    use_packs([])
    terms = flat_terms(query_terms("one tree or many of them, and complex ones"))
    assert not terms & {"one", "ones", "them"}
    assert "tre" in terms


def test_short_english_aliases_match_whole_words_only() -> None:
    # "bn" is an alias of batch normalization; it must not fire inside another word.
    assert "批规范化" in flat_terms(query_terms("what does bn do"))
    assert "批规范化" not in flat_terms(query_terms("the bnb hotel"))


def test_a_concept_counts_once_however_many_synonyms_match() -> None:
    concepts = query_terms("overfitting")
    (group,) = [c for c in concepts if any("过拟合" in spelling for spelling in c)]
    assert len(group) > 1  # several spellings, scored as alternatives


@pytest.mark.parametrize(
    ("word", "expected"),
    [("initializing", "initializ"), ("initialization", "initializ"), ("losses", "loss"),
     ("loss", "loss"), ("gradients", "gradient"), ("relu", "relu"), ("dropping", "drop"),
     ("stopped", "stop"), ("falling", "fall")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_dense_hints_append_chinese_names_of_glossary_terms() -> None:
    assert dense_hints("why does dropout help").startswith("why does dropout help（")
    assert "随机失活" in dense_hints("why does dropout help")
    assert dense_hints("完全不相关的句子") == "完全不相关的句子"


def test_dense_hints_leave_chinese_terms_to_the_model() -> None:
    # 非线性 shares a glossary topic with 凸优化; appending it would steer a question about
    # activation functions towards the one on convexity. The bridge's term still comes.
    hints = dense_hints("出现死神经元时应该换成哪种非线性函数")
    assert "凸优化" not in hints
    assert "激活函数" in hints


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("为啥网络一深前面几层就训练不动了", "梯度消失"),
        ("每一层输入的分布老是变来变去", "内部协变量偏移"),
        ("my model memorizes the training set", "过拟合"),
        ("the gradients keep blowing up", "梯度爆炸"),
    ],
)
def test_colloquial_phrasings_bridge_to_domain_terms(query: str, term: str) -> None:
    assert term in flat_terms(query_terms(query))
    assert term in dense_hints(query)


def test_dense_hints_stay_within_a_token_budget(tmp_path: Path) -> None:
    # e5's time grows with the probe: a short query gets the names of every term it names,
    # each term's first name before any term's second; a long one only its first name.
    (tmp_path / "pack.toml").write_text(
        '[pack]\nname = "db"\n\n'
        '[[words]]\nzh = ["游标"]\nen = ["cursor", "row pointer"]\n\n'
        '[[words]]\nzh = ["事务"]\nen = ["transaction", "unit of work"]\n',
        encoding="utf-8",
    )
    use_packs([load_pack(tmp_path)])
    assert dense_hints("游标和事务") == "游标和事务（cursor，transaction，row pointer，unit of work）"
    long = "在一个很长的存储过程里面循环读取一张大表时游标和事务应该怎样配合使用才比较合理呢"
    assert dense_hints(long) == f"{long}（cursor）"


def test_bridge_gaps_are_short_and_known_terms_are_not_repeated() -> None:
    bridges = Bridges([(["前面…层…学不动", "gradient…die"], ["梯度消失", "vanishing gradient"])])
    assert bridges.find("前面几层就学不动了") == [(["梯度消失", "vanishing gradient"], 1.0)]
    assert bridges.find("the gradients die out") == [(["梯度消失", "vanishing gradient"], 1.0)]
    assert bridges.find("前面讲了很多很多别的内容之后才轮到层的事情学不动") == []
    assert bridges.find("gradients in this very long sentence never die") == []
    assert bridges.find("梯度消失时前面几层学不动") == [(["vanishing gradient"], 1.0)]


def test_a_bridge_may_weigh_its_terms() -> None:
    bridges = Bridges([(["怎么办"], ["解决"]), (["学不动"], ["梯度消失"])], [2.0, 1.0])
    assert bridges.find("学不动了怎么办") == [(["解决"], 2.0), (["梯度消失"], 1.0)]
    weights = {t: w for c in query_terms("学不动了怎么办") for s in c for t, w in s.items()}
    assert weights["解决"] == 2.0


def test_a_typed_word_weighs_what_its_weighted_bridge_gives() -> None:
    # "梯度弥散原因" asks for causes as much as "梯度弥散是怎么产生的" does.
    bridges = Bridges([(["怎么产生"], ["原因"])], [2.0])
    assert bridges.term_weights == {"原因": 2.0}
    assert [{"原因": 2.0}] in query_terms("梯度弥散原因")


def test_bundled_bridges_each_name_domain_terms() -> None:
    bridges = Bridges.load(knowledge_dir() / "packs" / "deep-learning" / BRIDGES_FILE)
    assert len(bridges.means) >= 10 and all(bridges.means)


def test_a_colloquial_query_finds_its_question(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    # No word of the query is in the notes; the bridge names 梯度消失 for it.
    assert hash_retriever.search("为啥前面几层训练不动", k=1)[0].question_id == "opt-01"


def test_domain_terms_stay_whole() -> None:
    # A term of the packs' vocabulary is one search word (itself, or its synonym group's tag
    # when a pack lists it in one), never its bigrams.
    terms = flat_terms(query_terms("正则化有什么用"))
    assert "正则" not in terms and "则化" not in terms
    assert "正则化" in terms or any(term.startswith("#") for term in terms)


def test_related_comes_from_other_questions(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    question = hash_retriever.get("reg-01")
    related = hash_retriever.related(question, k=3)
    assert related and all(hit.question_id != "reg-01" for hit in related)
    context = hash_retriever.context(question, k=2)
    assert context.reference == question.answer
    assert len(context.notes()) == len(context.related) <= 2


def test_a_misspelt_query_still_finds_its_question(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    assert hash_retriever.search("exploding gradiants", k=1)[0].question_id == "opt-01"


def test_a_pasted_page_is_searched_by_its_start(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    # The embedding model would spend seconds per page (and was never trained past 512
    # tokens): only the start of a long query reaches it.
    encoder = hash_retriever.index.encoder
    seen: list[int] = []
    original = encoder.query

    def recording(texts):  # type: ignore[no-untyped-def]
        seen.extend(len(text) for text in texts)
        return original(texts)

    encoder.query = recording
    hits = hash_retriever.search("梯度消失的原因 " + "这是一段很长的粘贴文字。" * 20000, k=1)
    assert hits[0].question_id == "opt-01"
    assert seen and max(seen) <= DENSE_QUERY_CHARS + 200  # the start, plus glossary hints


def test_empty_query_finds_nothing(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    assert hash_retriever.search("   ") == []


def test_search_from_worker_threads(hash_retriever) -> None:  # type: ignore[no-untyped-def]
    results: dict[str, list[SearchHit]] = {}

    def work(query: str) -> None:
        results[query] = hash_retriever.search(query, k=1)

    threads = [threading.Thread(target=work, args=(q,)) for q in ("梯度消失", "Dropout", "学习率")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert {q: hits[0].question_id for q, hits in results.items()} == {
        "梯度消失": "opt-01",
        "Dropout": "reg-01",
        "学习率": "opt-02",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("批量归一化有什么好处", "deep_learning_basics-13"),
        ("初始权重全是零会怎样", "deep_learning_basics-01"),
        ("What is an autoencoder good for?", "deep_learning_basics-16"),
    ],
)
def test_e5_finds_bundled_questions(query: str, expected: str) -> None:
    retriever = open_retriever(load_settings(), load_bank())
    assert retriever.search(query, k=1)[0].question_id == expected


QUOTING_NOTES = """# 基础
## 1. 为什么权重不能全部初始化为 0？
- <font color='red'>全零初始化时每个神经元的输出和梯度都相同</font>，权重更新后依然相同，无法打破对称性。
- 应该用较小的随机数初始化权重。

## 2. 什么是病态问题？
条件数很大时优化需要更多迭代。

> Ill-conditioning can be caused by the training data, the network architecture and the
> initial weights. Having initial weights that are too large or too small, or training a
> network with layers of very different sizes, makes the weights hard to train.

## 3. 学习率太大会怎样？
- 损失震荡甚至发散。

## 4. 数据增强有哪些方法？
- 旋转、裁剪、加噪声，扩充训练集。

## 5. 交叉熵为什么适合分类？
- 与 softmax 搭配时梯度不会因为饱和而变小。

## 6. 早停是怎么防止过拟合的？
- 验证集误差不再下降时停止训练。
"""


def test_an_english_quotation_does_not_win_english_queries(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The only English in Chinese notes makes its words rare; matched literally, "weights",
    # "training" and "network" would hand every English query to the quoting answer. The
    # pack's word groups (weights = 权重) are what lets the English query meet the notes.
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setenv("INTERVIEWER_PACKS", "deep-learning")
    notes = write_notes(tmp_path / "notes", {"basics.md": QUOTING_NOTES})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    hits = retriever.search("why can't we set all the weights to zero before training", k=2)
    assert hits[0].question_id == "basics-01"


SIGNED_NAMES = """# 计算机基础
## 1. HTTPS 的握手过程是怎样的？
- 客户端和服务端先协商加密套件，再验证证书、交换会话密钥。

## 2. HTTP 常见的请求方法有哪些？
- GET、POST、PUT、DELETE 等。

## 3. B+树有什么特点？
- 非叶子节点只存键，叶子节点之间用链表相连。

## 4. B树有什么特点？
- 每个节点都存数据，查找可能在中间节点结束。

## 5. C++ 的虚函数是怎么实现的？
- 每个有虚函数的类有一张虚函数表，对象里存一个指向它的指针。

## 6. C 的指针和数组有什么关系？
- 数组名在表达式里退化为指向首元素的指针。
"""


@pytest.mark.parametrize(
    ("query", "expected"),
    [("HTTPS", "cs-01"), ("HTTP", "cs-02"), ("B+树", "cs-03"), ("B树", "cs-04"),
     ("B+ tree", "cs-03"), ("C++", "cs-05"), ("C", "cs-06")],
)
def test_a_name_with_a_sign_or_a_trailing_s_is_not_the_name_without(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, query: str, expected: str
) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    notes = write_notes(tmp_path / "notes", {"cs.md": SIGNED_NAMES})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.search(query, k=1)[0].question_id == expected


def test_a_passage_vector_embeds_the_prose_of_a_chunk_not_its_code() -> None:
    # A chunk of code embeds near every query (a hub): the vector reads the words around it,
    # BM25 still reads the code.
    from interviewer.search.chunking import passage_text

    chunk = ("```go\npackage main\nfunc main() {\n    s := make([]int, 5)\n}\n```\n"
             "Answer: append adds three elements after the five zeroes.\n"
             "~~~\nfmt.Println(s)\n~~~")
    text = passage_text("What does this program print?", chunk)
    assert text == ("What does this program print?\n"
                    "Answer: append adds three elements after the five zeroes.")
    assert passage_text("Print a slice", "```go\nfmt.Println(s)\n```") == "Print a slice"


def test_a_code_block_is_one_unit_of_a_chunk_and_no_heading() -> None:
    from interviewer.notes import Question
    from interviewer.search.chunking import chunk_question, passage_text

    answer = ("```python\n# a comment, not a heading\ndef f():\n\n    return 1\n```\n\n"
              "f returns one, because the blank line inside the block ends nothing.")
    question = Question(id="q-01", title="What does f return?", stars=0, answer=answer,
                        key_points=(), source="q.md", path=Path("q.md"), line=1)
    chunks = chunk_question(question)
    assert [c.section for c in chunks] == [""] * len(chunks)
    text = "\n".join(c.text for c in chunks)
    assert "```python\n# a comment, not a heading\ndef f():\n    return 1\n```" in text
    assert "# a comment" not in passage_text(question.title, text)


def test_a_fenced_block_of_sentences_is_prose_in_the_passage_vector() -> None:
    # Found on the foreign27 walkthrough: notes that fence every answer ("```\n容器是…\n```")
    # had passage vectors of their titles alone.
    from interviewer.search.chunking import passage_text

    chunk = "```\n容器是从镜像创建的运行实例，可以被启动和停止。\n镜像是只读的模板，容器在它上面加一层可写层。\n```"
    assert passage_text("镜像和容器的关系？", chunk) == (
        "镜像和容器的关系？\n容器是从镜像创建的运行实例，可以被启动和停止。\n"
        "镜像是只读的模板，容器在它上面加一层可写层。"
    )
    commented = "```\nu4 magic; // 文件的标志，魔数\nu2 version; // 文件的版本号\n```"
    assert passage_text("Class 文件结构", commented) == "Class 文件结构"
