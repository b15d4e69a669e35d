"""pages.ui's served data files: named by content, least recently used pruned first."""

from __future__ import annotations

import os

from pages import ui


def test_prune_keeps_the_most_recently_used_files(tmp_path):
    for age, name in enumerate(["new", "mid", "old", "oldest"]):
        path = tmp_path / f"{name}.json"
        path.write_bytes(b"x" * 100)
        os.utime(path, (1_000_000 - age * 10, 1_000_000 - age * 10))
    ui._prune(tmp_path, limit=500)  # 400 bytes: under the limit, nothing goes
    assert len(list(tmp_path.iterdir())) == 4
    ui._prune(tmp_path, limit=300)  # over: the oldest go until half the limit is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json"]


def test_served_text_is_named_by_content_and_checked(tmp_path, monkeypatch):
    monkeypatch.setattr(ui, "_file_server", lambda: (tmp_path, "/component/files"))
    url = ui.serve_text('{"a": 1}', ".json")
    assert url and url.startswith("/component/files/") and url.endswith(".json")
    assert ui.serve_text('{"a": 1}', ".json") == url  # same text, same file
    assert ui.serve_text('{"a": 2}', ".json") != url
    assert ui.served([url])
    (tmp_path / url.rsplit("/", 1)[-1]).unlink()
    assert not ui.served([url])  # gone: the caller renders its layer again
