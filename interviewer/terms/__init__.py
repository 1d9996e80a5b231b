"""Signals mined from the notes themselves, for any subject: bilingual term pairs
(`稀疏连接（sparse connectivity）`), abbreviations (`k-nearest neighbors (KNN)`) and sibling
terms (defined side by side, in one list, one comparison or one table). Grading uses them to
align answers with notes and to catch swapped terms; search can use the same pairs."""

from interviewer.terms.mined import MinedTerms, mine_terms
from interviewer.terms.pairs import abbreviations, term_pairs
from interviewer.terms.siblings import sibling_sets

__all__ = ["MinedTerms", "abbreviations", "mine_terms", "sibling_sets", "term_pairs"]
