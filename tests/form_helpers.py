"""Editing a jtk Word form as a person would, for the round-trip tests: the answer cell's text replaced."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _rewrite(path: Path, name: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in entries:
            package.writestr(info, change(data) if info.filename == name else data)
    path.write_bytes(out.getvalue())


def rows(root) -> dict[str, etree._Element]:  # type: ignore[no-untyped-def]
    found = {}
    for row in root.iter(f"{W}tr"):
        cells = row.findall(f"{W}tc")
        first = next(cells[0].iter(f"{W}p"), None) if cells else None
        key = "".join(first.itertext()).strip() if first is not None else ""
        if key:
            found[key] = row
    return found


def edit_document(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    """``change(root)`` on word/document.xml of ``path``."""

    def apply(data: bytes) -> bytes:
        root = etree.fromstring(data)
        change(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    _rewrite(path, "word/document.xml", apply)


def type_answers(path: Path, answers: dict[str, str]) -> None:
    """Replace the text in the content control of each key's answer cell, as a person typing in Word;
    a line break is a ``w:br`` (Shift-Enter), a blank line two."""

    def change(root) -> None:  # type: ignore[no-untyped-def]
        found = rows(root)
        for key, value in answers.items():
            cell = found[key].findall(f"{W}tc")[1]
            holder = next(cell.iter(f"{W}sdtContent"))
            for child in list(holder):
                holder.remove(child)
            run = etree.SubElement(holder, f"{W}r")
            for number, line in enumerate(value.split("\n")):
                if number:
                    etree.SubElement(run, f"{W}br")
                text = etree.SubElement(run, f"{W}t")
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                text.text = line

    edit_document(path, change)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_resave(path: Path, out_dir: Path) -> Path:
    """Open and save ``path`` in LibreOffice (headless), as a municipality using LibreOffice would."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=300,
    )
    return out_dir / path.name
