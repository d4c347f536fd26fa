"""The JSON Schema of the answers file, for editors (yaml-language-server) and ``jtk schema``."""

from __future__ import annotations

import json

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.messages import M
from jarjestotyokirja.workbook import Workbook


def answers_json_schema(workbook: Workbook) -> str:
    """JSON Schema of the answers file for editors (yaml-language-server): item keys and field
    descriptions come from ``workbook``."""
    schema = Answers.model_json_schema()
    schema["title"] = M.DOC_SCHEMA_TITLE.format(title=workbook.title)
    schema["properties"]["vastaukset"]["propertyNames"] = {"enum": [item.key for item in workbook.items]}
    fields = schema["$defs"]["ItemAnswer"]["properties"]
    for field in workbook.fields:
        fields[field.id].update(title=field.label, description=field.help)
    if workbook.levels:
        fields["taso"]["title"] = workbook.levels.current_label
        fields["tavoitetaso"]["title"] = workbook.levels.target_label
        scale = ", ".join(f"{level.value} {level.label}" for level in workbook.levels.scale)
        fields["taso"]["description"] = fields["tavoitetaso"]["description"] = scale
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
