"""The one date parser: every date a person types (options, ``jtk set``, imports, the interview).

Two forms are accepted, ``VVVV-KK-PP`` (ISO, the stored form) and the Finnish ``PP.KK.VVVV``
(also ``P.K.VVVV``). What is not a real date gets one Finnish message saying what is wrong with it:
``31.2.2027: helmikuussa ei ole 31. päivää``.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from jarjestotyokirja.errors import InvalidContent, M

FIRST_YEAR = 1900
LAST_YEAR = 2199

# Only ASCII digits: ``re``'s ``\d`` would also take ``٢٠٢٧`` or ``２０２７``.
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_FINNISH = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


class DateError(InvalidContent):
    """A text that is not a real date; the message says why."""


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a date (a catalogue message), or None when it is one."""
    try:
        parse_date(text)
    except DateError as exc:
        return exc.problems[0].message
    return None


@lru_cache(maxsize=1024)  # a report checks each action's date a few times; batches repeat the same dates
def parse_date(text: str) -> str:
    """``31.12.2027`` or ``2027-12-31`` → ``2027-12-31``; :class:`DateError` for anything else.

    Blanks around the date are ignored; an empty text is not a date (callers that allow an empty
    date check for it first).
    """
    stripped = text.strip()
    iso = _ISO.fullmatch(stripped)
    finnish = _FINNISH.fullmatch(stripped)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif finnish:
        day, month, year = (int(part) for part in finnish.groups())
    else:
        raise DateError(M.DATE_NOT_A_DATE.format(text=stripped))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(M.DATE_YEAR.format(text=stripped, first=FIRST_YEAR, last=LAST_YEAR))
    if not 1 <= month <= 12:
        raise DateError(M.DATE_MONTH.format(text=stripped, month=month))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateError(M.DATE_DAY.format(text=stripped, month=M.DATE_IN_MONTHS.split()[month - 1], day=day))
    return f"{year:04d}-{month:02d}-{day:02d}"


def optional_date(text: str) -> str:
    """:func:`parse_date`, but an empty (or blank) text stays ``""``: no date given."""
    return parse_date(text) if text.strip() else ""


def stored_option_date(option: str, text: str) -> str:
    """An option's date that is stored (``init --pvm``): VVVV-KK-PP, ``""`` for none; a bad one is
    :class:`InvalidContent` naming the option."""
    try:
        return optional_date(text)
    except DateError as exc:
        raise InvalidContent(M.OPTION_DATE.format(option=option, problem=exc.problems[0].message)) from None


def typed_date(text: str) -> str | None:
    """A date as a person types it, ``2027-12-31`` or the Finnish ``31.12.2027``, as ``VVVV-KK-PP``;
    ``""`` for an empty text; None for anything that is not a real date (:func:`parse_date` says why)."""
    if not text.strip():
        return ""
    return None if date_problem(text) else parse_date(text)
