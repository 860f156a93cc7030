"""Knowledge-base entries: states, organisations, people and the offices they held."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EntryKind = Literal["PER", "ORG", "GPE"]


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from ``start`` to ``end`` (ISO dates, ``None`` = open)."""

    role: str
    country: str | None = None
    org: str | None = None
    title: str | None = None
    start: str | None = None
    end: str | None = None

    def covers(self, day: str) -> bool:
        """Was the office held on ``day`` (``YYYY-MM-DD``, or a shorter prefix)?"""
        start = self.start or "0000"
        end = self.end or "9999"
        return start[: len(day)] <= day and day[: len(end)] <= end

    def label(self) -> str:
        return self.title or self.role.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the knowledge base."""

    id: str
    name: str
    kind: EntryKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    full_name: str | None = None
    parent: str | None = None
    capital: str | None = None
    #: a capital (its English name) that, named as an agent, stands for this actor rather
    #: than for its state: "Brussels has threatened Ankara" is the EU, not Belgium
    seat: str | None = None

    def all_names(self) -> tuple[str, ...]:
        names = [self.name, *self.aliases]
        if self.full_name:
            names.append(self.full_name)
        return tuple(dict.fromkeys(names))
