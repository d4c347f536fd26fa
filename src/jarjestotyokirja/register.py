"""The register of Finland's municipalities (2024): code, name, region and wellbeing services county."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from jarjestotyokirja.errors import M, NotFound
from jarjestotyokirja.resources import package_data

REGISTER_FILE = "kunnat-2024.tsv"


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str
    county: str  # empty for the Åland Islands, which have no wellbeing services county

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def file_name(self) -> str:
        """Default answers file name: ``091-helsinki.yaml``."""
        return f"{self.code}-{self.slug}.yaml"


def fold(text: str) -> str:
    """Lower case without diacritics, for matching typed names: ``Pedersören`` → ``pedersoren``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@lru_cache(maxsize=1)
def load_register() -> tuple[Municipality, ...]:
    lines = package_data(REGISTER_FILE).read_text(encoding="utf-8").splitlines()
    return tuple(Municipality(*(line.split("\t") + [""] * 4)[:4]) for line in lines[1:] if line.strip())


@lru_cache(maxsize=1)
def _index() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for m in load_register():
        index[m.code] = m
        index[fold(m.name)] = m
        index[m.slug] = m
    return index


def find_municipality(query: str) -> Municipality:
    """By code (``091``) or name in any case, with or without ä/ö/å (``helsinki``, ``Pedersoren kunta``)."""
    key = query.strip()
    found = _index().get(key) or _index().get(fold(key)) or _index().get(slugify(key))
    if found:
        return found
    names = [m.name for m in load_register()]
    folded = {fold(n): n for n in names}
    close = difflib.get_close_matches(fold(key), list(folded), n=4, cutoff=0.6)
    partial = [n for f, n in folded.items() if fold(key) and fold(key) in f]
    suggestions = list(dict.fromkeys([folded[c] for c in close] + partial))[:5]
    if suggestions:
        raise NotFound(M.UNKNOWN_MUNICIPALITY.format(query=query, suggestions=", ".join(suggestions)))
    raise NotFound(M.UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS.format(query=query))


def search_municipalities(query: str = "") -> list[Municipality]:
    """Municipalities whose code, name, region or county contains ``query`` (all when empty)."""
    needle = fold(query.strip())
    return [
        m
        for m in load_register()
        if not needle or needle in fold(f"{m.code} {m.name} {m.region} {m.county}")
    ]
