"""Configuration: ``[tool.numcheck]`` in ``pyproject.toml``, or a ``.numcheck.toml``.

The file is found by walking up from the checked paths: in each folder ``.numcheck.toml`` is
tried before ``pyproject.toml``, a ``pyproject.toml`` without a ``[tool.numcheck]`` table is
passed over, and the first file found is the only one read (files do not merge). In a
``.numcheck.toml`` the keys sit at the top level (a ``[tool.numcheck]`` table is accepted too).

Paths in ``corpus``, ``rules`` and ``stories`` are relative to the folder of the config file.
A per-check table is named by the rule's name or code (``[tool.numcheck.conversion-mismatch]``)
and is validated by the check's own ``options``. Every problem is a ``ConfigError`` with one
line naming the file, the key and what is allowed.
"""

from __future__ import annotations

import os
import re
import reprlib
import tomllib
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from typing import TYPE_CHECKING
from typing import Any

from numcheck.extraction.limit import DEFAULT_FIGURE_LIMIT
from numcheck.reading.discover import DEFAULT_INCLUDE
from numcheck.reading.discover import MAX_FILE_BYTES

if TYPE_CHECKING:
    from numcheck.checks import Check

CONFIG_FILES = (".numcheck.toml", "pyproject.toml")
GLOB_KEYS = ("include", "exclude", "corpus")
LEVELS = ("error", "warning", "note")
LIST_KEYS = ("select", "ignore", "include", "exclude", "corpus", "rules", "skip-scopes")
KEYS = (
    "select",
    "ignore",
    "fail-level",
    "include",
    "exclude",
    "corpus",
    "rules",
    "stories",
    "skip-scopes",
    "respect-gitignore",
    "max-file-size",
    "max-figures",
)
_SIZE_UNITS = {"": 1024 * 1024, "B": 1, "K": 1024, "M": 1024 * 1024, "G": 1024**3}
_SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>(?:[KMG]i?)?B|[KMG]|)", re.IGNORECASE)


class ConfigError(Exception):
    """A config file that cannot be read or does not validate; the message is one line."""


@dataclass(frozen=True)
class Config:
    """Settings of a run; the defaults apply where no file (or no key) says otherwise."""

    path: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_level: str = "warning"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    corpus: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    skip_scopes: tuple[str, ...] = ()
    respect_gitignore: bool = True
    stories: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Set from the command line only: corpus and stories globs may read outside the project.
    allow_outside: bool = False
    max_file_size: int = MAX_FILE_BYTES
    max_figures: int = DEFAULT_FIGURE_LIMIT  # 0: no limit

    @property
    def root(self) -> str:
        """The folder that relative paths in the file start from (the working folder if none)."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def override(self, **values: Any) -> Config:
        """This config with the values given on the command line (None means not given)."""
        given = {key: value for key, value in values.items() if value is not None}
        for key in ("select", "ignore", "include", "exclude", "rules"):
            if key in given:
                given[key] = tuple(given[key])
        for key in ("include", "exclude"):
            for pattern in given.get(key, ()):
                _check_glob(f"--{key}", pattern)
        if "rules" in given:
            given["rules"] = (*self.rules, *given["rules"])
        return replace(self, **given)


def load_config(paths: Sequence[str], *, config_file: str | None = None) -> Config:
    """The config for a run over ``paths``: ``config_file`` if given, else the first found."""
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise ConfigError(f"{config_file}: config file not found")
        return read_config(config_file, required=True) or Config(path=config_file)
    for path in paths or ["."]:
        found = _find_from(os.getcwd() if path == "-" else path)
        if found is not None:
            return found
    return Config()


def _find_from(path: str) -> Config | None:
    folder = os.path.abspath(path)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                config = read_config(candidate, required=name != "pyproject.toml")
                if config is not None:
                    return config
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def read_config(path: str, *, required: bool) -> Config | None:
    """Read one file; None for a ``pyproject.toml`` without ``[tool.numcheck]``."""
    shown = shown_path(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{shown}: invalid TOML ({error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not valid UTF-8") from None
    except RecursionError:
        raise ConfigError(f"{shown}: values nested too deeply") from None
    if os.path.basename(path) == "pyproject.toml" or set(data) == {"tool"}:
        tool = data.get("tool", {})
        table = tool.get("numcheck") if isinstance(tool, dict) else None
        prefix = "tool.numcheck"
    else:
        table, prefix = data, ""
    if table is None:
        return None if not required else Config(path=path)
    if not isinstance(table, dict):
        raise ConfigError(f"{shown}: [{prefix}] must be a table")
    return _parse(path, shown, prefix, table)


def shown_path(path: str) -> str:
    """The path as messages show it: relative to the working folder when inside it."""
    if os.path.isabs(path):  # the common case, without os.path.relpath's work
        inside, normal = os.path.join(os.getcwd(), ""), os.path.normpath(path)
        if normal.startswith(inside):
            return normal[len(inside) :].replace(os.sep, "/")
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def _parse(path: str, shown: str, prefix: str, table: dict[str, Any]) -> Config:
    where = f" in [{prefix}]" if prefix else ""
    root = os.path.dirname(os.path.abspath(path))
    values: dict[str, Any] = {"path": path}
    check_tables: dict[str, tuple[type[Check], dict[str, Any]]] = {}
    for key, value in table.items():
        if key in LIST_KEYS:
            values[key.replace("-", "_")] = _strings(shown, key, value, where)
        elif key == "fail-level":
            if value not in LEVELS:
                allowed = ", ".join(LEVELS)
                raise ConfigError(
                    f"{shown}: 'fail-level'{where} must be one of {allowed}, not {_repr(value)}"
                )
            values["fail_level"] = value
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{shown}: 'respect-gitignore'{where} must be true or false")
            values["respect_gitignore"] = value
        elif key == "stories":
            values["stories"] = _stories(shown, value, where)
        elif key == "max-file-size":
            try:
                values["max_file_size"] = parse_size(value)
            except ValueError as error:
                raise ConfigError(f"{shown}: 'max-file-size'{where} {error}") from None
        elif key == "max-figures":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(
                    f"{shown}: 'max-figures'{where} must be a whole number, 0 for no limit, "
                    f"not {_repr(value)}"
                )
            values["max_figures"] = value
        elif isinstance(value, dict) and (check := _rule_table(key)) is not None:
            check_tables[key] = (check, value)
        else:
            raise ConfigError(f"{shown}: unknown key '{key}'{where} (allowed: {_allowed_keys()})")
    _check_rule_names(shown, values, where)
    _check_scopes(shown, values.get("skip_scopes", ()), where)
    values["settings"] = _check_settings(shown, prefix, check_tables)
    values["rules"] = _rule_dirs(shown, root, values.get("rules", ()), where)
    return Config(**values)


def parse_size(value: Any) -> int:
    """A size in bytes from a number of megabytes (``20``, ``0.5``) or a string with a unit
    (``"500KB"``, ``"20MB"``, ``"1GB"``; units of 1024, as numcheck's messages count them)."""
    wrong = f'must be a size such as 20 (megabytes) or "500KB", not {value!r}'
    if isinstance(value, bool):
        raise ValueError(wrong)
    if isinstance(value, int | float):
        number, unit = float(value), ""
    elif isinstance(value, str) and (found := _SIZE.fullmatch(value.strip())):
        number, unit = float(found["number"]), found["unit"].upper()
    else:
        raise ValueError(wrong)
    size = number * _SIZE_UNITS[unit.removesuffix("IB").removesuffix("B") or unit]
    if not 1 <= size < 2**63:
        raise ValueError(f"must be a positive size, not {value!r}")
    return int(size)


def _strings(shown: str, key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{shown}: '{key}'{where} must be a list of strings, not {_repr(value)}")
    if key in GLOB_KEYS or key.startswith("stories."):
        for pattern in value:
            _check_glob(f"{shown}: '{key}'{where}", pattern)
    return tuple(value)


def _repr(value: Any) -> str:
    """A value for a message: short, whatever its size or depth."""
    return reprlib.repr(value)


def _check_glob(where: str, pattern: str) -> None:
    from numcheck.reading.globs import check_glob

    problem = check_glob(pattern)
    if problem is not None:
        raise ConfigError(f"{where}: {problem}")


def _stories(shown: str, value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(
            f"{shown}: 'stories'{where} must be a table of story name = [globs], not {_repr(value)}"
        )
    return {
        str(name): _strings(shown, f"stories.{name}", globs, where) for name, globs in value.items()
    }


def _check_rule_names(shown: str, values: dict[str, Any], where: str) -> None:
    from numcheck.checks import CheckError
    from numcheck.checks import selected_checks

    for key in ("select", "ignore"):
        for pattern in values.get(key, ()):
            try:
                selected_checks([pattern])
            except CheckError:
                raise ConfigError(
                    f"{shown}: unknown rule '{pattern}' in '{key}'{where} "
                    "(allowed: a rule code, code prefix or name, or ALL; see `numcheck rules`)"
                ) from None


def _check_scopes(shown: str, scopes: Sequence[str], where: str) -> None:
    from numcheck.reading.scopes import KINDS

    for scope in scopes:
        if scope not in KINDS:
            raise ConfigError(
                f"{shown}: unknown scope '{scope}' in 'skip-scopes'{where} "
                f"(allowed: {', '.join(KINDS)})"
            )


def _check_settings(
    shown: str, prefix: str, tables: dict[str, tuple[type[Check], dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    from numcheck.checks import CheckError

    settings: dict[str, dict[str, Any]] = {}
    for key, (check, options) in tables.items():
        section = f"[{prefix}.{key}]" if prefix else f"[{key}]"
        if check.name in settings:
            raise ConfigError(
                f"{shown}: {section} repeats the settings of {check.code} {check.name}"
            )
        try:
            check(options)
        except CheckError as error:
            raise ConfigError(f"{shown}: {error} (in {section})") from None
        settings[check.name] = dict(options)
    return settings


def _rule_table(key: str) -> type[Check] | None:
    """The check a per-check table is named after (by code or name), if any."""
    from numcheck.checks import all_checks

    for check in all_checks():
        if check.configurable and (key.upper() == check.code or key.lower() == check.name):
            return check
    return None


def _allowed_keys() -> str:
    from numcheck.checks import all_checks

    rules = ", ".join(f"[{check.name}]" for check in all_checks() if check.configurable)
    return f"{', '.join(KEYS)}; rule tables: {rules}"


def _rule_dirs(shown: str, root: str, dirs: Sequence[str], where: str) -> tuple[str, ...]:
    resolved = []
    for directory in dirs:
        full = os.path.normpath(os.path.join(root, directory))
        if not os.path.isdir(full):
            raise ConfigError(
                f"{shown}: 'rules'{where}: rule pack directory '{directory}' not found"
            )
        resolved.append(full)
    return tuple(resolved)
