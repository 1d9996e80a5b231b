"""Formulas in notes and answers, compared by value rather than by spelling: each formula is
evaluated at a few fixed random points, so `2PR/(P+R)` equals `2*P*R/(R+P)` but not
`(P+R)/2`, and `m-k+1` is not `m+k-1`. Spoken formulas count too ("TP divided by TP plus FN",
"TP 除以 TP 加 FN"). A formula belongs to what the words before it name ("precision is …")."""

from __future__ import annotations

import ast
import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from interviewer.notes.math_text import BRACE_GROUP

_SPOKEN = [
    (re.compile(r"\s+(?:divided by|over)\s+", re.I), " / ("),
    (re.compile(r"\s*除以\s*"), " / ("),
    (re.compile(r"\s+(?:plus)\s+", re.I), " + "),
    (re.compile(r"\s+(?:minus)\s+", re.I), " - "),
    (re.compile(r"\s+(?:times|multiplied by)\s+", re.I), " * "),
    (re.compile(r"(?<=[A-Za-z0-9)])\s*(?:加上|加)\s*(?=[A-Za-z0-9(])"), " + "),
    (re.compile(r"(?<=[A-Za-z0-9)])\s*(?:减去|减)\s*(?=[A-Za-z0-9(])"), " - "),
    (re.compile(r"(?<=[A-Za-z0-9)])\s*(?:乘以|乘)\s*(?=[A-Za-z0-9(])"), " * "),
]
_SYMBOLS = str.maketrans({"×": "*", "∗": "*", "·": "*", "÷": "/", "−": "-", "–": "-", "＋": "+",
                          "（": "(", "）": ")", "＝": "=", "²": "^2", "√": "sqrt"})
# A fraction's parts may hold braces of their own: \frac{1}{1+e^{-t}}.
_LATEX = [(re.compile(rf"\\frac{BRACE_GROUP}{BRACE_GROUP}"), r"(\1)/(\2)"),
          (re.compile(r"\\(?:times|cdot|ast)"), "*"), (re.compile(r"[{}$]|\\left|\\right"), "")]
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_']*")
_FUNCTIONS = {"sqrt": math.sqrt, "log": math.log, "exp": math.exp, "ln": math.log}
# Words that are not variables even inside a formula-looking run.
_WORDS_TEXT = """is are the of and or a an to in on be by as it its with for from that this then
    which while so if at not also where when"""
_WORDS = frozenset(_WORDS_TEXT.split())
_POINTS = 3
_RNG = random.Random(7)
_SAMPLES: dict[str, list[float]] = {}


@dataclass(frozen=True)
class Formula:
    """One formula: its text, what it is about (the words before it), its variables and its
    values at fixed random points."""

    text: str
    subject: str
    variables: frozenset[str]
    values: tuple[float, ...]
    source: str = ""
    """The formula as Python arithmetic (implicit products made explicit)."""


def _sample(name: str) -> list[float]:
    # The same variable gets the same random values everywhere, so formulas compare.
    if name not in _SAMPLES:
        _SAMPLES[name] = [_RNG.uniform(1.5, 9.5) for _ in range(_POINTS)]
    return _SAMPLES[name]


def _evaluate(node: ast.AST, point: int, rename: dict[str, str] | None = None) -> float:
    if rename:
        return _Renamed(rename).evaluate(node, point)
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, point)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.Name):
        return _sample(node.id.lower())[point]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _evaluate(node.operand, point)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, point), _evaluate(node.right, point)
        operations: dict[type, Callable[[float, float], float]] = {
            ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
            ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
            ast.Pow: lambda a, b: a ** b,
        }
        operation = operations.get(type(node.op))
        if operation is not None:
            return operation(left, right)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCTIONS and len(node.args) == 1):
        return _FUNCTIONS[node.func.id](_evaluate(node.args[0], point))
    raise ValueError("not arithmetic")


class _Renamed:
    """Evaluation with some variables standing for others ("p" for "precision")."""

    def __init__(self, rename: dict[str, str]) -> None:
        self.rename = rename

    def evaluate(self, node: ast.AST, point: int) -> float:
        tree = ast.parse(ast.unparse(node), mode="eval")
        for name in ast.walk(tree):
            if isinstance(name, ast.Name) and name.id.lower() in self.rename:
                name.id = self.rename[name.id.lower()]
        return _evaluate(tree, point)


def _spoken(text: str) -> str:
    """Spoken operators as symbols; a spoken division takes the rest of its clause as the
    divisor ("TP divided by TP plus FN, …" = TP/(TP+FN))."""
    for pattern, symbol in _SPOKEN:
        text = pattern.sub(symbol, text)
    out, opened = [], 0
    for char in text:
        if char in ",;，。；—" or (char == "." and opened):
            out.append(")" * opened)
            opened = 0
        out.append(char)
        opened += char == "(" and "".join(out[-4:]) == " / ("
    return "".join(out) + ")" * opened


def _python(expression: str, singles: frozenset[str]) -> str:
    """An expression Python can parse: implicit products made explicit ("2PR" = 2*P*R when
    P and R are variables of their own, "2(a+b)", "(a)(b)")."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in _FUNCTIONS:
            return word
        if len(word) > 1 and word.isalpha() and set(word) <= singles:
            return "*".join(word)
        return word

    out = _IDENT.sub(split, expression.replace("^", "**"))
    out = re.sub(r"(?<=\d)\s*(?=[A-Za-z(])", "*", out)
    out = re.sub(r"\)\s*(?=[A-Za-z0-9(])", ")*", out)
    return re.sub(r"(?<=[A-Za-z0-9_'])\s+(?=[A-Za-z0-9_(])", "*", out)


def parse(expression: str) -> tuple[frozenset[str], tuple[float, ...], str] | None:
    """(variables, values, Python source) of an arithmetic expression, or None."""
    names = [n for n in _IDENT.findall(expression) if n not in _FUNCTIONS]
    if not names or any(n.lower() in _WORDS for n in names) or len(names) > 12:
        return None
    singles = frozenset(n for n in names if len(n) == 1)
    source = _python(expression.replace("'", "_p"), singles)
    try:
        tree = ast.parse(source.strip(), mode="eval")
        values = tuple(round(_evaluate(tree, i), 6) for i in range(_POINTS))
    except (SyntaxError, ValueError, ZeroDivisionError, OverflowError, TypeError):
        return None
    unparsed = ast.unparse(tree)
    variables = frozenset(n.lower() for n in _IDENT.findall(unparsed) if n not in _FUNCTIONS)
    return variables, values, unparsed


_TOKEN = re.compile(r"\d+(?:\.\d+)?[A-Za-z][A-Za-z0-9_']*|\d+(?:\.\d+)?|[A-Za-z][A-Za-z0-9_']*|"
                    r"[+\-*/^()=]|\s+|.", re.DOTALL)
_OPERAND = re.compile(r"[\dA-Za-z]")


def _segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of operands joined by operators ("TP / (TP + FN)"): two
    operands side by side with a space between end a run, as does any other character."""
    spans: list[tuple[int, int]] = []
    start = end = -1
    previous = ""  # "operand", "operator", "open", "close" or ""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token.isspace():
            continue
        kind = ("operand" if _OPERAND.match(token) else "open" if token == "("
                else "close" if token == ")" else "operator" if token in "+-*/^" else "")
        joined = ((kind == "operator" and previous in ("operand", "close"))
                  # a sign opening a bracket or an exponent: 1/(1+e^(-t)), x^-1
                  or (token in "+-" and previous in ("open", "operator"))
                  or (kind in ("operand", "open") and previous in ("operator", "open"))
                  or (kind == "close" and previous in ("operand", "close"))
                  or (kind == "open" and previous == "close"))
        if start >= 0 and joined and kind:
            end = match.end()
            previous = kind
            continue
        if start >= 0:
            spans.append((start, end))
        start, end, previous = (match.start(), match.end(), kind) if kind in (
            "operand", "open") else (-1, -1, "")
    if start >= 0:
        spans.append((start, end))
    return spans


def _balanced(text: str) -> str:
    """The text without brackets left open at its start or closed at its end."""
    while text.count("(") > text.count(")") and text.startswith("("):
        text = text[1:]
    while text.count(")") > text.count("(") and text.endswith(")"):
        text = text[:-1]
    return text.strip()


def find_formulas(sentence: str) -> list[Formula]:
    """The formulas of one sentence, each with the words before it as its subject."""
    text = sentence.translate(_SYMBOLS)
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    text = _spoken(text)
    found: list[Formula] = []
    for start, end in _segments(text):
        candidate = _balanced(text[start:end])
        if not re.search(r"[+\-*/^]", candidate) or not re.search(r"[A-Za-z]", candidate):
            continue
        if re.fullmatch(r"[A-Za-z]+(?:\s*[-/]\s*[A-Za-z]+)+", candidate) and not re.fullmatch(
                r"[A-Z0-9\s/\-]+|[A-Za-z]{1,2}(?:\s*[-/]\s*[A-Za-z]{1,2})+", candidate):
            continue  # "k-nearest", "train/test": words joined, not a difference or a ratio
        parsed = parse(candidate)
        if parsed is not None:
            found.append(Formula(candidate, text[:start].strip(), *parsed))
    return found


def _mapped(answer: frozenset[str], notes: frozenset[str]) -> dict[str, str]:
    """Answer variables renamed to the notes' when a letter stands for a word ("P" for
    "precision") and only one of the notes' variables starts with it."""
    mapping = {}
    for name in answer - notes:
        matches = [n for n in notes if n.startswith(name) and len(n) > len(name)]
        if len(matches) == 1:
            mapping[name] = matches[0]
    return mapping


def same_value(answer: Formula, note: Formula) -> bool:
    """True when the two formulas agree at every sample point (after renaming letters)."""
    mapping = _mapped(answer.variables, note.variables)
    values = answer.values
    if mapping:
        tree = ast.parse(answer.source, mode="eval")
        try:
            values = tuple(round(_evaluate(tree, i, mapping), 6) for i in range(_POINTS))
        except (ValueError, ZeroDivisionError, OverflowError):
            return False
    return all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
               for a, b in zip(values, note.values, strict=True))


def comparable(answer: Formula, note: Formula) -> bool:
    """True when two formulas are over the same quantities (after renaming letters)."""
    mapping = _mapped(answer.variables, note.variables)
    mine = frozenset(mapping.get(v, v) for v in answer.variables)
    return bool(mine) and len(mine & note.variables) * 2 >= max(len(mine), len(note.variables))


def formulas_of(sentences: Sequence[str]) -> list[Formula]:
    """Every formula of a list of sentences."""
    return [formula for sentence in sentences for formula in find_formulas(sentence)]
