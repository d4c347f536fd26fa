"""The document language (``--kieli fi|sv|en``, issue 13): one table of fixed texts per language,
and no Finnish fixed text in a Swedish or English document.

Every document kind (report, comparison, monitoring document) is rendered through the command line
from answers files with no answers, so whatever Finnish is left in the output can only come from a
template, the context builders or the workbook. The Finnish fixed texts are taken from the Finnish
table (``templates/texts/fi.yaml``) and the Finnish workbook; a text the other language writes the
same (``Idea`` in English, ``Commit``) is not counted.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from git_helpers import new_repo
from jarjestotyokirja.errors import M
from jarjestotyokirja.render.document_texts import DOCUMENT_LANGUAGES, document_texts
from jarjestotyokirja.workbook import load_workbook

LANGUAGES = ("sv", "en")
# Characters a fixed text must not hold: it is written into Markdown, HTML and Typst as it is.
MARKUP = re.compile(r"""[*_#<>&|`$\[\]\\@~"']|//""")


def test_every_language_has_exactly_the_finnish_keys() -> None:
    finnish = set(document_texts("fi"))
    for language in DOCUMENT_LANGUAGES:
        keys = set(document_texts(language))
        assert keys - finnish == set(), f"{language}: ylimääräiset avaimet"
        assert finnish - keys == set(), f"{language}: puuttuvat avaimet"
        for key, text in document_texts(language).items():
            assert text.strip(), f"{language}.{key} on tyhjä"
            slots = set(re.findall(r"\{(\w+)\}", text))
            assert slots == set(re.findall(r"\{(\w+)\}", document_texts("fi")[key])), f"{language}.{key}: paikat"


def test_fixed_texts_hold_no_markup_characters() -> None:
    for language in DOCUMENT_LANGUAGES:
        for key, text in document_texts(language).items():
            assert not MARKUP.search(text), f"{language}.{key}: {text!r}"


def test_an_unknown_language_is_a_usage_error(cli, new_file, tmp_path) -> None:
    path = new_file("Porvoo")
    for command in (("report", path), ("compare", path), ("history", path, "-f", "md")):
        result = cli(*command, "--kieli", "de", "-o", tmp_path / "out")
        assert result.exit_code == 2, result.stderr
        assert M.UNKNOWN_LANGUAGE.format(value="de", choices="fi, sv, en") in result.stderr
    assert not (tmp_path / "out").exists()


# --- no Finnish fixed text in a Swedish or English document -------------------------------------

def _finnish_fragments(language: str) -> set[str]:
    """The Finnish fixed texts (split at their {slots}) that ``language`` writes differently."""
    finnish, other = document_texts("fi"), document_texts(language)
    fragments = set()
    for key, text in finnish.items():
        if text == other[key]:
            continue
        for part in re.split(r"\{\w+\}", text):
            part = part.strip(" .,:;()–→")
            if len(re.findall(r"[^\W\d_]", part)) >= 3 and part not in other[key]:
                fragments.add(part)
    wb, translated = load_workbook(), load_workbook(language=language)
    levels = [wb.levels.current_label, wb.levels.target_label, *(level.label for level in wb.levels.scale)]
    fragments |= {wb.title, *levels, *(idea.title for idea in wb.ideas)}
    return fragments - {translated.title}


def _visible_text(path: Path) -> str:
    """What a reader (or a screen reader) gets: HTML without markup and styles but with titles and
    labels; a PDF's or Word document's text (headers and footers too); Markdown as it is."""
    if path.suffix == ".docx":
        import zipfile

        with zipfile.ZipFile(path) as docx:
            xml = "".join(docx.read(n).decode("utf-8") for n in docx.namelist() if n.startswith("word/") and n.endswith(".xml"))
        return html.unescape("\n".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
        labels = re.findall(r'(?:title|aria-label|alt)="([^"]*)"', text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text) + "\n" + "\n".join(labels))
    return text


def _finnish_left(path: Path, language: str) -> list[str]:
    text = _visible_text(path)
    return sorted(f for f in _finnish_fragments(language) if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text))


def _empty_history(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """Porvoo's answers file with no answers, committed twice (the date set in between)."""
    repo = new_repo(tmp_path)
    result = cli("init", "Porvoo", "-o", repo.root / "638-porvoo.yaml")
    assert result.exit_code == 0, result.stderr
    path = repo.root / "638-porvoo.yaml"
    repo.commit("Porvoo: pohja", "2026-10-06T15:00:00+03:00")
    assert cli("set", path, "arviointi.pvm", "2026-12-01").exit_code == 0
    repo.commit("Porvoo: arvioinnin päivä", "2026-12-01T15:00:00+02:00")
    return path


FORMATS = "md,html,docx" + (",pdf" if shutil.which("pdftotext") else "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_finnish_fixed_text_in_any_document(cli, tmp_path, language) -> None:
    path = _empty_history(cli, tmp_path)
    out = tmp_path / language
    for command in (("report", path, "--historia"), ("compare", path), ("history", path)):
        result = cli(*command, "-f", FORMATS, "--kieli", language, "-o", out)
        assert result.exit_code == 0, result.stderr
    written = sorted(out.iterdir())
    assert len(written) == 3 * len(FORMATS.split(","))
    for document in written:
        assert _finnish_left(document, language) == [], document.name


def test_the_finnish_fragments_are_found_in_a_finnish_document(cli, tmp_path) -> None:
    """The check above can fail: rendered in Finnish, the same documents are full of the texts."""
    path = _empty_history(cli, tmp_path)
    assert cli("report", path, "-f", "md", "-o", tmp_path / "fi").exit_code == 0
    assert len(_finnish_left(tmp_path / "fi" / "638-porvoo.md", "sv")) > 40


# --- the language of the file formats ------------------------------------------------------------

def test_the_swedish_pdf_is_in_swedish_and_says_so(cli, new_file, tmp_path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext puuttuu")
    path = new_file("Borgå")
    assert cli("report", path, "-f", "pdf,html,docx", "--kieli", "sv", "-o", tmp_path).exit_code == 0
    pdf = tmp_path / "638-porvoo.pdf"
    text = _visible_text(pdf)
    for heading in ("Sammanfattning", "Lägesbild", "Åtgärdsplan", "Obesvarade frågor", "Översättning: jtk"):
        assert heading in text
    assert "Porvoo – Borgå" in text  # both names on the cover, the majority language first
    assert re.search(rb"/Lang ?\(sv-FI\)", pdf.read_bytes())  # PDF/UA: the catalogue names the language
    assert '<html lang="sv">' in (tmp_path / "638-porvoo.html").read_text(encoding="utf-8")
    import zipfile

    with zipfile.ZipFile(tmp_path / "638-porvoo.docx") as docx:
        assert "Översättning: jtk" in docx.read("word/document.xml").decode("utf-8")
        assert b'<w:lang w:val="sv-FI"' in docx.read("word/styles.xml")
        assert b"<dc:language>sv-FI</dc:language>" in docx.read("docProps/core.xml")


def test_the_english_report_writes_english_dates_and_numbers(cli, new_file, tmp_path) -> None:
    path = new_file("Tampere")
    assert cli("set", path, "arviointi.pvm", "2026-12-01").exit_code == 0
    assert cli("report", path, "-f", "md", "--kieli", "en", "-o", tmp_path).exit_code == 0
    text = (tmp_path / path.with_suffix(".md").name).read_text(encoding="utf-8")
    assert "| Assessment | 1 December 2026 |" in text
    assert "0/41 questions answered (0%)" in text
    assert "Pirkanmaa" in text  # no English name for the region: as in the register


def test_the_document_language_defaults_to_jtk_kieli(cli, new_file, tmp_path, monkeypatch) -> None:
    path = new_file("Porvoo")
    monkeypatch.setenv("JTK_KIELI", "sv")
    assert cli("report", path, "-f", "md", "-o", tmp_path).exit_code == 0
    assert "## Sammanfattning" in (tmp_path / "638-porvoo.md").read_text(encoding="utf-8")


def test_swedish_comparison_orders_regions_by_their_swedish_names(cli, new_file, tmp_path) -> None:
    """Pohjanmaa sorts before Uusimaa in Finnish; Nyland before Österbotten in Swedish."""
    files = [new_file("Porvoo"), new_file("Vaasa")]
    for language, first, second in (("fi", "## Pohjanmaa", "## Uusimaa"), ("sv", "## Nyland", "## Österbotten")):
        out = tmp_path / language
        assert cli("compare", *files, "--by", "maakunta", "--kieli", language, "-o", out).exit_code == 0
        text = (out / "vertailu.md").read_text(encoding="utf-8")
        assert text.index(first) < text.index(second)


def test_a_swedish_document_names_municipalities_by_their_swedish_names(cli, new_file, tmp_path) -> None:
    """Issue 13: a comparison for Österbotten in Swedish lists Vasa, Korsholm and Jakobstad, in Swedish
    order, and a Swedish report of Porvoo speaks of Borgå (the cover keeps both names). Fails before
    this change: the documents used the Finnish names the answers files hold (Mustasaari, Pietarsaari)."""
    files = [new_file(name) for name in ("Vaasa", "Mustasaari", "Pietarsaari", "Tampere")]
    out = tmp_path / "sv"
    assert cli("compare", *files, "--kieli", "sv", "-o", out).exit_code == 0
    text = (out / "vertailu.md").read_text(encoding="utf-8")
    table = text[text.index("| Kommun |"):]
    rows = [line.split("|")[1].strip() for line in table.splitlines()[2:6]]
    assert rows == ["Jakobstad", "Korsholm", "Tammerfors", "Vasa"]
    assert "Mustasaari" not in text and "Pietarsaari" not in text
    finnish = tmp_path / "fi"
    assert cli("compare", *files, "--kieli", "fi", "-o", finnish).exit_code == 0
    assert "| Mustasaari |" in (finnish / "vertailu.md").read_text(encoding="utf-8")
    porvoo = new_file("Porvoo")
    assert cli("report", porvoo, "-f", "md", "--kieli", "sv", "-o", out).exit_code == 0
    report = (out / f"{porvoo.stem}.md").read_text(encoding="utf-8")
    assert "Porvoo – Borgå" in report
    assert "Porvoo" not in report.replace("Porvoo – Borgå", "")


def test_the_swedish_monitoring_document_and_form_name_borga(cli, tmp_path) -> None:
    """The monitoring document's title and the Word form's title follow the document's language too
    (they said Porvoo in Swedish before this change)."""
    path = _empty_history(cli, tmp_path)
    out = tmp_path / "sv"
    assert cli("history", path, "-f", "md", "--kieli", "sv", "-o", out).exit_code == 0
    title = (out / "638-porvoo-seuranta.md").read_text(encoding="utf-8").splitlines()[0]
    assert title.endswith(": Borgå"), title
    form = tmp_path / "formular.docx"
    assert cli("lomake", path, "-o", form, "--kieli", "sv").exit_code == 0
    import docx

    paragraphs = [p.text for p in docx.Document(str(form)).paragraphs]
    assert paragraphs[0].endswith(": Borgå") and any("Borgå" in p for p in paragraphs[1:3]), paragraphs[:3]
