"""Office Open XML packages (.docx, .xlsx): the same bytes on every run and every system, and text XML can carry.

A package is a zip; zip entries carry a timestamp, the system that made them and file modes, which
differ between runs (python-docx) and between Linux and Windows (both python-docx and XlsxWriter).
:func:`fixed_zip` rewrites a package with its entries in a fixed order and fixed metadata.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

# XML 1.0 cannot hold these at all (a workbook or template could still carry them).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot carry, so writing it can never fail or break the file."""
    return NOT_XML.sub("", text)

# The first entries of a package, in this order; the rest follow sorted by name.
_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The package rewritten with entries in a fixed order, each with ``when`` as its timestamp."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    names = [n for n in _FIRST_ENTRIES if n in entries] + sorted(n for n in entries if n not in _FIRST_ENTRIES)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, entries[name])
    return out.getvalue()
