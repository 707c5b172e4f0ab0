"""The file index of the claims cache: a file whose status is as the index holds it is neither
read nor hashed; any other file is, and every run's results are those of a run without cache."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck import __version__
from numcheck import engine
from numcheck import file_index
from numcheck.api import Extracted
from numcheck.cache import ClaimsCache
from numcheck.reading.discover import InputError

TEXTS = {
    "a.txt": "The missile flies up to 190 miles (306 km), officials said.\n",
    "b.md": "# Storm\n\nWinds reached 120 mph (193 km/h) near the coast on Monday.\n",
}
# Same length as a.txt's text: an edit that keeps the size.
EDITED = "The missile flies up to 190 miles (360 km), officials said.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two files written more than the racy margin before the runs (the index's clock is set
    ahead, as if the files had been saved a while ago)."""
    monkeypatch.chdir(tmp_path)
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ahead = file_index.RACY_NANOSECONDS + 1_000_000_000
    monkeypatch.setattr(file_index, "now", lambda: time.time_ns() + ahead)
    return tmp_path


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the engine reads from now on."""
    reads: list[str] = []
    original = engine.read_source

    def counting(path: str, **options: object) -> str:
        reads.append(os.path.basename(path))
        return original(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "read_source", counting)
    return reads


def _run(names: list[str], cache: ClaimsCache | None) -> list[Extracted | InputError]:
    return engine.run([engine.Work(name) for name in names], cache=cache, file_index=True)


def _same_as_uncached(found: list[Extracted | InputError], names: list[str]) -> None:
    expected = _run(names, None)
    for record, reference in zip(found, expected, strict=True):
        if isinstance(reference, InputError):
            assert isinstance(record, InputError) and str(record) == str(reference)
        else:
            assert record == reference and record.document.source == reference.document.source
            assert (record.story, record.features, record.claim_count) == (
                reference.story,
                reference.features,
                reference.claim_count,
            )


def _keep_times(path: Path, change: Callable[[], None]) -> None:
    """``change()``, then the file's access and modification times put back as they were."""
    before = path.stat()
    change()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _edit_in_place(folder: Path) -> None:
    path = folder / "a.txt"
    _keep_times(path, lambda: path.write_text(EDITED, encoding="utf-8"))


def _replace(folder: Path) -> None:
    path, other = folder / "a.txt", folder / "a.new"
    other.write_text(EDITED, encoding="utf-8")
    info = path.stat()
    os.utime(other, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(other, path)


def _touch(folder: Path) -> None:
    os.utime(folder / "a.txt")


def _delete(folder: Path) -> None:
    (folder / "a.txt").unlink()


def _add(folder: Path) -> None:
    (folder / "c.txt").write_text("A crowd of 5,000 (5,000) people came.\n", encoding="utf-8")


def _damage_index(folder: Path) -> None:
    index = next((folder / "cache").glob(f"*/{file_index.NAME}"))
    index.write_bytes(b"not an index")


def _plant_index(folder: Path) -> None:
    """An index that asks for code when read (a cache folder planted in a repository)."""
    index = next((folder / "cache").glob(f"*/{file_index.NAME}"))
    index.write_bytes(b"cos\nsystem\n(S'echo planted'\ntR.")


@pytest.mark.parametrize(
    ("change", "names", "read"),
    [
        (None, ["a.txt", "b.md"], []),  # nothing changed: nothing read
        (_edit_in_place, ["a.txt", "b.md"], ["a.txt"]),  # same size, modification time put back
        (_replace, ["a.txt", "b.md"], ["a.txt"]),  # another file renamed over it, times kept
        (_touch, ["a.txt", "b.md"], ["a.txt"]),  # new times, same text: hashed, not extracted
        (_delete, ["a.txt", "b.md"], ["a.txt"]),  # gone: the error of a run without cache
        (_add, ["a.txt", "b.md", "c.txt"], ["c.txt"]),  # a new file
        (_damage_index, ["a.txt", "b.md"], ["a.txt", "b.md"]),
        (_plant_index, ["a.txt", "b.md"], ["a.txt", "b.md"]),
    ],
)
def test_only_files_whose_status_changed_are_read(
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None] | None,
    names: list[str],
    read: list[str],
) -> None:
    cache = ClaimsCache(folder / "cache")
    _run(["a.txt", "b.md"], cache)  # fills the cache and its index
    time.sleep(0.05)  # past the file system's clock tick: a change gets a new change time
    if change is not None:
        change(folder)
    reads = _reads(monkeypatch)
    found = _run(names, ClaimsCache(folder / "cache"))
    assert reads == read
    unread = [record for record in found if isinstance(record, Extracted)]
    assert all(repr(r).endswith("deferred)") for r in unread if r.path not in read)
    _same_as_uncached(found, names)
    reads.clear()
    again = _run(names, ClaimsCache(folder / "cache"))
    assert reads == [name for name in names if not (folder / name).exists()]  # all entered
    _same_as_uncached(again, names)


def test_a_file_read_later_is_checked_again_against_its_entry(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed between the look at its status and the reading of its document (a race
    the index cannot see) is extracted from the text read then, never given the old claims."""
    cache = ClaimsCache(folder / "cache")
    _run(["a.txt"], cache)
    (record,) = _run(["a.txt"], ClaimsCache(folder / "cache"))
    assert repr(record).endswith("deferred)")
    (folder / "a.txt").write_text(EDITED, encoding="utf-8")
    assert isinstance(record, Extracted)
    assert record.document.source == EDITED
    assert record.claims == _run(["a.txt"], None)[0].claims  # type: ignore[union-attr]


def test_a_file_written_just_before_the_run_is_not_entered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The racy rule: a file whose times are within the margin of the run's start may change
    again within the file system's time resolution; it is read by the next run too."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    cache = ClaimsCache(tmp_path / "cache")
    _run(["a.txt"], cache)
    assert str(tmp_path / "a.txt") not in cache.files.rows
    reads = _reads(monkeypatch)
    _run(["a.txt"], ClaimsCache(tmp_path / "cache"))
    assert reads == ["a.txt"]
    ahead = file_index.RACY_NANOSECONDS + 1_000_000_000
    monkeypatch.setattr(file_index, "now", lambda: time.time_ns() + ahead)  # two seconds on
    later = ClaimsCache(tmp_path / "cache")
    _run(["a.txt"], later)
    assert str(tmp_path / "a.txt") in later.files.rows


def test_the_index_of_another_version_is_never_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(["a.txt", "b.md"], ClaimsCache(folder / "cache"))
    monkeypatch.setattr("numcheck.cache.__version__", __version__ + ".post1")
    monkeypatch.setattr("numcheck.cache._fingerprint", lambda packs, figures: "0123456789abcdef")
    reads = _reads(monkeypatch)
    found = _run(["a.txt", "b.md"], ClaimsCache(folder / "cache"))
    assert reads == ["a.txt", "b.md"]
    _same_as_uncached(found, ["a.txt", "b.md"])
