"""The bundled workbook.yaml holds the whole Kuntaliitto workbook.

The expected outline below is written out by hand from the source slides
("10 + 1 ideaa järjestöyhteistyön kehittämiseen kunnissa", Kuntaliitto 2022),
so a missing or reordered phase, idea or bullet fails a test.

In the outline a bullet is either a string or a ``(text, [children])`` tuple.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from jarjestotyokirja.workbook import load_workbook

FIELD_IDS = ["nykytila", "tavoitetila", "seuranta"]

EXPECTED_SECTIONS = [
    (
        "rakenteet",
        "Rakenteiden ja strategisuuden merkitys",
        [],
        [
            "Strategiaan pohjautuva, poliittisessa päätöksenteossa hyväksytty tai "
            "siihen perustuva järjestötyön linjaus luo vankan selkänojan yhteistyölle.",
            "Järjestötyön rakenteellisuus ja auki kirjoitetut toimintamallit luovat "
            "selkeät pelisäännöt kunnan ja järjestöjen väliselle yhteistyölle.",
            "Sovitut rakenteet auttavat myös erilaisissa muutostilanteissa (mm. "
            "ihmiset, organisaatiomuutokset) turvaamaan jatkuvuutta.",
            "Yhteistyön rakenteiden ja toimintatapojen läpikäynti hyvinvointialueen "
            "ja alueen muiden kuntien kanssa selkiyttää vastuunjakoa.",
        ],
    ),
    (
        "tilannekuva",
        "Järjestöyhteistyön tilannekuva",
        FIELD_IDS,
        [
            "Kokonaiskuva tämänhetkisestä järjestöyhteistyöstä koko kunnan tasolla – "
            "konkreettinen tarkastelu kunnan kokonaisuuden näkökulmasta",
            (
                "Kolmannen sektorin toiminta kunnan alueella, mukaan lukien:",
                [
                    "kolmannen sektorin keskinäinen yhteistyö",
                    "mahdollisesti kokonaan ulkopuolelle jäävät tahot",
                ],
            ),
        ],
    ),
    (
        "toimintaedellytykset",
        "Järjestöjen omien toimintaedellytysten edistäminen muutosten keskellä",
        FIELD_IDS,
        [
            (
                "Tunnistetaan haasteet, joita järjestöt kohtaavat toiminnassaan, esimerkiksi:",
                [
                    "toimijoiden ikääntyminen",
                    "samojen henkilöiden toiminta eri järjestöissä",
                    "nuoremman sukupolven tapa toimia perinteisen järjestötoiminnan ulkopuolella",
                ],
            ),
            "Tunnistetaan uuden teknologian tuomat mahdollisuudet ja haasteet järjestötoiminnassa.",
            "Varmistetaan hankintaosaaminen sekä kunnassa että järjestökentällä.",
            "Tunnistetaan järjestökentän kasvanut vaatimustaso esimerkiksi "
            "harrastuspaikkojen ja toiminnan ammatillistumisen suhteen.",
        ],
    ),
]

# (number, title, subtitle, [(idea number, idea title, bullets), ...])
EXPECTED_PHASES = [
    (
        "1",
        "Tunnistetaan ja arvioidaan",
        "nykytilanne ja tulevaisuuden tarpeet",
        [
            (
                "1",
                "Kunnan mahdollisuudet edistää järjestöjen toimintaa",
                [
                    "Lainsäädännön asettamat velvoitteet ja mahdollisuudet",
                    "Kunnan strategia ja sen luomat mahdollisuudet",
                    "Organisaatiomuutokset ja toimijat kunnassa ja järjestöissä",
                    "Taloudelliset voimavarat",
                ],
            ),
            (
                "2",
                "Järjestötyön merkitys ja mahdollisuudet",
                [
                    "Järjestötyön merkitys ja mahdollisuudet osallisuuden edistämisessä",
                    "Järjestötyön merkitys ja mahdollisuudet kunnan palveluiden tuottamisessa",
                    "Toimintaa ohjaava lainsäädäntö",
                ],
            ),
            (
                "3",
                "Järjestö- ja vapaaehtoistoiminnan rooli kunnassa",
                [
                    (
                        "Nähdään se osana:",
                        [
                            "strategiatyötä",
                            "talous- ja toimintasuunnittelua",
                            "talouden ja toiminnan seurantaa",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "2",
        "Määritellään ja päätetään",
        "periaatteet, vastuutahot sekä palveluiden ja avustamisen muodot",
        [
            (
                "4",
                "Yhteistyön tavoitteet ja periaatteet",
                [
                    "Järjestötyöllä on itsessään arvo.",
                    (
                        "Yhteistyön pelisäännöt selkiyttävät yhteistyön tekemistä sekä "
                        "kunnan että järjestöjen näkökulmasta.",
                        [
                            "yhteistyön auki kirjoitetut tavoitteet",
                            "julkiset järjestöyhteistyön, avustamisen ja muun tuen periaatteet",
                            "tehdyistä linjauksista tiedottaminen ja niiden noudattaminen",
                        ],
                    ),
                ],
            ),
            (
                "5",
                "Resurssit ja vastuutaho",
                [
                    "Henkilöresurssit ja taloudelliset resurssit, joilla yhteistyötä toteutetaan",
                    "Vastuuhenkilö tai -henkilöt ja toimielin, jonka alla järjestöyhteistyötä "
                    "toteutetaan; varmistetaan vastuutahojen yhteistyö",
                    "Järjestöjen mahdollisuudet keskinäiseen yhteistyöhön ja ideointiin",
                    "Resurssien varmistaminen talous- ja toimintasuunnittelulla",
                ],
            ),
            (
                "6",
                "Ostopalvelut, avustaminen ja tukipalvelut",
                [
                    "Tunnistetaan ja määritellään yhteistyöhön liittyvät ostopalvelut, "
                    "avustaminen ja muut tukipalvelut sekä sovitaan niistä.",
                    "Tunnistetaan markkinoilla tapahtuva toiminta ja huomioidaan "
                    "kilpailuttamiseen liittyvät seikat.",
                    "Nähdään järjestötoiminnan tukeminen pelkkää taloudellista "
                    "avustamista laajempana kokonaisuutena.",
                ],
            ),
        ],
    ),
    (
        "3",
        "Huomioidaan ja hyödynnetään",
        "olemassa olevat rakenteet, reunaehdot sekä digitaalisuus",
        [
            (
                "7",
                "Olemassa olevat rakenteet",
                [
                    "Erityiset järjestöyhteistyötä varten suunnitellut rakenteet koko kunnassa",
                    "Lakisääteisten vaikuttamistoimielinten hyödyntäminen osana toimintaa",
                    "Tarpeellisten uusien foorumeiden perustaminen",
                ],
            ),
            (
                "8",
                "Hankintalaki ja muu lainsäädäntö",
                [
                    "Markkinoilla toimimisen tapauskohtainen arviointi ja prosessi",
                    "Hankinta-alan asiantuntijoiden konsultointi",
                ],
            ),
            (
                "9",
                "Uuden teknologian mahdollisuudet",
                [
                    (
                        "Teknologiaa hyödynnettäessä on huomioitava eri osapuolten "
                        "vaihtelevat edellytykset hyödyntää mahdollisuuksia.",
                        [
                            "avustaminen",
                            "yhteistyön rakenteet",
                            "uudenlaiset, kuntalaisille tuotetut paikkariippumattomat palvelut",
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "4",
        "Neuvotellaan ja toimitaan yhdessä",
        "sekä hyvinvointialueen että muiden kuntien kanssa",
        [
            (
                "10",
                "Yhteistoiminta ja vastuunjako hyvinvointialueen kanssa",
                [
                    (
                        "Neuvotteluissa voidaan sopia esimerkiksi:",
                        [
                            "menettelyistä ja periaatteista, joilla järjestöyhteistyöstä sovitaan",
                            "keskinäisen koordinaation muodoista, vastuunjaosta ja periaatteista",
                        ],
                    ),
                ],
            ),
            (
                "+1",
                "Yhteistyö alueen muiden kuntien kanssa",
                [
                    (
                        "Kannattaa:",
                        [
                            "hakea yhteistyön malleja eri kunnista",
                            "hyödyntää järjestöjen tuomia mahdollisuuksia yli kuntarajojen",
                            "toteuttaa alueellisia foorumeita kokemusten ja käytäntöjen jakamiseksi",
                            "kehittää järjestöyhteistyön kokonaisuutta alueellisena yhteistyönä "
                            "tai omien verrokkikuntien kanssa",
                        ],
                    ),
                ],
            ),
        ],
    ),
]

EXPECTED_CLOSING_BULLETS = [
    "Summataan tavoitetila ja mietitään tarvittavat toimenpiteet lyhyellä ja "
    "pitkällä aikavälillä tavoitteiden toteuttamiseksi.",
]

# Typos of the source slides that must not reappear in the workbook.
SEED_TYPOS = [
    "järjestöyön",
    "selkänöjan",
    "vastuunjakoä",
    "laajempänä",
    "järjestyhteistyön",
    "'Seuranta",
    "m m.",
    "yhteistyö toteuttamiseen",
    "edistämässä",
    "tämän hetkisestä",
]


def flatten(bullets: Any, depth: int = 0) -> list[tuple[int, str]]:
    """Bullets (model objects, mappings, strings or outline tuples) as (depth, text)."""
    out: list[tuple[int, str]] = []
    for item in bullets or []:
        if isinstance(item, str):
            out.append((depth, item))
            continue
        if isinstance(item, tuple):
            text, children = item
        elif isinstance(item, dict):
            text, children = item["text"], item.get("bullets")
        else:
            text, children = item.text, item.bullets
        out.append((depth, text))
        out.extend(flatten(children, depth + 1))
    return out


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


@pytest.fixture(scope="module")
def wb():
    return load_workbook()


def all_ideas(wb):
    return [idea for phase in wb.phases for idea in phase.ideas]


def test_metadata(wb):
    assert wb.id == "jarjestoyhteistyo-10-1"
    assert wb.version == "2022.1"
    assert wb.title == "10 + 1 ideaa järjestöyhteistyön kehittämiseen kunnissa"
    assert wb.language == "fi"
    assert wb.source.publisher == "Kuntaliitto"
    assert wb.source.year == "2022"
    assert list(wb.source.authors) == [
        "Mari Ahonen-Walker, erityisasiantuntija",
        "Sami Niemi, erityisasiantuntija",
    ]


def test_fields(wb):
    assert [(f.id, f.label) for f in wb.fields] == [
        ("nykytila", "Nykytilan arviointi"),
        ("tavoitetila", "Tavoitetila"),
        ("seuranta", "Seuranta"),
    ]
    assert all(f.help.strip() for f in wb.fields)


def test_levels(wb):
    assert wb.levels.current_label == "Nykytaso"
    assert wb.levels.target_label == "Tavoitetaso"
    assert [level.value for level in wb.levels.scale] == ["1", "2", "3", "4", "5"]
    assert all(level.label and level.description for level in wb.levels.scale)


def test_sections(wb):
    actual = [(s.id, s.title, list(s.fields), flatten(s.bullets)) for s in wb.sections]
    expected = [(i, t, f, flatten(b)) for i, t, f, b in EXPECTED_SECTIONS]
    assert actual == expected


def test_phases(wb):
    actual = [(p.number, p.title, p.subtitle) for p in wb.phases]
    assert actual == [(n, t, s) for n, t, s, _ in EXPECTED_PHASES]
    assert all(p.description.startswith(p.title.split(" ja ")[0]) for p in wb.phases)


@pytest.mark.parametrize(
    ("phase_number", "number", "title", "bullets"),
    [
        (phase_number, number, title, bullets)
        for phase_number, _, _, ideas in EXPECTED_PHASES
        for number, title, bullets in ideas
    ],
    ids=[number for *_, ideas in EXPECTED_PHASES for number, _, _ in ideas],
)
def test_idea_outline(wb, phase_number, number, title, bullets):
    phase = next(p for p in wb.phases if p.number == phase_number)
    idea = next((i for i in phase.ideas if i.number == number), None)
    assert idea is not None, f"idea {number} missing from phase {phase_number}"
    assert idea.title == title
    assert flatten(idea.bullets) == flatten(bullets)


def test_ideas_complete_and_in_order(wb):
    numbers = [idea.number for idea in all_ideas(wb)]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "+1"]
    assert [[i.number for i in p.ideas] for p in wb.phases] == [
        [number for number, _, _ in ideas] for *_, ideas in EXPECTED_PHASES
    ]


def test_every_idea_has_content(wb):
    for idea in all_ideas(wb):
        assert idea.bullets, idea.number
        assert idea.summary.strip() and idea.text.strip(), idea.number
        assert not idea.title.endswith("."), idea.number


def test_summaries_start_with_phase_verb(wb):
    for phase in wb.phases:
        for idea in phase.ideas:
            verb = "Tehdään yhteistyötä" if idea.number == "+1" else phase.title.split(" ja ")[0]
            assert idea.summary.startswith(verb), idea.number
    assert all_ideas(wb)[0].summary == (
        "Tunnistetaan ja arvioidaan kunnan mahdollisuudet edistää järjestöjen "
        "toimintaa muuttuvassa toimintaympäristössä."
    )


def test_idea_questions(wb):
    by_number = {idea.number: idea for idea in all_ideas(wb)}
    assert dict(by_number["10"].questions) == {
        "nykytila": [
            "Mitkä nykyisistä vastuista siirtyvät hyvinvointialueille?",
            "Mitä uusia vastuita kunnalle tulee?",
        ]
    }
    for number, idea in by_number.items():
        if number != "10":
            assert not idea.questions, number


def test_idea_2_reference(wb):
    idea = next(i for i in all_ideas(wb) if i.number == "2")
    joined = " ".join(idea.references)
    for part in ("Palvelutuotanto", "26/2018", "Riitta Särkelä 2017", "Anne Knaapi 2016",
                 "Ritva Pihlaja 2008"):
        assert part in joined


def test_good_practices(wb):
    assert wb.good_practices.title == "Kuntien hyvät käytännöt"
    assert wb.good_practices.text.strip()


def test_closing(wb):
    closing = wb.closing
    assert closing.title == "Lopuksi"
    assert closing.subtitle == "Kunnan järjestöyhteistyön tavoitetila ja sitä tukevat toimenpiteet"
    assert closing.text.startswith("Tilannekuvauksen ja eri osa-alueiden tarkastelun perusteella")
    assert flatten(closing.bullets) == flatten(EXPECTED_CLOSING_BULLETS)
    assert closing.summary.label == "Tavoitetilan yhteenveto"
    assert closing.actions.label == "Toimenpiteet"
    assert closing.monitoring.label == "Seuranta"
    for word in ("lyhyt", "keskipitkä", "pitkä"):
        assert word in closing.actions.help


def test_seed_typos_corrected(wb):
    texts = list(strings(wb.model_dump()))
    for typo in SEED_TYPOS:
        hits = [text for text in texts if typo in text]
        assert not hits, f"{typo!r} in {hits}"
    for text in texts:
        assert text == text.strip() and "  " not in text and "\n" not in text, repr(text)


def test_the_seed_wording_is_kept_where_jtk_had_changed_it() -> None:
    """Fails before issue 11: "henkilöstö", "hyvinvointialueen(-elle)" and idea 3's and 9's wording
    differed from Kuntaliitto's slides (/work/shared/seed/)."""
    workbook = load_workbook()
    ideas = {idea.number: idea for phase in workbook.phases for idea in phase.ideas}
    assert ideas["3"].text.startswith("Tunnistetaan ja huomioidaan järjestötoiminnan ja vapaaehtoistyön rooli")
    assert "osallistamisen toteuttamisen työvälineinä" in ideas["9"].summary
    assert "yhdessä hyvinvointialueiden kanssa" in ideas["10"].summary
    assert "Mitkä nykyisistä vastuista siirtyvät hyvinvointialueille?" in ideas["10"].questions["nykytila"]
    structures = next(section for section in workbook.sections if section.id == "rakenteet")
    assert any("(mm. ihmiset, organisaatiomuutokset)" in str(b) for b in structures.bullets)
