"""The code list of README's "Virhekoodit" section, made from the catalogue.

``python tools/update_code_list.py`` prints it; ``--readme README.md`` rewrites the list between the
markers in README (tests/messages/test_messages.py checks that it is up to date).
"""

from __future__ import annotations

from jarjestotyokirja.messages import CODES, texts

README_BEGIN = "<!-- virhekoodit: alku (python tools/update_code_list.py --readme README.md) -->"
README_END = "<!-- virhekoodit: loppu -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def code_table(language: str = "fi") -> str:
    """One Markdown table row per code: code, name, message template and hint."""
    catalogue = texts(language)
    rows = ["| Koodi | Nimi | Viesti | Vihje |", "|---|---|---|---|"]
    for name, code in CODES.items():
        entry = getattr(catalogue, name)
        rows.append(f"| {code} | `{name}` | {_cell(str(entry))} | {_cell(entry.hint or '')} |")
    return "\n".join(rows) + "\n"
