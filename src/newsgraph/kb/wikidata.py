"""Import people and organisations from a Wikidata JSON extract into the KB's YAML format.

The extract is Wikidata's entity JSON (as in the dumps or ``Special:EntityData``):
a JSON array, JSON Lines, or ``{"entities": {...}}``.  It should hold the
people and organisations to import *and* the items they point to:

- countries, with their ISO 3166-1 alpha-3 code (P298), to give people a
  ``country`` (P27, citizenship) and offices a scope (P1001, jurisdiction);
- the offices held (P39, with start P580 and end P582 qualifiers), each an
  item that is, or is a subclass (P279) / instance (P31) of, a generic office
  in :data:`GENERIC_OFFICES` (head of state, head of government, foreign
  minister) - or any office the caller maps with ``offices``.

People are items with P31 = human (Q5); organisations are items with P31 =
international organisation (Q484652) or one the caller adds.  Names come
from labels and aliases in the supported languages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.lang import supported_languages
from newsgraph.text import slug

HUMAN = "Q5"
ORGANISATION_CLASSES = frozenset({"Q484652", "Q245065"})  # international organisation, IGO
#: Generic offices and the KB role each stands for.
GENERIC_OFFICES: dict[str, str] = {
    "Q48352": "head_of_state",
    "Q2285706": "head_of_government",
    "Q7330070": "foreign_minister",
}


def read_entities(path: str | Path) -> dict[str, dict[str, Any]]:
    """The entities of a Wikidata JSON extract, by id."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError:
        try:
            data = [json.loads(line.rstrip(",\n")) for line in text.splitlines()
                    if line.strip() not in ("", "[", "]")]  # fmt: skip
        except json.JSONDecodeError as exc:
            raise ConfigError(
                f"{path} is not a Wikidata JSON extract (JSON or JSON Lines): {exc}"
            ) from exc
    if isinstance(data, dict):
        data = list((data.get("entities") or {data.get("id", "?"): data}).values())
    return {e["id"]: e for e in data if isinstance(e, dict) and e.get("id")}


def _item_ids(entity: Mapping[str, Any], prop: str) -> list[str]:
    ids = []
    for claim in entity.get("claims", {}).get(prop, ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("id"):
            ids.append(value["id"])
    return ids


def _string(entity: Mapping[str, Any], prop: str) -> str | None:
    for claim in entity.get("claims", {}).get(prop, ()):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            return value
    return None


def _time(claim: Mapping[str, Any], prop: str) -> str | None:
    for q in claim.get("qualifiers", {}).get(prop, ()):
        value = q.get("datavalue", {}).get("value", {})
        raw = value.get("time") if isinstance(value, dict) else None
        if raw:
            precision = int(value.get("precision", 11))
            date = raw.lstrip("+").split("T")[0]
            return str(date[:4] if precision <= 9 else date[:7] if precision == 10 else date)
    return None


def _names(entity: Mapping[str, Any], languages: Iterable[str]) -> tuple[str | None, list[str]]:
    labels: dict[str, Any] = entity.get("labels", {})
    first: dict[str, Any] = labels.get("en") or next(iter(labels.values()), {})
    name = first.get("value")
    names = [labels[lang]["value"] for lang in languages if lang in labels]
    for lang in languages:
        names += [a["value"] for a in entity.get("aliases", {}).get(lang, ())]
    aliases = [n for n in dict.fromkeys(names) if n != name]
    return (str(name) if name else None), aliases


def convert(
    entities: Mapping[str, Mapping[str, Any]],
    *,
    offices: Mapping[str, str] | None = None,
    org_classes: Iterable[str] = (),
) -> dict[str, list[dict[str, Any]]]:
    """People and organisations of ``entities`` as knowledge-base entries."""
    langs = supported_languages()
    codes = {qid: code for qid, e in entities.items() if (code := _string(e, "P298"))}
    generic = {**GENERIC_OFFICES, **(offices or {})}
    org_kinds = ORGANISATION_CLASSES | set(org_classes)

    def role_of(office: str) -> str | None:
        if office in generic:
            return generic[office]
        item = entities.get(office, {})
        return next((generic[c] for c in _item_ids(item, "P279") + _item_ids(item, "P31")
                     if c in generic), None)  # fmt: skip

    people: list[dict[str, Any]] = []
    organisations: list[dict[str, Any]] = []
    for qid, entity in entities.items():
        kinds = set(_item_ids(entity, "P31"))
        name, aliases = _names(entity, langs)
        if not name:
            continue
        if HUMAN in kinds:
            country = next((codes[c] for c in _item_ids(entity, "P27") if c in codes), None)
            roles = []
            for claim in entity.get("claims", {}).get("P39", ()):
                office = claim.get("mainsnak", {}).get("datavalue", {}).get("value", {}).get("id")
                role = role_of(office) if office else None
                if role is None:
                    continue
                scope = next((codes[c] for c in _item_ids(entities.get(office, {}), "P1001")
                              if c in codes), country)  # fmt: skip
                roles.append({"role": role, "country": scope, "start": _time(claim, "P580"),
                              "end": _time(claim, "P582"),
                              "title": entities.get(office, {}).get("labels", {})
                              .get("en", {}).get("value")})  # fmt: skip
            people.append({"id": slug(name), "name": name, "country": country,
                           "aliases": aliases, "roles": roles, "wikidata": qid})  # fmt: skip
        elif kinds & org_kinds:
            organisations.append({"id": slug(name), "name": name, "aliases": aliases,
                                  "wikidata": qid})  # fmt: skip
    return {"people": people, "organisations": organisations}
