"""The actor knowledge base: states, international organisations and people.

Shipped data lives in ``kb/data/`` (YAML, see ``docs/data-formats.md``);
states come from CLDR and ISO 3166.  :class:`KnowledgeBase` answers two
questions: which actors a run of words may name (:meth:`lookup`), and who
held an office on a day (:meth:`holders`).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsgraph.errors import ConfigError
from newsgraph.kb.model import Entry, EntryKind, Role
from newsgraph.kb.states import build_states
from newsgraph.lang import load_yaml, supported_languages
from newsgraph.text import tokenize

__all__ = [
    "Entry",
    "KnowledgeBase",
    "Role",
    "add_user_file",
    "default_kb",
    "lookup_name",
    "norm_key",
    "user_kb_dir",
]

KB_CACHE_VERSION = 4
ROLE_KEYS = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "leader"}
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


@lru_cache(maxsize=1 << 17)  # the words of a language's news repeat: look each up once
def _norm_word(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(_QUOTES).casefold()


def norm_key(words: Iterable[str]) -> tuple[str, ...]:
    """The lookup key of a run of words: NFC, case-folded, straight apostrophes."""
    return tuple(map(_norm_word, words))


def phrase_key(text: str) -> tuple[str, ...]:
    """The lookup key of a name or phrase: its tokens, normalised with :func:`norm_key`."""
    return norm_key(t.text for t in tokenize(text))


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def _roles(items: Any, where: str) -> tuple[Role, ...]:
    roles = []
    for r in items or ():
        if r.get("role") not in ROLE_KEYS:
            raise ConfigError(
                f"{where}: unknown role {r.get('role')!r}; "
                f"use one of {', '.join(sorted(ROLE_KEYS))}"
            )
        roles.append(
            Role(
                r["role"],
                r.get("country"),
                r.get("org"),
                r.get("title"),
                _date(r.get("start")),
                _date(r.get("end")),
            )
        )
    return tuple(roles)


def entries_from_data(data: Any, *, kind: EntryKind, where: str) -> list[Entry]:
    """Entries from the YAML/JSON structure of a people or organisations file."""
    if not isinstance(data, list):
        raise ConfigError(f"{where} must hold a list of entries (see docs/data-formats.md)")
    entries = []
    for i, d in enumerate(data):
        if not isinstance(d, dict) or not d.get("id") or not d.get("name"):
            raise ConfigError(f"{where}: entry {i + 1} needs at least an 'id' and a 'name'")
        entries.append(
            Entry(
                id=str(d["id"]),
                name=str(d["name"]),
                kind=kind,
                country=d.get("country"),
                aliases=tuple(str(a) for a in d.get("aliases") or ()),
                roles=_roles(d.get("roles"), f"{where}: {d['id']}"),
                full_name=d.get("full_name"),
                parent=d.get("parent"),
                seat=d.get("seat"),
            )
        )
    return entries


class KnowledgeBase:
    """Actors by id, an index of their names, and offices by role."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        self._index: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._roles: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
        self.max_words = 1
        self.max_by_first: dict[str, int] = {}
        self.first_names: set[str] = set()  # of the people, to tell unknown names apart
        self.seats: dict[str, str] = {}  # a capital's English name -> the actor it stands for
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        """Add ``entry``; an entry with a known id merges names and roles into it."""
        old = self.entries.get(entry.id)
        if old is not None:
            entry = Entry(
                id=old.id,
                name=old.name,
                kind=old.kind,
                country=old.country or entry.country,
                aliases=tuple(dict.fromkeys((*old.aliases, *entry.all_names()))),
                roles=tuple(dict.fromkeys((*old.roles, *entry.roles))),
                full_name=old.full_name or entry.full_name,
                parent=old.parent or entry.parent,
                capital=old.capital or entry.capital,
                seat=old.seat or entry.seat,
            )
        self.entries[entry.id] = entry
        if entry.seat:
            self.seats[entry.seat] = entry.id
        for name in entry.all_names():
            key = phrase_key(name)
            if key:
                self._index[key].add(entry.id)
                self.max_words = max(self.max_words, len(key))
                self.max_by_first[key[0]] = max(self.max_by_first.get(key[0], 0), len(key))
        if entry.kind == "PER":
            if len(entry.name.split()) >= 2:
                self.first_names.add(entry.name.split()[0].casefold())
            for name in entry.all_names():
                words = [t.text for t in tokenize(name) if t.text[:1].isalpha()]
                if len(words) >= 2 and words[-1][:1].isupper():
                    self._surnames[norm_key([words[-1]])[0]].add(entry.id)
        for role in entry.roles:
            scope = role.country or role.org or ""
            if (role, entry.id) not in self._roles[(role.role, scope)]:
                self._roles[(role.role, scope)].append((role, entry.id))

    def lookup(self, words: Iterable[str]) -> set[str]:
        """Ids of the entries one of whose names is exactly ``words``."""
        return self.lookup_key(norm_key(words))

    def lookup_key(self, key: tuple[str, ...]) -> set[str]:
        """:meth:`lookup` for words already normalised with :func:`norm_key`."""
        return set(self._index.get(key, ()))

    def by_surname(self, word: str) -> set[str]:
        """Ids of the people whose name ends in ``word``."""
        return set(self._surnames.get(norm_key([word])[0], ()))

    def holders(self, role: str, *, scope: str, on: str | None) -> list[str]:
        """Who held ``role`` for ``scope`` (a country code or organisation id) on ``on``."""
        found = [pid for r, pid in self._roles.get((role, scope), ()) if on is None or r.covers(on)]
        return list(dict.fromkeys(found))

    def roles_of(self, entry_id: str, *, on: str | None) -> list[Role]:
        entry = self.entries.get(entry_id)
        if entry is None:
            return []
        return [r for r in entry.roles if on is None or r.covers(on)]

    def load_file(self, path: str | Path) -> int:
        """Add the entries of a user file (YAML or JSON; people or organisations)."""
        p = Path(path)
        try:
            data = load_yaml(p.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read the knowledge-base file {p}: {exc}") from exc
        if isinstance(data, dict):  # {"people": [...], "organisations": [...]}
            groups: list[tuple[EntryKind, Any]] = [
                ("PER", data.get("people") or []),
                ("ORG", data.get("organisations") or data.get("orgs") or []),
            ]
        elif isinstance(data, list):  # a list: people have roles (or type PER)
            groups = [("PER", [d for d in data if _is_person(d)]),
                      ("ORG", [d for d in data if not _is_person(d)])]  # fmt: skip
        else:
            raise ConfigError(f"{p} must hold a list of entries (see docs/data-formats.md)")
        count = 0
        for kind, items in groups:
            for entry in entries_from_data(items, kind=kind, where=str(p)):
                self.add(entry)
                count += 1
        return count


def _is_person(d: Any) -> bool:
    return isinstance(d, dict) and (bool(d.get("roles")) or d.get("type") == "PER")


def _data(name: str) -> Any:
    return load_yaml(resources.files(__name__).joinpath("data", name).read_text("utf-8"))


def user_kb_dir() -> Path:
    """Where ``newsgraph kb add`` keeps a user's own entries ($NEWSGRAPH_KB_DIR)."""
    import os

    default = Path.home() / ".local" / "share" / "newsgraph" / "kb"
    return Path(os.environ.get("NEWSGRAPH_KB_DIR") or default)


def _sources() -> list[Path]:
    data = Path(str(resources.files(__name__).joinpath("data")))
    users = sorted(user_kb_dir().glob("*.y*ml")) + sorted(user_kb_dir().glob("*.json"))
    return sorted(data.rglob("*.yaml")) + users


@cache
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base plus the user's files, built once per process and cached
    on disk until one of its files changes."""
    from newsgraph.diskcache import cached, fingerprint

    files = _sources()
    key = fingerprint(
        KB_CACHE_VERSION, *(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in files)
    )
    return cached("kb", key, _build_default, KnowledgeBase)


def _build_default() -> KnowledgeBase:
    kb = KnowledgeBase(build_states(supported_languages(), _data("states_extra.yaml") or {}))
    for entry in entries_from_data(_data("orgs.yaml"), kind="ORG", where="kb/data/orgs.yaml"):
        kb.add(entry)
    people = resources.files(__name__).joinpath("data", "people")
    for item in sorted(people.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            data = load_yaml(item.read_text("utf-8"))
            for entry in entries_from_data(data, kind="PER", where=f"kb/data/people/{item.name}"):
                kb.add(entry)
    for path in sorted(user_kb_dir().glob("*")):
        if path.suffix.lower() in (".yaml", ".yml", ".json"):
            kb.load_file(path)
    return kb


def add_user_file(path: str | Path) -> int:
    """Check a user file of people/organisations and copy it into :func:`user_kb_dir`."""
    import shutil

    count = KnowledgeBase().load_file(path)  # raises ConfigError saying what is wrong
    target = user_kb_dir()
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target / Path(path).name)
    default_kb.cache_clear()
    return count


def lookup_name(name: str, *, on: str | None = None) -> list[dict[str, Any]]:
    """The entries named ``name``, with the roles they held on ``on`` (all when None)."""
    kb = default_kb()
    ids = kb.lookup(t.text for t in tokenize(name)) | kb.by_surname(name)
    rows = []
    for entry_id in sorted(ids):
        entry = kb.entries[entry_id]
        roles = [
            f"{r.label()} ({r.country or r.org}, {r.start or '?'}..{r.end or ''})"
            for r in kb.roles_of(entry_id, on=on)
        ]
        rows.append(
            {
                "id": entry.id,
                "name": entry.name,
                "type": entry.kind,
                "country": entry.country,
                "roles": "; ".join(roles),
            }
        )
    return rows


def import_wikidata(extract: str | Path, *, out: str | Path | None = None) -> tuple[Path, int]:
    """Convert a Wikidata JSON extract into a user knowledge-base file; its path and size."""
    from newsgraph.kb.wikidata import convert, read_entities

    entries = convert(read_entities(extract))
    target = Path(out) if out else user_kb_dir() / f"wikidata-{Path(extract).stem}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    count = KnowledgeBase().load_file(target)
    default_kb.cache_clear()
    return target, count
