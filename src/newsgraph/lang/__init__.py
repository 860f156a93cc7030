"""Language packs: what newsgraph knows about a language, kept as data.

Each supported language has a folder here (``it/``, ``en/``, ...) with a
``pack.yaml`` (code, name) and one YAML file per pipeline stage
(``cleaning.yaml``, ...).  Adding a language means adding a folder; the
algorithms that read the packs do not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from newsgraph.errors import ConfigError


@dataclass(frozen=True, slots=True)
class CleaningData:
    """What the cleaning stage needs from a language."""

    sentence_starters: frozenset[str]
    boilerplate: re.Pattern[str] | None
    abbreviations: frozenset[str] = frozenset()

    def is_boilerplate(self, line: str) -> bool:
        return bool(self.boilerplate and self.boilerplate.fullmatch(line.strip()))


@dataclass(frozen=True, slots=True)
class LanguagePack:
    code: str
    name: str
    cleaning: CleaningData


_BOOL = "tag:yaml.org,2002:bool"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (its C parser when it has one: ten times faster) where only
    true/false are booleans, as in YAML 1.2: word lists hold "Yes", "No", "On" and "NO"
    (Novara, Norway) as words, not as YAML 1.1's booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(text: str) -> Any:
    """Parse YAML safely; only true/false are booleans (``_Loader``)."""
    return yaml.load(text, Loader=_Loader)


def _load_yaml(code: str, name: str) -> dict[str, Any]:
    resource = resources.files(__name__).joinpath(code, name)
    if not resource.is_file():
        return {}
    data = load_yaml(resource.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"language pack file lang/{code}/{name} must hold a mapping")
    return data


def _cleaning(items: list[dict[str, Any]]) -> CleaningData:
    starters: set[str] = set()
    patterns: list[str] = []
    abbreviations: set[str] = set()
    for data in items:
        starters.update(str(w) for w in data.get("sentence_starters") or ())
        patterns.extend(str(p) for p in data.get("boilerplate_lines") or ())
        abbreviations.update(str(w).casefold() for w in data.get("abbreviations") or ())
    compiled = re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
    return CleaningData(frozenset(starters), compiled, frozenset(abbreviations))


@cache
def supported_languages() -> tuple[str, ...]:
    """ISO 639-1 codes of the languages that have a pack, sorted."""
    root = resources.files(__name__)
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("pack.yaml").is_file())
    )


@cache
def get_pack(code: str) -> LanguagePack:
    """The pack of language ``code``; :class:`ConfigError` if there is none."""
    if code not in supported_languages():
        raise ConfigError(
            f"no language pack for {code!r}; supported languages: "
            f"{', '.join(supported_languages())}"
        )
    meta = _load_yaml(code, "pack.yaml")
    return LanguagePack(
        code=code,
        name=str(meta.get("name", code)),
        cleaning=_cleaning([_load_yaml(code, "cleaning.yaml")]),
    )


def word_set(data: dict[str, Any], key: str) -> frozenset[str]:
    """The words listed under ``key`` in a pack file, case-folded."""
    return frozenset(str(w).casefold() for w in data.get(key) or ())


@cache
def pack_data(code: str, stage: str) -> dict[str, Any]:
    """The raw data of one stage file (``events``, ``titles``, ...) of a pack; empty if none."""
    if code not in supported_languages():
        return {}
    return _load_yaml(code, f"{stage}.yaml")


@cache
def any_language_cleaning() -> CleaningData:
    """Cleaning data of all packs together, for text whose language is not known yet."""
    return _cleaning([_load_yaml(code, "cleaning.yaml") for code in supported_languages()])


def cleaning_for(lang: str) -> CleaningData:
    """The cleaning data of ``lang``, or of all packs together when it has none (``und``)."""
    return get_pack(lang).cleaning if lang in supported_languages() else any_language_cleaning()
