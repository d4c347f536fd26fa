"""The files of ``jtk export``: an :class:`~jarjestotyokirja.exchange.export.Export` as xlsx, csv or json.

* xlsx (XlsxWriter): one sheet per table and the wide sheet of levels. Every text is written with
  ``write_string``, so ``=1+1`` stays text and never becomes a formula; levels are numbers and dates
  real dates. The creation date is the newest assessment date (else a fixed one) and the zip is
  rewritten with fixed entry metadata (:mod:`.ooxml_zip`), so the same answers give the same bytes,
  on Linux and Windows alike.
* csv: RFC 4180 (comma, double quotes, CRLF between records), UTF-8 with a BOM so Excel reads ä and ö;
  texts exactly as typed, multi-line texts whole in one quoted field, dates ``VVVV-KK-PP``. The
  answers go to the named file, the other tables beside it (``<nimi>-toimenpiteet.csv`` …).
  ``excel_safe`` prefixes a text that a spreadsheet would read as a formula with ``'`` (OWASP).
* json: one object, a key per table, each a list of objects; dates as ``VVVV-KK-PP``.

Everything is rendered in memory first, then every file written with ``atomic_write``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path

from jarjestotyokirja.errors import InvalidContent, M, UsageError
from jarjestotyokirja.exchange.export import Export, Table, Value
from jarjestotyokirja.render.documents import write_outputs
from jarjestotyokirja.render.ooxml_zip import fixed_zip

EXPORT_FORMATS = ("xlsx", "csv", "json")
FIXED_EPOCH = dt.datetime(2000, 1, 1, 12, 0, 0)
EXCEL_CELL_LIMIT = 32767
# A spreadsheet reads a cell starting with these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_format(target: Path) -> str:
    """The format from the suffix of ``target``; a usage error for anything else."""
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise UsageError(M.EXPORT_SUFFIX.format(name=target.name, choices=", ".join(f".{f}" for f in EXPORT_FORMATS)))
    return fmt


def export_targets(target: Path, export: Export) -> list[Path]:
    """Every file an export to ``target`` writes (csv: one per table)."""
    if export_format(target) != "csv":
        return [target]
    return [csv_path(target, table, first=index == 0) for index, table in enumerate(export.tables(wide=False))]


def csv_path(target: Path, table: Table, *, first: bool) -> Path:
    """The answers in ``target`` itself, the other tables beside it: ``alue-toimenpiteet.csv``."""
    if first:
        return target
    return target.with_name(f"{target.stem}-{table.name.replace('_', '-')}{target.suffix}")


def render_export(export: Export, target: Path, *, excel_safe: bool = False) -> list[tuple[Path, bytes]]:
    """(path, bytes) of every file of the export to ``target``, rendered but not written."""
    fmt = export_format(target)
    if fmt == "xlsx":
        return [(target, xlsx_bytes(export))]
    if fmt == "json":
        return [(target, json_bytes(export))]
    tables = export.tables(wide=False)
    return [
        (csv_path(target, table, first=index == 0), csv_bytes(table, excel_safe=excel_safe))
        for index, table in enumerate(tables)
    ]


def write_export(export: Export, target: Path, *, inputs: Iterable[str | Path] = (),
                 excel_safe: bool = False) -> list[Path]:
    """Render every file, then write each atomically, never over an input or an answers file
    (:func:`~jarjestotyokirja.render.documents.write_outputs`); the paths written."""
    return write_outputs(render_export(export, target, excel_safe=excel_safe), inputs)


# --- csv -----------------------------------------------------------------------------------------

def excel_safe_text(text: str) -> str:
    """``=1+1`` → ``'=1+1``: a text a spreadsheet would run as a formula, shown as text instead."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_value(value: Value, excel_safe: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    return excel_safe_text(value) if excel_safe else value


def csv_bytes(table: Table, *, excel_safe: bool = False) -> bytes:
    """The table as RFC 4180 CSV in UTF-8 with a byte order mark."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_value(value, excel_safe) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


# --- json ----------------------------------------------------------------------------------------

def _json_value(value: Value) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def json_bytes(export: Export) -> bytes:
    data = {
        table.name: [{column: _json_value(value) for column, value in zip(table.columns, row)} for row in table.rows]
        for table in export.tables(wide=False)
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- xlsx ----------------------------------------------------------------------------------------

def creation_datetime(date: dt.date | None) -> dt.datetime:
    """Noon of ``date`` (the newest assessment), or :data:`FIXED_EPOCH`: never the clock."""
    if date is None:
        return FIXED_EPOCH
    return dt.datetime(date.year, date.month, date.day, 12, 0, 0)


def new_xlsx(created: dt.datetime, title: str):  # type: ignore[no-untyped-def]
    """An in-memory XlsxWriter workbook that never turns text into formulas, numbers or links.

    Returns (workbook, buffer); ``workbook.close()`` fills the buffer. In memory, XlsxWriter gives
    every zip entry the same fixed timestamp; ``created`` fixes the document properties.
    """
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
    )
    book.set_properties({"title": title, "author": "jtk", "created": created})
    return book, buffer


def check_cell_text(text: str, table: str, column: str, row: int) -> None:
    """Excel cuts a cell at 32 767 characters; refuse rather than lose the rest of an answer."""
    if len(text) > EXCEL_CELL_LIMIT:
        raise InvalidContent(
            M.EXPORT_CELL_TOO_LONG.format(length=len(text), limit=EXCEL_CELL_LIMIT, table=table, row=row),
            key=column,
        )


def write_table(book, sheet, table: Table, formats: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """Header row, then values: text with ``write_string``, numbers, dates; frozen header, filter."""
    for col, name in enumerate(table.columns):
        sheet.write_string(0, col, name, formats["header"])
    widths = [len(name) + 2 for name in table.columns]
    for index, row in enumerate(table.rows, 1):
        for col, value in enumerate(row):
            column = table.columns[col]
            if value is None:
                continue
            if isinstance(value, dt.date):
                sheet.write_datetime(index, col, dt.datetime(value.year, value.month, value.day), formats["date"])
                widths[col] = max(widths[col], 11)
            elif isinstance(value, (int, float)):
                sheet.write_number(index, col, value, formats["decimal" if column in table.decimal else "number"])
            else:
                check_cell_text(value, table.name, column, index + 1)
                wrap = column in table.wide_text
                sheet.write_string(index, col, value, formats["wrap"] if wrap else formats["text"])
                longest = max((len(line) for line in value.split("\n")), default=0)
                widths[col] = max(widths[col], min(longest + 2, 80 if wrap else 40))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    if table.rows:
        sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)


def sheet_formats(book) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "header": book.add_format({"bold": True, "bg_color": "#D9E2F3", "bottom": 1}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", "align": "left", "valign": "top"}),
        "text": book.add_format({"valign": "top"}),
        "number": book.add_format({"valign": "top"}),
        "decimal": book.add_format({"valign": "top", "num_format": "0.0"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }


def xlsx_bytes(export: Export) -> bytes:
    book, buffer = new_xlsx(creation_datetime(export.newest), M.DOC_EXPORT_TITLE)
    formats = sheet_formats(book)
    for table in export.tables(wide=True):
        write_table(book, book.add_worksheet(table.name), table, formats)
    book.close()
    return fixed_zip(buffer.getvalue(), creation_datetime(export.newest))
