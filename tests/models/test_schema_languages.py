"""The JSON Schema's labels (what yaml-language-server shows on hover) in the UI language (issue 13).

Fails before this change: pydantic's own titles were left in ('Hyvat Kaytannot', 'Maaraaika',
'MunicipalityInfo', 'Participant'), Finnish without its letters or English class names under every
language, and ItemAnswer carried an English docstring as its description.
"""

from __future__ import annotations

import json

import pytest

from jarjestotyokirja import messages
from jarjestotyokirja.schema import answers_json_schema
from jarjestotyokirja.workbook import load_workbook

# pydantic's titles made from field names that are not words: the letters ä, ö dropped, abbreviations
PYDANTIC_TITLES = ("Aikavali", "Maaraaika", "Hyvat Kaytannot", "Pvm", "Tyokirja", "Id", "Koodi")
CLASS_NAMES = ("Action", "Assessment", "ClosingAnswers", "GoodPractice", "ItemAnswer", "MunicipalityInfo",
               "Participant", "WorkbookRef")


def _labels(schema: dict) -> dict[str, str]:
    """Every title and description, by its place in the schema."""
    found: dict[str, str] = {}

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description") and isinstance(value, str):
                    found[f"{where}.{key}"] = value
                else:
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(schema, "")
    return found


def _schema(language: str) -> dict:
    messages.use(language)
    return json.loads(answers_json_schema(load_workbook(language=language)))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_model_and_field_has_a_label_of_its_language(language):
    schema = _schema(language)
    labels = _labels(schema)
    for definition in schema["$defs"].values():
        assert definition.get("title"), definition
        for name, field in definition["properties"].items():
            assert field.get("title"), name
    for name in schema["properties"]:
        field = schema["properties"][name]
        assert field.get("title") or "$ref" in field, name
    english_words = {"Action", "Participant"} if language == "en" else set()  # the English labels are these words
    for place, text in labels.items():
        assert text not in set(CLASS_NAMES) - english_words and text not in PYDANTIC_TITLES, (place, text)
    assert "The answers to one section" not in json.dumps(schema)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_finnish_label_in_a_translated_schema(language):
    finnish, own = _labels(_schema("fi")), _labels(_schema(language))
    same = {place: text for place, text in own.items() if finnish.get(place) == text and text not in {"Idea", "Id"}}
    assert same == {}
