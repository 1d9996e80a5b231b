"""The server pointer's rules when two machines rebuild at once: the pointer only moves
forward, a sweep drops only older generations, and a pointer left on a dropped collection
moves on to the newest finished one. An embedded client stands in for the server: the rules
are plain collection requests."""

from __future__ import annotations

import time
from pathlib import Path

import chromadb
import pytest

from interviewer.search.index_pointer import (
    newest_finished,
    read_server_pointer,
    sweep_server,
    write_server_pointer,
)

PREFIX = "interviewer-questions-"


@pytest.fixture
def client(tmp_path: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(
        path=str(tmp_path / "server"), settings=chromadb.Settings(anonymized_telemetry=False)
    )


def _generation(client: chromadb.ClientAPI, name: str, building: bool, age: float = 0) -> None:
    client.create_collection(
        f"{PREFIX}{name}", metadata={"building": building, "created": time.time() - age}
    )


def _names(client: chromadb.ClientAPI) -> list[str]:
    return sorted(c.name.removeprefix(PREFIX) for c in client.list_collections()
                  if c.name.startswith(PREFIX))


def test_an_older_switch_does_not_move_the_pointer_back(client: chromadb.ClientAPI) -> None:
    _generation(client, "20261205-b", building=False)
    _generation(client, "20261205-a", building=False)
    assert write_server_pointer(client, PREFIX, "20261205-b") == "20261205-b"
    assert write_server_pointer(client, PREFIX, "20261205-a") == "20261205-b"
    assert read_server_pointer(client) == "20261205-b"


def test_a_pointer_to_a_dropped_collection_moves_to_the_newest_finished(
    client: chromadb.ClientAPI,
) -> None:
    # The interleaving CI once hit: one machine names its generation just after the other's
    # sweep dropped it.
    _generation(client, "20261205-b", building=False)
    assert write_server_pointer(client, PREFIX, "20261205-a") == "20261205-b"
    assert read_server_pointer(client) == "20261205-b"


def test_a_sweep_drops_only_older_finished_or_dead_generations(
    client: chromadb.ClientAPI,
) -> None:
    _generation(client, "1-old-finished", building=False)
    _generation(client, "2-old-building", building=True)
    _generation(client, "3-old-dead", building=True, age=7200)
    _generation(client, "5-keep", building=False)
    _generation(client, "6-newer-finished", building=False)
    _generation(client, "7-newer-building", building=True)
    sweep_server(client, PREFIX, "5-keep")
    assert _names(client) == ["2-old-building", "5-keep", "6-newer-finished",
                              "7-newer-building"]
    assert newest_finished(client, PREFIX) == "6-newer-finished"
