"""Bring jtk's gettext catalogues up to date with the source, and compile them.

Run after changing a help text or a Typer/Click text jtk
translates: ``python tools/update_catalogues.py``. It collects the msgids (the Typer command tree's help
texts for the ``jtk`` domain; the texts of
``cli/typer_texts.py`` for the ``typer`` domain), merges them into every ``.po`` (new ones come in
untranslated, vanished ones are dropped) and compiles each ``.po`` to its ``.mo`` with Babel. Then
translate the empty ``msgstr`` lines and run it again. ``--check`` changes nothing and exits 1 when a
file is out of date (the tests do the same check).
"""

from __future__ import annotations

import argparse
import gettext
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "jarjestotyokirja"
LOCALE = PACKAGE / "locale"
# domain → the languages that need a catalogue (the msgids are Finnish in jtk, English in typer)
LANGUAGES = {"jtk": ("sv", "en"), "typer": ("fi", "sv")}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def jtk_texts() -> list[str]:
    import typer.main

    from jarjestotyokirja.cli.help_texts import help_texts
    from jarjestotyokirja.cli.main import app

    return help_texts(typer.main.get_command(app))


def typer_texts() -> list[str]:
    from jarjestotyokirja.cli import typer_texts as texts

    return list(dict.fromkeys([*texts.TYPER_CORE_TEXTS, *texts.CLICK_TEXTS]))


def msgids(domain: str) -> list[str]:
    return jtk_texts() if domain == "jtk" else typer_texts()


def po_path(domain: str, language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def updated_po(domain: str, language: str, ids: list[str]) -> Catalog:
    """The catalogue with exactly ``ids``, keeping every translation it already has."""
    path = po_path(domain, language)
    old = read_po(path.open("rb"), locale=language) if path.exists() else Catalog(locale=language)
    new = Catalog(locale=language, domain=domain, project="jarjestotyokirja", version="", fuzzy=False,
                  msgid_bugs_address="", last_translator="jtk", language_team=language,
                  header_comment=f"# jtk: {domain} in {language}. Edit msgstr; tools/update_catalogues.py keeps the rest.")
    for msgid in ids:
        kept = old.get(msgid)
        new.add(msgid, kept.string if kept is not None else "", flags=("python-brace-format",) if "{" in msgid else ())
    return new


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, no_location=True, sort_output=False, include_previous=False)
    # Babel stamps the creation time into the header: drop it so the file changes only with its texts.
    return b"".join(line for line in out.getvalue().splitlines(keepends=True)
                    if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date', b'"Generated-By')))


def mo_bytes(po: Path, language: str) -> bytes:
    """``po`` compiled as the tests and the wheel expect it (untranslated entries left out)."""
    catalog = read_po(po.open("rb"), locale=language)
    catalog.creation_date = catalog.revision_date = FIXED_DATE  # else Babel stamps "now" into the header
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def messages_of(mo: bytes) -> dict[str, str]:
    """What a compiled catalogue says (msgid → msgstr, the header left out), as gettext reads it.

    Compared instead of the bytes: Babel versions lay out the same catalogue differently (the
    lowest supported one writes other bytes than the newest), and jtk reads only what gettext reads.
    """
    if not mo:
        return {}
    translations = gettext.GNUTranslations(io.BytesIO(mo))
    return {str(k): str(v) for k, v in translations._catalog.items() if k}  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file is out of date")
    args = parser.parse_args(argv)
    stale = []
    for domain, languages in LANGUAGES.items():
        ids = msgids(domain)
        for language in languages:
            po = po_path(domain, language)
            wanted_po = po_bytes(updated_po(domain, language, ids))
            if not po.exists() or po.read_bytes() != wanted_po:
                stale.append(po)
                if not args.check:
                    po.parent.mkdir(parents=True, exist_ok=True)
                    po.write_bytes(wanted_po)
            mo = po.with_suffix(".mo")
            wanted_mo = mo_bytes(po, language) if po.exists() else b""
            if not mo.exists() or messages_of(mo.read_bytes()) != messages_of(wanted_mo):
                stale.append(mo)
                if not args.check:
                    mo.write_bytes(wanted_mo)
    for path in stale:
        print(f"{'vanhentunut' if args.check else 'päivitetty'}: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
