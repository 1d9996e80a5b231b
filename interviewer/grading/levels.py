"""Which structured-output level works for an endpoint and model, remembered in the data dir
so later grades skip a step the server is known to reject."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Strongest first: structured output enforced by the server, then JSON mode + validation.
LEVELS: tuple[str, ...] = ("json_schema", "json_object")
FILE_NAME = "llm_levels.json"
# Servers get upgraded: after this long, try the stronger level again.
FORGET_AFTER_S = 7 * 24 * 3600
_lock = threading.Lock()


def endpoint_label(base_url: str | None) -> str:
    """The endpoint as safe to show and store: no user, password, query or fragment."""
    if not base_url:
        return "https://api.openai.com/v1"
    parts = urlsplit(base_url.strip())
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


class LevelMemory:
    """Per endpoint+model: the structured-output level to start from."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def start_level(self, endpoint: str, model: str) -> str:
        """The level to try first (the strongest unless a weaker one was recorded lately)."""
        entry = self._read().get(f"{endpoint} {model}")
        if not isinstance(entry, dict):
            return LEVELS[0]
        level, since = entry.get("level"), entry.get("since")
        if level not in LEVELS or not isinstance(since, (int, float)):
            return LEVELS[0]
        if time.time() - since > FORGET_AFTER_S:
            return LEVELS[0]
        return str(level)

    def remember(self, endpoint: str, model: str, level: str) -> None:
        """Record that `level` is the strongest one that works; best effort."""
        with _lock:
            data = self._read()
            data[f"{endpoint} {model}"] = {"level": level, "since": time.time()}
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
                os.replace(tmp, self.path)
            except OSError:
                # Only an optimisation: without it the next grade tries json_schema again.
                tmp.unlink(missing_ok=True)
