"""How documents write dates and numbers, and how names are sorted: the Finnish conventions.

``12.3.2024`` (no leading zeros), one decimal with a comma and a real minus sign (``−0,5``), and
alphabetical order with å, ä and ö after z.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Finnish alphabetical order: å, ä and ö come after z; other accents sort as their base letter.
_AFTER_Z = {"å": "{", "ä": "|", "ö": "}"}


def finnish_sort_key(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if char in _AFTER_Z:
            out.append(_AFTER_Z[char])
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(out)


def fi_date(value: Any) -> str:
    """``2024-03-12`` → ``12.3.2024``; anything else unchanged."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return str(value)
    year, month, day = match.groups()
    return f"{int(day)}.{int(month)}.{year}"


def fi_number(value: float | None, sign: bool = False) -> str:
    """``2.4`` → ``2,4`` (one decimal, Finnish comma); None → ``""``."""
    if value is None:
        return ""
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    return text.replace(".", ",").replace("-", "−")
