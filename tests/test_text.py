"""Words of mixed Chinese/English text, as search and the grader cut them."""

from __future__ import annotations

import pytest

from interviewer.text import cut, language_of


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("如何防止过拟合", ["如何", "防止", "过拟合"]),  # a glossary term stays whole
        ("正则化的作用", ["正则化", "的", "作用"]),
        ("Batch Normalization（批标准化）", ["batch", "normalization", "批标准化"]),
        # rjieba keeps these ASCII runs whole; the term tables expect their words
        ("k-nearest neighbors (KNN)", ["k-nearest", "k", "nearest", "neighbors", "knn"]),
        # a letter joined to a word by a hyphen names a thing of its own, beside its words
        ("Z-Test 和 T-Test", ["z-test", "z", "test", "和", "t-test", "t", "test"]),
        ("self.table 和 hash_table", ["self", "table", "和", "hash", "table"]),
        ("mini-batch，。！ 梯度下降", ["mini", "batch", "梯度下降"]),  # punctuation dropped
        # a language or a tree named by its sign keeps it: C++ is not C, B+树 not B树
        ("C++ 和 C 的区别", ["c++", "和", "c", "的", "区别"]),
        ("B+树和B树", ["b+", "树", "和", "b", "树"]),
        ("C#语言、F# 和 Notepad++", ["c#", "语言", "f#", "和", "notepad++"]),
        ("B+ tree, b+tree, b+-tree", ["b+", "tree", "b+", "tree", "b+", "tree"]),
        # a sum of words is not a name
        ("TP+FP", ["tp", "fp"]),
        # an acronym's plural is the acronym; an acronym ending in S is itself
        ("CNNs and APIs over HTTPS", ["cnn", "and", "api", "over", "https"]),
        # an operator is what a programming question is about: == and === are two things
        ("== 和 === 的区别", ["==", "和", "===", "的", "区别"]),
        ("What is the difference between == and ===?",
         ["what", "is", "the", "difference", "between", "==", "and", "==="]),
        ("a!==b, p->next, x => x, a && b || c, a ?? b, obj?.name",
         ["a", "!==", "b", "p", "->", "next", "x", "=>", "x", "a", "&&", "b", "||", "c", "a", "??",
          "b", "obj", "?.", "name"]),
        ("std::vector, x += 1, a <= b", ["std", "::", "vector", "x", "+=", "1", "a", "<=", "b"]),
        # one sign alone is punctuation or arithmetic, and dashes or stars are prose and markup
        ("a = b + c - d, 1/2 -- see **this** ...", ["a", "b", "c", "d", "1", "2", "see", "this"]),
    ],
)
def test_cut(text: str, words: list[str]) -> None:
    assert cut(text) == words


@pytest.mark.parametrize(
    ("text", "language"),
    [("什么是 dropout", "zh"), ("What is dropout?", "en"), ("", "en")],
)
def test_language_of(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A Chinese answer that is mostly LaTeX is Chinese: the letters of \frac, \left and
        # \theta are no English words.
        ("取负对数得到损失函数：\n$$\nJ(\\theta) = -\\sum\\limits_{i=1}^{m}(y^{(i)}\\log(h_{\\theta}"
         "(x^{(i)}))+ (1-y^{(i)})\\log(1-h_{\\theta}(x^{(i)})))\n$$", "zh"),
        ("先验概率 $P(\\theta)$ 乘以似然 $P(x|\\theta)$ 再归一化，得到后验 "
         "$P(\\theta|x)=\\frac{P(x|\\theta)P(\\theta)}{P(x)}$", "zh"),
        # So is one with a code block, or a reference link.
        ("用法如下：\n```python\nfrom sklearn.linear_model import LogisticRegression\n"
         "model = LogisticRegression(penalty='l2', solver='lbfgs')\n```", "zh"),
        ("参考资料：https://blog.example.com/posts/regularization-ridge-lasso-explained", "zh"),
        # English prose stays English with its formulas and code.
        ("The loss is the cross-entropy $$J(\\theta) = -\\sum_i y_i \\log h_\\theta(x_i)$$ "
         "summed over the samples.", "en"),
        ("Fit it with `model.fit(X, y)` and read the weights.", "en"),
        # Nothing but a formula is no Chinese.
        ("$$y = wx + b$$", "en"),
    ],
)
def test_language_of_reads_the_prose(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Break a condition in advance, e.g. take locks in a fixed order. Then check the graph.",
        "Normalise each layer, i.e. zero mean and unit variance. Then scale and shift.",
        "Compare L1 vs. L2 penalties on the weights. Then pick one.",
    ],
)
def test_an_abbreviation_does_not_end_a_sentence(text: str) -> None:
    from interviewer.grading.matching import split_sentences
    from interviewer.notes.key_points import first_sentence

    first = text[: text.index(". Then") + 1]
    assert split_sentences(text)[0] == first.rstrip(".")
    assert first_sentence(text) == first.rstrip(".")


@pytest.mark.parametrize("text", ["c++ and c#", "b+tree, b+-tree and b+ tree", "tp+fp", "notepad++"])
def test_the_english_word_pattern_keeps_the_words_cut_keeps(text: str) -> None:
    from interviewer.text import ASCII_WORD

    assert ASCII_WORD.findall(text) == cut(text)
