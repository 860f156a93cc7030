"""PLOVER types (and modes) to CAMEO codes and GDELT's QuadClass, from ``data/cameo.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code with its base code, root code and GDELT QuadClass."""

    code: str
    quad_class: int

    @property
    def base(self) -> str:
        return self.code[:3]

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class CameoTable:
    """Each PLOVER type's default code and the finer codes of its modes."""

    codes: dict[str, str]
    modes: dict[str, dict[str, str]]
    quad_classes: dict[str, int]

    def lookup(self, plover_type: str, mode: str | None = None) -> CameoCode | None:
        """The CAMEO code of a PLOVER type and mode; ``None`` for a type CAMEO lacks."""
        code = self.modes.get(plover_type, {}).get(mode or "") or self.codes.get(plover_type)
        if code is None:
            return None
        return CameoCode(code=code, quad_class=self.quad_classes[code[:2]])


@cache
def cameo_table() -> CameoTable:
    """The crosswalk shipped with newsgraph (read once)."""
    text = resources.files("newsgraph.export").joinpath("data", "cameo.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    types = data["types"]
    return CameoTable(
        codes={t: str(v["code"]) for t, v in types.items()},
        modes={
            t: {str(m): str(c) for m, c in (v.get("modes") or {}).items()} for t, v in types.items()
        },
        quad_classes={str(k): int(v) for k, v in data["quad_class"].items()},
    )
