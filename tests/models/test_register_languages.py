"""The register in Finnish and Swedish: Swedish names, Åland's Finnish names, region and county names in
three languages, and each municipality's language status (Government decree 2023–2032).

The register could not find Borgå, Raseborg, Mariehamn or Helsingfors before this change (these tests
fail on it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jarjestotyokirja.errors import M, NotFound
from jarjestotyokirja.register import (
    AREAS_FILE,
    LANGUAGE_STATUSES,
    REGISTER_FILE,
    area_name,
    find_municipality,
    fold,
    load_register,
    search_municipalities,
    slugify,
)
from jarjestotyokirja.resources import package_data
from jarjestotyokirja.yamlio.loader import read_yaml

# The bilingual municipalities under the Government decree on the linguistic status of municipalities
# 2023–2032 (valtioneuvoston asetus kuntien kielellisestä asemasta vuosina 2023–2032), written out for a
# reviewer to check: the Finnish name, the Swedish name, the majority language. 33 in all, 15 of them
# with a Swedish majority; Korsnäs, Larsmo, Närpes and Lojo are bilingual at their councils' request.
# There is no unilingual Swedish municipality on the mainland; Åland's 16 are Swedish.
BILINGUAL = {
    # Finnish majority (fi-sv)
    "Espoo": ("Esbo", "fi"), "Hanko": ("Hangö", "fi"), "Helsinki": ("Helsingfors", "fi"),
    "Kaskinen": ("Kaskö", "fi"), "Kauniainen": ("Grankulla", "fi"), "Kirkkonummi": ("Kyrkslätt", "fi"),
    "Kokkola": ("Karleby", "fi"), "Lapinjärvi": ("Lappträsk", "fi"), "Lohja": ("Lojo", "fi"),
    "Loviisa": ("Lovisa", "fi"), "Myrskylä": ("Mörskom", "fi"), "Porvoo": ("Borgå", "fi"),
    "Pyhtää": ("Pyttis", "fi"), "Sipoo": ("Sibbo", "fi"), "Siuntio": ("Sjundeå", "fi"),
    "Turku": ("Åbo", "fi"), "Vaasa": ("Vasa", "fi"), "Vantaa": ("Vanda", "fi"),
    # Swedish majority (sv-fi)
    "Inkoo": ("Ingå", "sv"), "Kemiönsaari": ("Kimitoön", "sv"), "Korsnäs": ("Korsnäs", "sv"),
    "Kristiinankaupunki": ("Kristinestad", "sv"), "Kruunupyy": ("Kronoby", "sv"), "Luoto": ("Larsmo", "sv"),
    "Maalahti": ("Malax", "sv"), "Mustasaari": ("Korsholm", "sv"), "Närpiö": ("Närpes", "sv"),
    "Parainen": ("Pargas", "sv"), "Pedersören kunta": ("Pedersöre", "sv"), "Pietarsaari": ("Jakobstad", "sv"),
    "Raasepori": ("Raseborg", "sv"), "Uusikaarlepyy": ("Nykarleby", "sv"), "Vöyri": ("Vörå", "sv"),
}
ALAND = {
    "Brändö", "Eckerö", "Finström", "Föglö", "Geta", "Hammarland", "Jomala", "Kumlinge", "Kökar", "Lemland",
    "Lumparland", "Mariehamn", "Saltvik", "Sottunga", "Sund", "Vårdö",
}
REGIONS_SV = {
    "Uusimaa": "Nyland", "Varsinais-Suomi": "Egentliga Finland", "Satakunta": "Satakunta",
    "Kanta-Häme": "Egentliga Tavastland", "Pirkanmaa": "Birkaland", "Päijät-Häme": "Päijänne-Tavastland",
    "Kymenlaakso": "Kymmenedalen", "Etelä-Karjala": "Södra Karelen", "Etelä-Savo": "Södra Savolax",
    "Pohjois-Savo": "Norra Savolax", "Pohjois-Karjala": "Norra Karelen", "Keski-Suomi": "Mellersta Finland",
    "Etelä-Pohjanmaa": "Södra Österbotten", "Pohjanmaa": "Österbotten", "Keski-Pohjanmaa": "Mellersta Österbotten",
    "Pohjois-Pohjanmaa": "Norra Österbotten", "Kainuu": "Kajanaland", "Lappi": "Lappland", "Ahvenanmaa": "Åland",
}


def tsv_lines(name: str) -> list[str]:
    text = package_data(name).read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text and not text.startswith("\ufeff")
    return text.splitlines()


def test_register_file_is_deterministic_and_complete() -> None:
    lines = tsv_lines(REGISTER_FILE)
    assert lines[0] == "koodi\tnimi\tmaakunta\thyvinvointialue\tnimi_sv\tkieli"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 6 and all(cell == cell.strip() for cell in row) for row in rows)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert len(rows) == 309
    assert {row[5] for row in rows} == set(LANGUAGE_STATUSES)
    assert all(row[4] for row in rows if row[5] != "fi"), "every Swedish-speaking or bilingual one has a Swedish name"


def test_areas_file_names_every_region_and_county_in_three_languages() -> None:
    lines = tsv_lines(AREAS_FILE)
    assert lines[0] == "tyyppi\tnimi\tnimi_sv\tnimi_en"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 4 and all(row) for row in rows)
    assert rows == sorted(rows, key=lambda row: (row[0] != "maakunta", row[1]))
    regions = {row[1] for row in rows if row[0] == "maakunta"}
    counties = {row[1] for row in rows if row[0] == "hyvinvointialue"}
    assert regions == {m.region for m in load_register()} and len(regions) == 19
    assert counties == {m.county for m in load_register() if m.county} and len(counties) == 22  # 21 + Helsinki


def test_bilingual_municipalities_and_their_majority_language() -> None:
    bilingual = {m.name: (m.name_sv, m.majority_language) for m in load_register() if m.bilingual}
    assert bilingual == BILINGUAL
    assert len(bilingual) == 33 and sum(1 for _, majority in bilingual.values() if majority == "sv") == 15
    assert {m.language for m in load_register() if m.bilingual} == {"fi-sv", "sv-fi"}


def test_aland_is_swedish_and_the_mainland_has_no_unilingual_swedish_municipality() -> None:
    swedish = [m for m in load_register() if m.language == "sv"]
    assert {m.name_sv for m in swedish} == ALAND
    assert all(m.region == "Ahvenanmaa" and m.county == "" for m in swedish)
    assert {m.code for m in swedish} == {m.code for m in load_register() if m.region == "Ahvenanmaa"}
    assert find_municipality("Mariehamn").name == "Maarianhamina"  # the one Åland municipality with a Finnish name


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Borgå", "638"), ("borga", "638"), ("BORGÅ", "638"), ("Helsingfors", "091"), ("Raseborg", "710"),
        ("Mariehamn", "478"), ("Maarianhamina", "478"), ("Åbo", "853"), ("abo", "853"), ("Vasa", "905"),
        ("Vaasa", "905"), ("Pedersöre", "599"), ("Pedersören kunta", "599"), ("Närpes", "545"), ("Larsmo", "440"),
        ("Tammerfors", "837"), ("Uleåborg", "564"), ("Björneborg", "609"), ("Tavastehus", "109"),
        ("Villmanstrand", "405"), ("S:t Karins", "202"), ("St. Karins", "202"), ("  kimitoön ", "322"),
    ],
)
def test_found_by_finnish_and_swedish_names(query: str, code: str) -> None:
    assert find_municipality(query).code == code


def test_no_two_municipalities_share_a_name_when_folded() -> None:
    owners: dict[str, set[str]] = {}
    for m in load_register():
        for name in {m.name, m.name_sv} - {""}:
            for key in (fold(name), slugify(name)):
                owners.setdefault(key, set()).add(m.code)
    assert {key: codes for key, codes in owners.items() if len(codes) > 1} == {}


def test_only_established_swedish_names() -> None:
    """Kuopio, Jyväskylä and Salo have no Swedish name; the Swedish name of a Finnish one is not invented.

    81 Finnish-speaking municipalities have a recommended Swedish name (Institutet för de inhemska
    språken, Svenska språknämnden and Kommunförbundet, 2019)."""
    assert sum(1 for m in load_register() if m.language == "fi" and m.name_sv) == 81
    assert find_municipality("Kontiolax").name == "Kontiolahti"
    for name in ("Kuopio", "Jyväskylä", "Salo", "Kotka", "Seinäjoki"):
        m = find_municipality(name)
        assert (m.name_sv, m.language, m.name_in("sv")) == ("", "fi", name)


def test_names_in_each_language() -> None:
    porvoo, raasepori = find_municipality("638"), find_municipality("710")
    assert (porvoo.name_in("fi"), porvoo.name_in("sv"), porvoo.name_in("en")) == ("Porvoo", "Borgå", "Porvoo")
    assert (raasepori.name_in("fi"), raasepori.name_in("sv"), raasepori.name_in("en")) == ("Raasepori", "Raseborg", "Raseborg")
    tampere = find_municipality("Tampere")
    assert (tampere.name_in("sv"), tampere.name_in("en")) == ("Tammerfors", "Tampere")
    assert find_municipality("Mariehamn").name_in("en") == "Mariehamn"


def test_display_name_puts_the_majority_language_first() -> None:
    assert find_municipality("Porvoo").display_name == "Porvoo – Borgå"
    assert find_municipality("Helsinki").display_name == "Helsinki – Helsingfors"
    assert find_municipality("Raasepori").display_name == "Raseborg – Raasepori"
    assert find_municipality("Korsnäs").display_name == "Korsnäs"  # the same name in both languages
    assert find_municipality("Tampere").display_name == "Tampere"  # unilingual: one name
    assert find_municipality("Mariehamn").display_name == "Mariehamn"


def test_regions_and_counties_in_swedish_and_english() -> None:
    for finnish, swedish in REGIONS_SV.items():
        assert area_name(finnish, "sv") == swedish
    porvoo = find_municipality("Porvoo")
    assert (porvoo.region_in("sv"), porvoo.county_in("sv")) == ("Nyland", "Östra Nylands välfärdsområde")
    assert porvoo.county_in("en") == "Wellbeing services county of East Uusimaa"
    helsinki = find_municipality("Helsinki")
    assert (helsinki.county_in("sv"), helsinki.county_in("en")) == ("Helsingfors stad", "City of Helsinki")
    vaasa = find_municipality("Vaasa")
    assert (vaasa.region_in("sv"), vaasa.region_in("en"), vaasa.county_in("sv")) == (
        "Österbotten", "Ostrobothnia", "Österbottens välfärdsområde")
    assert find_municipality("Mariehamn").county_in("sv") == ""  # Åland has no wellbeing services county
    assert area_name("Oma alue", "sv") == "Oma alue"  # a name from an answers file, not in the register


def test_suggestions_consider_swedish_names() -> None:
    with pytest.raises(NotFound) as caught:
        find_municipality("Borgo")
    assert str(caught.value) == M.UNKNOWN_MUNICIPALITY.format(query="Borgo", suggestions="Borgå, Borgnäs, Uleåborg, Raseborg")
    with pytest.raises(NotFound) as caught:
        find_municipality("Jakobstadt")
    assert str(caught.value) == M.UNKNOWN_MUNICIPALITY.format(query="Jakobstadt", suggestions="Jakobstad")


def test_search_by_swedish_names_of_municipalities_and_regions() -> None:
    assert [m.code for m in search_municipalities("Raseborg")] == ["710"]
    assert [m.code for m in search_municipalities("Mariehamn")] == ["478"]
    nyland = search_municipalities("Nyland")
    assert {m.code for m in nyland} == {m.code for m in load_register() if m.region == "Uusimaa"}
    assert {m.code for m in search_municipalities("Östra Nylands välfärdsområde")} == {
        m.code for m in load_register() if m.county == "Itä-Uudenmaan hyvinvointialue"}


def _jtk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jarjestotyokirja", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, encoding="utf-8")


def test_init_by_swedish_name_writes_the_finnish_register_name(tmp_path: Path) -> None:
    """``jtk init Borgå`` in a real process: the file is named and filled from the register, in Finnish,
    so it is the same file ``jtk init Porvoo`` writes."""
    result = _jtk("init", "Borgå", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    kunta = read_yaml(tmp_path / "638-porvoo.yaml").data["kunta"]
    assert kunta == {"koodi": "638", "nimi": "Porvoo", "maakunta": "Uusimaa", "hyvinvointialue": "Itä-Uudenmaan hyvinvointialue"}
    other = tmp_path / "fi"
    other.mkdir()
    assert _jtk("init", "Porvoo", cwd=other).returncode == 0
    assert (other / "638-porvoo.yaml").read_bytes() == (tmp_path / "638-porvoo.yaml").read_bytes()


def test_init_and_kunnat_through_the_cli(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("init", "Helsingfors").exit_code == 0
    assert read_yaml(tmp_path / "091-helsinki.yaml").data["kunta"]["nimi"] == "Helsinki"
    assert cli("init", "mariehamn").exit_code == 0
    assert (tmp_path / "478-maarianhamina.yaml").is_file()
    raseborg = cli("kunnat", "Raseborg")
    assert raseborg.exit_code == 0 and "710" in raseborg.stdout and "Raasepori" in raseborg.stdout
    mariehamn = cli("kunnat", "Mariehamn")
    assert mariehamn.exit_code == 0 and "478" in mariehamn.stdout
    osterbotten = cli("kunnat", "Österbotten").stdout
    assert "Vaasa" in osterbotten and "Helsinki" not in osterbotten
    unknown = cli("init", "Borgo")
    assert unknown.exit_code == 1 and "Borgå" in unknown.stderr
    assert not list(tmp_path.glob("*borg*"))


def test_interview_by_swedish_name_opens_the_existing_file(tmp_path, monkeypatch, workbook) -> None:
    """``jtk interview Borgå`` continues 638-porvoo.yaml made by ``jtk init Porvoo`` instead of a new file."""
    from jarjestotyokirja.store.answers_files import answers_file_for

    monkeypatch.chdir(tmp_path)
    created, was_created = answers_file_for("Porvoo", workbook)
    assert was_created and created == Path("638-porvoo.yaml")
    again, was_created = answers_file_for("Borgå", workbook)
    assert (again, was_created) == (created, False)


def test_isokyro_is_in_ostrobothnia_since_2021():
    """Isokyrö moved from Etelä-Pohjanmaa to the region of Pohjanmaa at the start of 2021, and so
    belongs to Pohjanmaa's wellbeing services county; the register had the old region."""
    isokyro = find_municipality("Isokyrö")
    assert (isokyro.region, isokyro.county) == ("Pohjanmaa", "Pohjanmaan hyvinvointialue")
    assert isokyro.region_in("sv") == "Österbotten"
