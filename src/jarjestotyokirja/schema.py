"""The JSON Schema of the answers file, for editors (yaml-language-server) and ``jtk schema``.

An editor shows a key's ``title`` and ``description`` on hover, so every model and field gets a label
in the UI language: the workbook's own texts where it has them (fields, levels, the closing), the
catalogue's for jtk's keys. pydantic's own titles (made from key names: ``Maaraaika``) and class names
(``MunicipalityInfo``) are replaced, not shown.
"""

from __future__ import annotations

import json
from typing import Any

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.messages import M
from jarjestotyokirja.workbook import Workbook

# model → (the catalogue name of its title, {field: the catalogue name of its title})
_LABELS: dict[str, tuple[str, dict[str, str]]] = {
    "WorkbookRef": ("DOC_SCHEMA_WORKBOOK", {"id": "DOC_SCHEMA_WORKBOOK_ID", "versio": "COLUMN_VERSION"}),
    "MunicipalityInfo": ("COLUMN_MUNICIPALITY", {"koodi": "COLUMN_MUNICIPALITY_CODE", "nimi": "COLUMN_NAME",
                                                 "maakunta": "COLUMN_REGION", "hyvinvointialue": "COLUMN_COUNTY"}),
    "Participant": ("DOC_SCHEMA_PARTICIPANT", {"nimi": "COLUMN_NAME", "rooli": "COLUMN_ROLE",
                                               "organisaatio": "COLUMN_ORGANISATION"}),
    "Assessment": ("SCREEN_ASSESSMENT", {"pvm": "ASK_DATE", "konsultti": "ASK_CONSULTANT",
                                         "osallistujat": "ASK_PARTICIPANTS"}),
    "ItemAnswer": ("DOC_SCHEMA_ITEM", {}),
    "Action": ("COLUMN_ACTION", {"teksti": "COLUMN_ACTION", "aikavali": "COLUMN_HORIZON", "idea": "COLUMN_IDEA",
                                 "vastuutaho": "COLUMN_RESPONSIBLE", "maaraaika": "COLUMN_DUE",
                                 "mittari": "COLUMN_INDICATOR", "tila": "COLUMN_STATUS"}),
    "GoodPractice": ("COLUMN_PRACTICE", {"otsikko": "COLUMN_TITLE", "kuvaus": "COLUMN_DESCRIPTION",
                                         "idea": "COLUMN_IDEA"}),
}


def _label(definition: dict[str, Any], title: str, fields: dict[str, str]) -> None:
    definition["title"] = title
    definition.pop("description", None)  # a model's docstring, written for developers in English
    for name, field_title in fields.items():
        definition["properties"][name]["title"] = field_title


def answers_json_schema(workbook: Workbook) -> str:
    """JSON Schema of the answers file for editors (yaml-language-server), labelled in the UI language:
    item keys, field labels and help texts come from ``workbook``."""
    schema = Answers.model_json_schema()
    schema["title"] = M.DOC_SCHEMA_TITLE.format(title=workbook.title)
    definitions = schema["$defs"]
    for model, (title, fields) in _LABELS.items():
        _label(definitions[model], getattr(M, title), {name: getattr(M, label) for name, label in fields.items()})
    closing = workbook.closing
    _label(definitions["ClosingAnswers"], closing.title,
           {"yhteenveto": closing.summary.label, "seuranta": closing.monitoring.label})
    top = schema["properties"]
    top["vastaukset"].update(title=M.DOC_SCHEMA_ANSWERS, propertyNames={"enum": [item.key for item in workbook.items]})
    top["toimenpiteet"]["title"] = M.VIEW_ACTIONS
    top["hyvat_kaytannot"]["title"] = workbook.good_practices.title
    fields = definitions["ItemAnswer"]["properties"]
    for field in workbook.fields:
        fields[field.id].update(title=field.label, description=field.help)
    if workbook.levels:
        fields["taso"]["title"] = workbook.levels.current_label
        fields["tavoitetaso"]["title"] = workbook.levels.target_label
        scale = ", ".join(f"{level.value} {level.label}" for level in workbook.levels.scale)
        fields["taso"]["description"] = fields["tavoitetaso"]["description"] = scale
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
