"""Print the error code list, or rewrite README's "Virhekoodit" section from the catalogue.

    python tools/update_code_list.py                    # the Markdown table on standard output
    python tools/update_code_list.py --readme README.md # the list between README's markers
"""

from __future__ import annotations

import sys

from jarjestotyokirja.messages.listing import README_BEGIN, README_END, code_table


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
