"""How documents write dates and numbers, and how names are sorted, per document language.

Finnish and Swedish: ``12.3.2024`` (no leading zeros), one decimal with a comma and a real minus
sign (``−0,5``), ``23 %``. English (``en``) as Finland's English-language publications write for
readers abroad: ``12 March 2024`` (a numeric ``12.3.2024`` reads as 3 December in the US), a decimal
point (``−0.5``) and ``23%``. Alphabetical order puts å, ä and ö after z in every language (the
Finnish and the Finland-Swedish order alike), so a list of municipalities is the same in each.
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


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def fi_date(value: Any, language: str = "fi") -> str:
    """``2024-03-12`` → ``12.3.2024`` (fi, sv) or ``12 March 2024`` (en); anything else unchanged."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        return str(value)
    year, month, day = match.groups()
    if language == "en" and 1 <= int(month) <= 12:
        return f"{int(day)} {_MONTHS_EN[int(month) - 1]} {year}"
    return f"{int(day)}.{int(month)}.{year}"


def fi_number(value: float | None, sign: bool = False, language: str = "fi") -> str:
    """``2.4`` → ``2,4`` (one decimal, a comma in fi and sv, a point in en); None → ``""``."""
    if value is None:
        return ""
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    if language != "en":
        text = text.replace(".", ",")
    return text.replace("-", "−")


def percent(value: Any, language: str = "fi") -> str:
    """``23`` → ``23 %`` (fi, sv: a space before the sign) or ``23%`` (en)."""
    return f"{value}%" if language == "en" else f"{value} %"
