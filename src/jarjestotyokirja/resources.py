"""Where the bundled workbook, templates and register live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

from jarjestotyokirja.errors import M, UsageError

_PACKAGE = Path(__file__).resolve().parent

# The languages jtk's workbook comes in: the Finnish original and jtk's own translations.
WORKBOOK_LANGUAGES = ("fi", "sv", "en")


def bundled(name: str) -> Path:
    """Path of ``workbook.yaml`` or ``templates`` shipped with jtk.

    A wheel carries them in ``jarjestotyokirja/_bundled/`` (hatchling ``force-include``); an editable
    install or a checkout finds them at the repository root, two levels above this package.
    """
    installed = _PACKAGE / "_bundled" / name
    if installed.exists():
        return installed
    return _PACKAGE.parent.parent / name


def bundled_workbook(language: str = "fi") -> Path:
    """Path of the bundled workbook in ``language``: ``workbook.yaml`` (fi), ``workbook.sv.yaml``, ``workbook.en.yaml``.

    All three have the same id, version and structure, so an answers file fits each of them.
    """
    if language not in WORKBOOK_LANGUAGES:
        raise UsageError(M.UNKNOWN_LANGUAGE.format(value=language, choices=", ".join(WORKBOOK_LANGUAGES)))
    return bundled("workbook.yaml" if language == "fi" else f"workbook.{language}.yaml")


def package_data(name: str) -> Path:
    """Path of a data file inside the package (``data/kunnat-2024.tsv``)."""
    return _PACKAGE / "data" / name
