"""Where the bundled workbook, templates and register live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """Path of ``workbook.yaml`` or ``templates`` shipped with jtk.

    A wheel carries them in ``jarjestotyokirja/_bundled/`` (hatchling ``force-include``); an editable
    install or a checkout finds them at the repository root, two levels above this package.
    """
    installed = _PACKAGE / "_bundled" / name
    if installed.exists():
        return installed
    return _PACKAGE.parent.parent / name


def bundled_workbook(language: str) -> Path:
    """The bundled workbook in ``language``: ``workbook.sv.yaml``, ``workbook.en.yaml``, or the Finnish
    ``workbook.yaml`` for Finnish and for a language it has not been translated into."""
    if language != "fi":
        translated = bundled(f"workbook.{language}.yaml")
        if translated.exists():
            return translated
    return bundled("workbook.yaml")


def package_data(name: str) -> Path:
    """Path of a data file inside the package (``data/kunnat-2024.tsv``)."""
    return _PACKAGE / "data" / name
