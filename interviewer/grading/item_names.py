"""What tells the items of a list apart by name, when each opens with a label naming its own
thing. Items of one kind share most of their words ("volatile-lru" and "allkeys-lru" both
evict keys by LRU; "缓存穿透" and "缓存击穿" both send requests to the database), so only the
name an answer writes tells which item it speaks of."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from interviewer.grading.claims import thing_label

# A code name: words joined by "-", "_", "." or ":" ("allkeys-lru", "max_depth"), or mixed case
# inside a word ("ETag", "useMemo").
_CODE_NAME = re.compile(r"^[A-Za-z0-9]+(?:[-_.:][A-Za-z0-9]+)+$|[a-z][A-Z]|[A-Z]{2}[a-z]")
_HAN = re.compile(r"^[\u4e00-\u9fff]{3,8}$")
# Chinese names of one family share a head or a tail this long ("缓存" of 缓存穿透 / 缓存击穿,
# "管理" of 文件管理 / 进程管理); what is left (穿透, 击穿) is the name an answer must write.
SHARED_CHARS = 2
# The words of a code name, between its "-", "_", "." or ":".
_CODE_WORD = re.compile(r"[A-Za-z0-9]+")


def item_names(texts: Sequence[str]) -> list[str]:
    """For each text, the name an answer must write to speak of it, else "": a code name
    its label gives, or the part of a Chinese label that sets it apart from the other labels
    of its family. A label two texts share names nothing."""
    labels = [thing_label(text) for text in texts]
    counts = Counter(labels)
    han = [label if counts[label] == 1 and _HAN.match(label) else "" for label in labels]
    code = [label if counts[label] == 1 and _CODE_NAME.search(label) else "" for label in labels]
    family = [c for c in code if c]
    names = []
    for at, label in enumerate(labels):
        if code[at]:
            names.append(_code_apart(label, family))
        elif han[at]:
            names.append(_apart(han[at], [h for i, h in enumerate(han) if h and i != at]))
        else:
            names.append("")
    return names


def _apart(label: str, others: Sequence[str]) -> str:
    """The label less the head or tail it shares with every other of its family ("击穿" of
    "缓存击穿" beside "缓存穿透", "串行" of "串行回收器" beside "并行回收器" and "并发回收器"), or
    "" when it has no family or too little is left."""
    kin = [o for o in others if o[:SHARED_CHARS] == label[:SHARED_CHARS]]
    if kin:
        rest = label[_shared([label, *kin]):]
    else:
        kin = [o[::-1] for o in others if o[-SHARED_CHARS:] == label[-SHARED_CHARS:]]
        rest = label[:len(label) - _shared([label[::-1], *kin])] if kin else ""
    return rest if len(rest) >= 2 else ""


def _code_apart(label: str, family: Sequence[str]) -> str:
    """The code name less the words every name of its family shares at its head or tail
    ("relaxed" of "memory_order_relaxed" beside "memory_order_seq_cst"): answers drop the
    family's prefix, and what is left still tells the items apart. A family whose names
    share no head or tail ("volatile-lru", "allkeys-lru", "volatile-ttl") keeps them whole."""
    if len(family) < 2:
        return label
    words = [[w.lower() for w in _CODE_WORD.findall(name)] for name in family]
    head = _shared(words)
    tail = _shared([w[::-1] for w in words])
    own = list(_CODE_WORD.finditer(label))[head:len(_CODE_WORD.findall(label)) - tail]
    return label[own[0].start():own[-1].end()] if own else label


def _shared(words: Sequence[Sequence[str]]) -> int:
    """How many leading characters (or words, of word lists) all the words share."""
    return next((i for i, chars in enumerate(zip(*words, strict=False)) if len(set(chars)) > 1),
                min(len(w) for w in words))
