"""The claims cache: keyed by text and fingerprint, written atomically, never trusted blindly."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest

from numcheck import api
from numcheck import cache as cache_module
from numcheck import rulepacks
from numcheck.api import extract_text
from numcheck.cache import ClaimsCache
from numcheck.cache import fingerprint

ROOT = Path(__file__).resolve().parent.parent
TEXT = "The missile flies up to 190 miles (306 km), officials said.\n"


@pytest.fixture
def clean_packs(monkeypatch: pytest.MonkeyPatch):
    """Rule pack folders added in a test are forgotten after it."""
    monkeypatch.setattr(rulepacks, "_extra_dirs", [])
    rulepacks.load_kind.cache_clear()
    yield
    rulepacks.load_kind.cache_clear()


def _stored(cache: ClaimsCache, path: str = "a.txt", text: str = TEXT) -> str:
    key = cache.key(path, text)
    cache.store(key, extract_text(path, text))
    return key


@pytest.mark.parametrize("text", [TEXT, (ROOT / "seeds" / "000_28260951cb8ab5bc.txt").read_text()])
def test_an_entry_comes_back_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    cache = ClaimsCache(tmp_path)
    key = _stored(cache, text=text)
    fresh = extract_text("a.txt", text)

    def not_again(path: str, text: str) -> None:
        raise AssertionError("extracted again instead of read from the entry")

    monkeypatch.setattr(api, "extract_text", not_again)
    found = cache.load(key, "a.txt", text)
    assert found is not None
    assert repr(found) == "Extracted('a.txt', deferred)"  # nothing but its head read yet
    assert (found.path, found.story, found.features, found.claim_count) == (
        "a.txt",
        None,
        fresh.features,
        len(fresh.claims),
    )
    assert found == fresh and found.document.source == text
    assert [p.name for p in (tmp_path / cache.entries.name / key[:2]).iterdir()] == [key]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (("a.txt", TEXT), ("b.txt", TEXT), True),  # the path is not part of the key
        (("a.txt", TEXT), ("a/b/c.text", TEXT), True),
        (("a.txt", TEXT), ("a.md", TEXT), False),  # Markdown is read differently
        (("a.md", TEXT), ("b.markdown", TEXT), True),
        (("a.txt", TEXT), ("a.txt", TEXT + " "), False),
        (("a.txt", TEXT), ("a.txt", TEXT.replace("306", "360")), False),
    ],
)
def test_keys(first: tuple[str, str], second: tuple[str, str], same: bool) -> None:
    assert (ClaimsCache.key(*first) == ClaimsCache.key(*second)) is same


def test_the_fingerprint_follows_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint()
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    cache_module._fingerprint.cache_clear()
    try:
        assert fingerprint() != before
    finally:
        cache_module._fingerprint.cache_clear()


def test_the_fingerprint_follows_the_figure_limit() -> None:
    from numcheck.extraction import limit

    try:
        prints = []
        for figures in (None, 10, 11, limit.DEFAULT_FIGURE_LIMIT):
            limit.set_figure_limit(figures)
            prints.append(fingerprint())
        assert len(set(prints)) == 4
        limit.set_figure_limit(0)  # no limit, as None
        assert fingerprint() == prints[0]
    finally:
        limit.set_figure_limit(limit.DEFAULT_FIGURE_LIMIT)


def test_the_fingerprint_follows_the_rule_packs(tmp_path: Path, clean_packs: None) -> None:
    builtin = fingerprint()
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "words.yaml").write_text("kind: qualifiers\nupper-bound: [at the very most]\n")
    rulepacks.add_pack_dirs([str(pack)])
    added = fingerprint()
    assert added != builtin
    (pack / "words.yaml").write_text("kind: qualifiers\nupper-bound: [no more than]\n")
    cache_module._fingerprint.cache_clear()
    assert fingerprint() not in (builtin, added)
    assert ClaimsCache(tmp_path).entries.name.endswith(fingerprint())


def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    cache = ClaimsCache(tmp_path)
    key = _stored(cache)
    entry = cache.entries / key[:2] / key
    whole = entry.read_bytes()
    entry.write_bytes(whole[:8])
    assert cache.load(key, "a.txt", TEXT) is None
    _stored(cache)
    assert cache.load(key, "a.txt", TEXT) == extract_text("a.txt", TEXT)


@pytest.mark.parametrize("damage", ["truncated", "removed"])
def test_a_body_lost_after_its_head_was_read_is_extracted_again(
    tmp_path: Path, damage: str
) -> None:
    cache = ClaimsCache(tmp_path)
    key = _stored(cache)
    entry = cache.entries / key[:2] / key
    found = cache.load(key, "a.txt", TEXT)
    if damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:-40])
    else:
        entry.unlink()
    assert found == extract_text("a.txt", TEXT)


class _Planted:
    """What a hostile entry would run when unpickled."""

    def __reduce__(self):
        return (os.system, ("touch planted",))


def test_an_entry_that_asks_for_code_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cache = ClaimsCache(tmp_path / "cache")
    key = _stored(cache)
    (cache.entries / key[:2] / key).write_bytes(pickle.dumps(_Planted()))
    assert cache.load(key, "a.txt", TEXT) is None
    assert not (tmp_path / "planted").exists()


def test_only_numcheck_data_classes_are_built() -> None:
    assert cache_module._data_class("numcheck.extraction.claims", "Claim").__name__ == "Claim"
    for module, name in [
        ("numcheck.fixes", "write_fixed"),  # a function
        ("numcheck.cache", "ClaimsCache"),  # a class that is not data
        ("builtins", "eval"),
        ("os", "system"),
    ]:
        with pytest.raises(pickle.UnpicklingError):
            cache_module._data_class(module, name)


def test_folders_of_other_fingerprints_unused_for_a_week_are_removed(tmp_path: Path) -> None:
    old, recent = tmp_path / "0.0.1-aaaa", tmp_path / "0.0.2-bbbb"
    for folder in (old, recent):
        (folder / "ab").mkdir(parents=True)
    week_ago = time.time() - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    (tmp_path / "notes").mkdir()
    os.utime(tmp_path / "notes", (week_ago, week_ago))
    _stored(ClaimsCache(tmp_path))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        [".gitignore", "CACHEDIR.TAG", "0.0.2-bbbb", "notes", fingerprint_name()]
    )


def fingerprint_name() -> str:
    return f"{cache_module.__version__}-{fingerprint()}"
