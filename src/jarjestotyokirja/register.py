"""The register of Finland's municipalities (2024): code, names, region, wellbeing services county, language.

Two tab-separated files in ``data/`` (UTF-8, a header line, sorted, one row per line; see
``docs/register.md`` for the sources):

- ``kunnat-2024.tsv``: ``koodi nimi maakunta hyvinvointialue nimi_sv kieli``, sorted by code. ``nimi`` is
  the Finnish name (for Åland, where most municipalities have no Finnish name, the Swedish one),
  ``nimi_sv`` the Swedish name where there is one (every bilingual and Swedish-speaking municipality and
  the established Swedish names of Finnish ones; empty otherwise), ``kieli`` the language status under the
  Government decree on the linguistic status of municipalities 2023–2032: ``fi``, ``sv``, ``fi-sv``
  (bilingual, Finnish majority) or ``sv-fi`` (bilingual, Swedish majority).
- ``alueet-2024.tsv``: ``tyyppi nimi nimi_sv nimi_en``, the regions (``maakunta``) and the wellbeing
  services counties with Helsinki (``hyvinvointialue``) in Finnish, Swedish and English.

Answers files store the Finnish ``nimi``; the other names are for finding and for documents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from jarjestotyokirja.errors import M, NotFound
from jarjestotyokirja.resources import package_data

REGISTER_FILE = "kunnat-2024.tsv"
AREAS_FILE = "alueet-2024.tsv"
LANGUAGE_STATUSES = ("fi", "sv", "fi-sv", "sv-fi")


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str
    county: str  # empty for the Åland Islands, which have no wellbeing services county
    name_sv: str = ""  # the Swedish name; empty when there is none
    language: str = "fi"  # fi, sv, fi-sv (bilingual, Finnish majority), sv-fi (bilingual, Swedish majority)

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def file_name(self) -> str:
        """Default answers file name: ``091-helsinki.yaml``."""
        return f"{self.code}-{self.slug}.yaml"

    @property
    def bilingual(self) -> bool:
        return "-" in self.language

    @property
    def majority_language(self) -> str:
        """``fi`` or ``sv``: the only language, or the majority language of a bilingual municipality."""
        return self.language.split("-")[0]

    def name_in(self, language: str) -> str:
        """The name in ``language`` (fi, sv, en): the Swedish name where there is one, else the Finnish.

        English uses the name in the municipality's majority language (Helsinki, Raseborg, Mariehamn).
        """
        if language == "sv" or (language == "en" and self.majority_language == "sv"):
            return self.name_sv or self.name
        return self.name

    @property
    def display_name(self) -> str:
        """Both names of a bilingual municipality, majority language first (``Porvoo – Borgå``,
        ``Raseborg – Raasepori``); otherwise the name in its own language (``Tampere``, ``Mariehamn``)."""
        first = self.name_in(self.majority_language)
        if not self.bilingual:
            return first
        second = self.name_in("sv" if self.majority_language == "fi" else "fi")
        return first if second == first else f"{first} – {second}"

    def region_in(self, language: str) -> str:
        return area_name(self.region, language)

    def county_in(self, language: str) -> str:
        return area_name(self.county, language)


def fold(text: str) -> str:
    """Lower case without diacritics, for matching typed names: ``Pedersören`` → ``pedersoren``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _rows(name: str) -> list[list[str]]:
    lines = package_data(name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


@lru_cache(maxsize=1)
def load_register() -> tuple[Municipality, ...]:
    return tuple(Municipality(*(row + [""] * 4)[:4], *row[4:6]) for row in _rows(REGISTER_FILE))


@lru_cache(maxsize=1)
def _areas() -> dict[str, dict[str, str]]:
    """Finnish name of a region or county → its names by language."""
    return {fi: {"fi": fi, "sv": sv, "en": en} for _kind, fi, sv, en in _rows(AREAS_FILE)}


def area_name(finnish: str, language: str) -> str:
    """A region's or wellbeing services county's name in ``language`` (``Pohjanmaa`` → ``Österbotten``);
    the Finnish name for a name the register does not know (an answers file's own) or an empty one."""
    return _areas().get(finnish, {}).get(language) or finnish


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Municipality]:
    return {m.code: m for m in load_register()}


def municipality_by_code(code: str) -> Municipality | None:
    """The register's municipality of ``code`` (``091``), None for a code it does not know."""
    return _by_code().get(code)


def name_in_language(typed: str, code: str, language: str) -> str:
    """The name a document in ``language`` uses for the municipality an answers file names ``typed``
    with ``code``: the register's name in that language (``Mustasaari`` → ``Korsholm`` in Swedish) when
    the code is known and ``typed`` is one of its names; otherwise ``typed`` as it is (a name the
    consultant wrote differently is theirs to keep)."""
    known = municipality_by_code(code)
    if known is None or typed not in (known.name, known.name_sv):
        return typed
    return known.name_in(language)


def _names(m: Municipality) -> list[str]:
    """The names a municipality is found by: Finnish first, then Swedish."""
    return list(dict.fromkeys(n for n in (m.name, m.name_sv) if n))


@lru_cache(maxsize=1)
def _index() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for m in load_register():
        index[m.code] = m
        for name in _names(m):
            index[fold(name)] = m
            index[slugify(name)] = m
            index[slugify(name.replace(":", ""))] = m  # S:t Karins typed St Karins or St. Karins
    return index


def find_municipality(query: str) -> Municipality:
    """By code (``091``) or Finnish or Swedish name in any case, with or without ä/ö/å
    (``helsinki``, ``Helsingfors``, ``Pedersoren kunta``, ``Borga``)."""
    key = query.strip()
    found = _index().get(key) or _index().get(fold(key)) or _index().get(slugify(key))
    if found:
        return found
    suggestions = _suggestions(fold(key))
    if suggestions:
        raise NotFound(M.UNKNOWN_MUNICIPALITY.format(query=query, suggestions=", ".join(suggestions)))
    raise NotFound(M.UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS.format(query=query))


def _suggestions(folded_query: str) -> list[str]:
    """Up to five names close to or containing the query, Finnish and Swedish; one name per municipality."""
    named = {fold(name): (name, m.code) for m in load_register() for name in _names(m)}
    import difflib  # only when a name is not found: not on the interview's first screen

    close = difflib.get_close_matches(folded_query, list(named), n=4, cutoff=0.6)
    partial = [f for f in named if folded_query and folded_query in f]
    chosen: dict[str, str] = {}
    for folded in close + partial:
        name, code = named[folded]
        chosen.setdefault(code, name)
    return list(chosen.values())[:5]


def search_municipalities(query: str = "") -> list[Municipality]:
    """Municipalities whose code, name (Finnish or Swedish), region or county (in any language) contains
    ``query``; all when it is empty."""
    needle = fold(query.strip())
    return [m for m in load_register() if not needle or needle in fold(_haystack(m))]


def _haystack(m: Municipality) -> str:
    areas = [area_name(area, language) for area in (m.region, m.county) for language in ("fi", "sv", "en") if area]
    return " ".join([m.code, *_names(m), *areas])
