"""Load the YAML rule packs: the built-in ones in ``rules/`` and any the user adds.

A pack is a YAML mapping with a ``kind`` that says which validator reads it. A broken pack
raises RulePackError with its file (and line, where YAML knows it); no traceback reaches users.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

KINDS = ("units", "currencies", "qualifiers", "subjects", "frames")
_extra_dirs: list[str] = []


class RulePackError(Exception):
    """A rule pack that cannot be read or does not validate."""


def add_pack_dirs(dirs: Iterable[str]) -> None:
    """Make user packs in ``dirs`` extend the built-in ones (before first use)."""
    for directory in dirs:
        if not Path(directory).is_dir():
            raise RulePackError(f"{directory}: rule pack directory not found")
        if directory not in _extra_dirs:
            _extra_dirs.append(directory)
    load_kind.cache_clear()


def pack_dirs() -> tuple[str, ...]:
    """The user pack folders added so far, in order."""
    return tuple(_extra_dirs)


def _builtin_files() -> list[tuple[str, str]]:
    folder = resources.files("numcheck.rules")
    return [
        (f"rules/{entry.name}", entry.read_text(encoding="utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda item: item.name)
        if entry.name.endswith(".yaml")
    ]


def _user_files() -> list[tuple[str, str]]:
    found = []
    for directory in _extra_dirs:
        for path in sorted(Path(directory).glob("*.yaml")):
            try:
                found.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                raise RulePackError(f"{path}: cannot read rule pack ({error})") from None
    return found


def every_pack_file() -> list[tuple[str, str]]:
    """Every rule pack file in use, built-in first, as (file name, text) pairs."""
    return _builtin_files() + _user_files()


def parse_pack(name: str, text: str) -> dict[str, Any]:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader either way
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise RulePackError(f"{name}{where}: {problem}") from None
    if not isinstance(data, dict):
        raise RulePackError(f"{name}: a rule pack must be a mapping with a 'kind' key")
    kind = data.get("kind")
    if kind not in KINDS:
        raise RulePackError(f"{name}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    return data


def pack_files(kind: str) -> list[tuple[str, str]]:
    """The files of every pack of one kind, built-in first, as (path, text): the installed
    path of a built-in pack (what ``numcheck rules --show-pack`` prints)."""
    folder = resources.files("numcheck.rules")
    found = []
    for name, text in every_pack_file():
        if parse_pack(name, text)["kind"] == kind:
            builtin = name.startswith("rules/") and (folder / name.removeprefix("rules/"))
            found.append((str(builtin) if builtin else name, text))
    return found


def installed_path(name: str) -> str:
    """Where a built-in pack named as in the repository (``rules/subjects.yaml``) is installed."""
    return str(resources.files("numcheck.rules") / name.removeprefix("rules/"))


@functools.cache
def load_kind(kind: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """Every pack of one kind, built-in first, as (file name, data) pairs."""
    packs = []
    for name, text in every_pack_file():
        data = parse_pack(name, text)
        if data["kind"] == kind:
            packs.append((name, data))
    return tuple(packs)


def require(name: str, value: Any, expected: type | tuple[type, ...], where: str) -> Any:
    """Validate one value of a pack, naming the file and the key on failure."""
    if not isinstance(value, expected):
        kinds = expected if isinstance(expected, tuple) else (expected,)
        wanted = " or ".join(kind.__name__ for kind in kinds)
        raise RulePackError(f"{name}: '{where}' must be a {wanted}, not {type(value).__name__}")
    return value


def string_list(name: str, value: Any, where: str) -> list[str]:
    items = require(name, [] if value is None else value, list, where)
    for item in items:
        require(name, item, (str, int, float), where)
    return [str(item) for item in items]
