"""Inline LaTeX made readable for people: key points quoted from notes written with `$…$`
math show "m = z*·σ/√n", not "$$m = z^* \\dot \\frac{\\sigma}{\\sqrt{n}}$$". Display only: the
grader reads the notes' own text."""

from __future__ import annotations

import re

from interviewer.text import MATH_SPAN

BRACE_GROUP = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
"""A LaTeX argument in braces, one level of braces inside it allowed: {1+e^{-t}}."""
_FRAC = re.compile(rf"\\[dt]?frac\s*{BRACE_GROUP}\s*{BRACE_GROUP}")
_SQRT = re.compile(rf"\\sqrt\s*{BRACE_GROUP}")
_STYLED = re.compile(rf"\\(?:text|mathrm|mathbf|mathit|mathcal|operatorname|boldsymbol|hat|bar|"
                     rf"tilde|vec|overline)\s*{BRACE_GROUP}")
_SIZING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:! ]")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_BRACED = re.compile(r"([_^])\{([^{}]*)\}")
_SIMPLE = re.compile(r"^[\w.′'√]+$")
GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
    "Sigma": "Σ", "Pi": "Π", "Phi": "Φ", "Omega": "Ω",
}
"""Greek letters by their LaTeX names (which are also their English names)."""
_SYMBOLS = GREEK | {
    "cdot": "·", "dot": "·", "times": "×",
    "div": "÷", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
    "approx": "≈", "sim": "~", "infty": "∞", "sum": "Σ", "prod": "Π", "partial": "∂",
    "nabla": "∇", "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "log": "log",
    "ln": "ln", "exp": "exp", "max": "max", "min": "min", "arg": "arg", "mid": "|",
}


def _wrapped(part: str) -> str:
    return part if _SIMPLE.match(part) else f"({part})"


def _math(body: str) -> str:
    text = body.replace("\\\\", "\\").replace("\\%", "%").replace("\\_", "_")
    # Symbols first, so a fraction of them is simple: \frac{\sigma}{n} → σ/n.
    text = _COMMAND.sub(lambda m: _SYMBOLS.get(m[1], m[0]), text)
    for _ in range(3):  # nested fractions and roots, innermost first
        text = _STYLED.sub(r"\1", text)
        text = _SQRT.sub(lambda m: f"√{_wrapped(m[1].strip())}", text)
        text = _FRAC.sub(lambda m: f"{_wrapped(m[1].strip())}/{_wrapped(m[2].strip())}", text)
    text = _SIZING.sub("", text)
    text = _COMMAND.sub(lambda m: _SYMBOLS.get(m[1], m[1]), text)
    text = _BRACED.sub(lambda m: m[1] + _wrapped(m[2]) if len(m[2]) > 1 else m[1] + m[2], text)
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def readable(text: str) -> str:
    """The text with each `$…$` / `$$…$$` span written in plain symbols."""
    if "$" not in text:
        return text
    return MATH_SPAN.sub(lambda m: _math(m[1] if m[1] is not None else m[2]), text)
