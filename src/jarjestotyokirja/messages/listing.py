"""The code list of README's "Virhekoodit" section, made from the catalogue.

``python -m jarjestotyokirja.messages.listing`` prints it; ``--readme README.md`` rewrites the list
between the markers in README (tests/messages/test_messages.py checks that it is up to date).
"""

from __future__ import annotations

import sys

from jarjestotyokirja.messages import CODES, texts

README_BEGIN = "<!-- virhekoodit: alku (python -m jarjestotyokirja.messages.listing --readme README.md) -->"
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


def main(argv: list[str]) -> int:
    if argv[:1] == ["--readme"] and len(argv) == 2:
        from pathlib import Path

        from jarjestotyokirja.files import atomic_write

        path = Path(argv[1])
        text = path.read_text(encoding="utf-8")
        start, end = text.index(README_BEGIN) + len(README_BEGIN), text.index(README_END)
        atomic_write(path, text[:start] + "\n" + code_table() + text[end:])
        return 0
    sys.stdout.write(code_table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
