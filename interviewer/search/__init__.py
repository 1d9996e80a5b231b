"""The search stack: chunking, embeddings, the Chroma index, BM25 and hybrid retrieval.

Importing it loads no heavy library: chromadb, jieba and the embedding models are imported
inside the functions that need them."""

from interviewer.search.retriever import Retriever, SearchHit, open_retriever, prepare_query

__all__ = ["Retriever", "SearchHit", "open_retriever", "prepare_query"]
