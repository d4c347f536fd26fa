"""The trusted environment (jtk's own templates) reads the context exactly as the sandbox does."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from jarjestotyokirja.render.environment import TrustedEnvironment, environment

CONTEXT = {"d": {"nimi": "Esimerkkilä", "keys": "avain", "items": [1, 2], "luku": 5}, "tyhja": {}}
SOURCES = [
    "{{ d.nimi }}",
    "{{ d.luku }}",
    "{{ d.keys()|list|join(',') }}",  # dict's own method, as in Jinja, not the item "keys"
    "{{ d.items()|list|length }}",
    "{{ d['keys'] }}",
    "{{ d.get('nimi') }}",
]


@pytest.fixture
def both(tmp_path):
    trusted, sandboxed = environment("md"), environment("md", tmp_path)
    assert isinstance(trusted, TrustedEnvironment) and not isinstance(sandboxed, TrustedEnvironment)
    return trusted, sandboxed


@pytest.mark.parametrize("source", SOURCES)
def test_dict_lookups_give_the_same_value_trusted_or_sandboxed(both, source):
    trusted, sandboxed = both
    assert trusted.from_string(source).render(CONTEXT) == sandboxed.from_string(source).render(CONTEXT)


def test_the_values_are_the_items_and_methods_jinja_gives(both):
    trusted, _ = both
    assert [trusted.from_string(s).render(CONTEXT) for s in SOURCES] == [
        "Esimerkkilä", "5", "nimi,keys,items,luku", "4", "avain", "Esimerkkilä"]


@pytest.mark.parametrize("source", ["{{ d.puuttuu }}", "{{ tyhja.nimi }}"])
def test_a_missing_key_is_still_an_error(both, source):
    for env in both:
        with pytest.raises(UndefinedError):
            env.from_string(source).render(CONTEXT)
