"""Every language of the catalogue against the others: the same names and codes, the same fields, and
every text a valid template (issue 13).

The per-language files (test_catalogue_sv.py, test_catalogue_en.py) check the wording; this one checks
what would break at run time. Fails before this change: the Finnish and Swedish YAML_UNCLOSED_MAPPING
held a lone ``{``, so a file with an unclosed ``{`` ended ``jtk validate`` in a ValueError traceback.
"""

from __future__ import annotations

import string

import pytest

from jarjestotyokirja.messages import CODES, LANGUAGES, _table, texts


class _Anything:
    """A stand-in value that accepts every format spec and conversion."""

    def __format__(self, spec: str) -> str:
        return "x"

    def __str__(self) -> str:
        return "x"

    def __repr__(self) -> str:
        return "'x'"


def _parts(value: object) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]


def _fields(text: str) -> set[tuple[str, str | None]]:
    try:
        return {(name, conversion) for _, name, _, conversion in string.Formatter().parse(text) if name is not None}
    except ValueError:  # not a template at all: the format test names it
        return set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_its_own_text_for_every_code(language):
    own = _table(language)
    assert set(own) == set(CODES), (set(CODES) - set(own), set(own) - set(CODES))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_every_language_is_a_template_that_formats(language):
    catalogue = texts(language)
    broken = []
    for name in CODES:
        message = getattr(catalogue, name)
        try:
            values = {field: _Anything() for part in filter(None, (str(message), message.hint))
                      for field, _ in _fields(part)}
            message.format(**values)
        except (ValueError, KeyError, IndexError) as exc:
            broken.append((name, str(exc)))
    assert broken == []


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "fi"])
def test_every_translation_has_the_finnish_shape_and_fields(language):
    finnish, own = _table("fi"), _table(language)
    for name in CODES:
        fi_parts, own_parts = _parts(finnish[name]), _parts(own[name])
        assert len(fi_parts) == len(own_parts), (language, name)
        for fi_part, own_part in zip(fi_parts, own_parts):
            assert _fields(fi_part) == _fields(own_part), (language, name)
