"""Typed errors and the catalogue of Finnish messages.

The library raises these and never prints or exits; ``cli.py`` is the one place that turns them into
messages on standard error and exit codes. Tests assert against the templates in :class:`M`, so a
message is changed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


class M:
    """Message catalogue. ``{placeholders}`` are filled with ``str.format``."""

    # Files and the strict YAML loader
    FILE_NOT_FOUND = "Tiedostoa ei löydy."
    FILE_UNREADABLE = "Tiedostoa ei voi lukea: {reason}"
    NOT_UTF8 = "Tiedosto ei ole UTF-8-muotoista tekstiä (virheellinen tavu kohdassa {offset})."
    TOO_LARGE = "Tiedosto on liian suuri ({size} tavua; enintään {limit})."
    TOO_DEEP = "Rakenne on liian syvä (yli {limit} tasoa)."
    CONFLICT_MARKER = (
        "Tiedostossa on ratkaisematon git-konfliktin merkki ({marker}). "
        "Ratkaise konflikti ja poista merkit ennen jatkamista."
    )
    YAML_SYNTAX = "YAML-syntaksivirhe: {problem}"
    JSON_SYNTAX = "JSON-syntaksivirhe: {problem}"
    ALIAS = "YAML-ankkurit ja -viittaukset (&nimi, *nimi) eivät ole sallittuja."
    TAG = "YAML-tagit ({tag}) eivät ole sallittuja."
    DUPLICATE_KEY = "Avain {key!r} esiintyy kahdesti (ensimmäisen kerran rivillä {first})."
    COMPLEX_KEY = "Avaimen pitää olla tekstiä."
    MULTIPLE_DOCUMENTS = "Tiedostossa saa olla vain yksi YAML-dokumentti."
    EMPTY_FILE = "Tiedosto on tyhjä."

    # Schema validation (pydantic)
    UNKNOWN_KEY = "Tuntematon avain."
    MISSING_KEY = "Pakollinen avain puuttuu."
    EXPECTED_TEXT = "Odotettiin tekstiä."
    EXPECTED_MAPPING = "Odotettiin avain–arvo-rakennetta."
    EXPECTED_LIST = "Odotettiin luetteloa."
    INVALID_VALUE = "Virheellinen arvo: {detail}"
    LEVEL = "Tason pitää olla kokonaisluku 1–5, nyt {value!r}."
    DATE = "Päivämäärän pitää olla muotoa VVVV-KK-PP, nyt {value!r}."
    CODE = "Kuntanumeron pitää olla kolme numeroa, nyt {value!r}."
    CHOICE = "Sallitut arvot ovat {choices}, nyt {value!r}."

    # Answers against the workbook
    WORKBOOK_MISMATCH = (
        "Vastaukset on tehty työkirjalle {found!r}, mutta käytössä on työkirja {expected!r}. "
        "Anna oikea työkirja valitsimella --workbook."
    )
    UNKNOWN_ITEM = "Työkirjassa ei ole kohtaa {item!r}."
    UNKNOWN_FIELD = "Kohdassa {item!r} ei kysytä kenttää {field!r}."
    NO_LEVELS = "Kohdalle {item!r} ei anneta tasoa."
    UNKNOWN_IDEA = "Työkirjassa ei ole ideaa {idea!r}."

    # Keys of `jtk set/get`
    BAD_KEY = (
        "Tuntematon avain {key!r}. Muoto on <kohta>.<kenttä>, esimerkiksi 4.nykytila, +1.taso, "
        "tilannekuva.tavoitetila, arviointi.pvm tai lopuksi.yhteenveto."
    )
    NOT_A_SCALAR = "Avaimen {key!r} arvo ei ole yksittäinen teksti; muokkaa sitä komennolla {hint}."

    # Register
    UNKNOWN_MUNICIPALITY = "Kuntaa {query!r} ei löydy. Tarkoititko: {suggestions}?"
    UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS = "Kuntaa {query!r} ei löydy. Katso luettelo: jtk kunnat"
    AMBIGUOUS_MUNICIPALITY = "Haku {query!r} sopii useaan kuntaan: {matches}."

    # Store
    EXISTS = "Tiedosto on jo olemassa; sitä ei korvata. Avaa se komennolla jtk interview {path}."
    LOCKED = (
        "Tiedosto on toisen jtk-prosessin käytössä (lukko {lock}). "
        "Odota, että toinen istunto päättyy, ja yritä uudelleen."
    )
    WRITE_FAILED = "Tiedostoon ei voitu kirjoittaa: {reason}. Aiempi versio on ennallaan."

    # Actions
    NO_SUCH_ACTION = "Toimenpidettä numero {number} ei ole (toimenpiteitä on {count})."
    ACTION_FIELD = "Toimenpiteellä ei ole kenttää {field!r}. Kentät: {fields}."

    # Import
    IMPORT_FORMAT = "Tuotavan tiedoston pitää olla YAML- tai JSON-muotoinen: {reason}"

    # Interactive use
    NOT_A_TERMINAL = (
        "Haastattelu tarvitsee päätteen, mutta syöte ei ole pääte. "
        "Käytä ei-vuorovaikutteisesti komentoja jtk set tai jtk import."
    )

    # The interview (jtk interview)
    TERMINAL_ENCODING = (
        "Päätteen merkistö on {encoding}, ei UTF-8, joten ä, ö ja å menisivät rikki. "
        "Käytä UTF-8-päätettä, esimerkiksi LANG=fi_FI.UTF-8 tai LC_ALL=C.UTF-8."
    )
    NO_SUCH_STOP = "Haastattelussa ei ole kohtaa {target!r}. Kohdat: {stops}."
    NO_SUCH_ENTRY = "Riviä numero {number} ei ole (rivejä on {count})."
    NOT_AN_ANSWERS_FILE = "Tiedostoa ei ole. Uuden kunnan tiedosto luodaan, kun annat kunnan nimen: jtk interview Helsinki"
    DRAFT_FILE = "Luonnostiedosto on rikki: {reason} Korjaa tai poista tiedosto {path}."
    RESUME_AT = "Vastaukset on tallennettu: {path}. Seuraavaksi kohta {where}. Jatka komennolla:"
    DRAFT_KEPT = "Keskeneräinen teksti on tallessa luonnoksena ({draft}); se tarjotaan seuraavalla kerralla."
    DRAFT_RESTORED = "Edellisen istunnon tallentamaton luonnos palautettu; hyväksy se tallentaaksesi."
    SAVE_FAILED = "Tallennus epäonnistui: {reason} Kirjoittamasi teksti on alla; kopioi se talteen."
    DRAFT_SAVE_FAILED = "Luonnosta ei voitu tallentaa: {reason}"
    OUTSIDE_MERGED = "Tiedostoa oli muutettu haastattelun ulkopuolella; muutokset yhdistettiin vastauksiin."
    OUTSIDE_KEPT = (
        "Tiedostoa oli muutettu haastattelun ulkopuolella ristiriitaisesti ({keys}). Haastattelun vastaukset "
        "tallennettiin; ulkopuolinen versio on tallessa tiedostossa {backup}."
    )
    ATTACH_ACTION = "Uusi toimenpide: {idea}. Tyhjä toimenpide perutaan."
    BACK_TO = "Takaisin kohtaan {where}."
    DRAFT_IN_LIST = "Tässä on tallentamaton luonnos: avaa rivi (u = uusi, numero = muokkaa), niin se palautetaan."

    # Region and time: jtk compare, jtk diff, jtk history (git revisions)
    GIT_MISSING = "git-komentoa ei löydy. Asenna git tai vertaa kahta tiedostoa: jtk diff VANHA UUSI."
    NOT_A_REPOSITORY = (
        "Tiedosto ei ole git-tietovarastossa, joten sen versioita ei voi lukea. "
        "Vertaa kahta tiedostoa: jtk diff VANHA UUSI."
    )
    UNKNOWN_REVISION = "Versiota {rev!r} ei löydy tietovarastosta (esim. HEAD, HEAD~1, main tai commitin tunniste)."
    NOT_IN_REVISION = "Tiedostoa {name} ei ole versiossa {rev}."
    NO_COMMITS = "Tiedostosta ei ole yhtään tallennettua versiota (git commit)."
    GIT_FAILED = "git-komento epäonnistui: {reason}"
    DIFF_ARGUMENTS = (
        "Anna joko kaksi tiedostoa (jtk diff VANHA UUSI) tai yksi tiedosto ja versio "
        "(jtk diff TIEDOSTO --from VERSIO [--to VERSIO])."
    )
    NOTHING_TO_COMPARE = "Yhtään vastaustiedostoa ei voitu lukea; vertailua ei tehty."
    GROUP_CHOICE = "Ryhmittely {value!r} ei ole sallittu; sallitut: {choices}."
    MERGE_CONFLICT = (
        "Yhdistäminen jäi kesken: {keys}. Tiedostoon on merkitty konfliktit (<<<<<<< … >>>>>>>); "
        "ratkaise ne ja tarkista: jtk validate."
    )

    # Reports: jtk report (templates, Typst, output files)
    TEMPLATES_NOT_A_DIR = "Mallipohjakansiota ei löydy (--templates)."
    TEMPLATE_NOT_FOUND = "Mallipohjaa {name!r} ei löydy omasta kansiosta eikä jtk:n mukana tulevista."
    TEMPLATE_ERROR = "Virhe mallipohjassa: {reason}"
    TYPST_ERROR = "PDF:n taitto epäonnistui: {reason}"
    TYPST_PACKAGE = "Mallipohja yrittää ladata Typst-paketin ({spec}); paketteja ei ladata verkosta."
    REPORT_FORMAT = "Tuntematon muoto {value!r}; sallitut: {choices}."
    REPORT_UNANSWERED = "Vastaamatta {count} kysymystä (--strict): {items}."
    REPORT_SAME_OUTPUT = "Sama tulostiedosto {name} syntyisi myös tiedostosta {other}; anna tiedostoille eri nimet."
    REPORT_WORKERS = "Rinnakkaisten prosessien määrä (-j) on 1 tai enemmän, tai 0 = yksi prosessoria kohden; nyt {value}."
    REPORT_UNEXPECTED = "Raportin tekeminen epäonnistui odottamatta: {reason}"
    REPORT_HISTORY_NO_REPOSITORY = (
        "Tiedosto ei ole git-tietovarastossa, joten raporttiin ei voi koota tasoja ajan mittaan (--historia). "
        "Tallenna arvioinnit gitiin tai tee raportti ilman valitsinta --historia."
    )
    REPORT_HISTORY_TOO_FEW = (
        "Tasot ajan mittaan (--historia) tarvitsee vähintään kaksi tiedoston tallennettua versiota (git commit); "
        "luettavia versioita on {count}."
    )

    # Issue 14: Word and Excel (jtk export, -f docx/xlsx, jtk lomake)
    EXPORT_SUFFIX = "Tiedoston {name} muotoa ei tunneta; anna pääte {choices}."
    EXPORT_OVERWRITES_INPUT = "Tulostiedosto {name} on myös luettava vastaustiedosto; anna toinen nimi (-o)."
    EXPORT_CELL_TOO_LONG = (
        "Teksti on liian pitkä Excelin soluun ({length} merkkiä, enintään {limit}; taulukko {table}, rivi {row}). "
        "Tee vienti CSV- tai JSON-muotoon, niin teksti säilyy kokonaan."
    )
    EXPORT_WRITTEN = "Kirjoitettu {path}."
    EXPORT_NOTHING = "Yhtään vastaustiedostoa ei voitu lukea; mitään ei viety."
    DOCX_TEMPLATE_BROKEN = "Word-pohjaa ei voi käyttää: {reason}"
    FORM_SUFFIX = "Lomakkeen nimen pitää päättyä .docx, nyt {name}."
    FORM_WRITTEN = "Kirjoitettu lomake {path}. Täytetty lomake tuodaan komennolla: jtk import {answers} {path}"
    FORM_EXISTS = (
        "Tiedosto {name} on jo olemassa, ja se voi olla täytetty lomake, jota ei ole vielä tuotu; sitä ei korvata. "
        "Anna toinen nimi (-o) tai korvaa se valitsimella --korvaa."
    )
    FORM_NOT_A_FORM = "Tiedosto ei ole Word-asiakirja (.docx)."
    FORM_NOT_JTK = "Asiakirja ei ole jtk:n lomake (siitä puuttuu ominaisuus jtk-lomake); tee lomake komennolla jtk lomake."
    FORM_TOO_LARGE = "Asiakirjan osa {part} on liian suuri lomakkeeksi."
    FORM_BROKEN = "Asiakirja on rikki: {reason}"
    FORM_ROW_WITHOUT_KEY = (
        "Lomakkeeseen on lisätty rivi ilman tunnistetta kohdan {after} jälkeen; sen teksti jäisi tuomatta. "
        "Siirrä teksti kenttään ja poista rivi."
    )
    FORM_STRUCTURE = "Lomakkeen rivin {key} rakenne on muuttunut (rivillä pitää olla kaksi saraketta)."
    FORM_TAG_MISMATCH = "Rivin tunniste {key} ja sen kentän tunniste ({tags}) eivät täsmää; lomakkeen rakennetta on muutettu."
    FORM_DUPLICATE = "Tunniste {key} on lomakkeessa kahdesti."
    FORM_UNKNOWN_KEY = "Tunnistetta {key} ei ole työkirjassa; lomakkeen rakennetta on muutettu."
    FORM_MISSING_KEY = "Lomakkeesta puuttuu kenttä {key}; lomakkeen rakennetta on muutettu."
    FORM_LEVEL = "Kentän {key} taso {value!r} ei ole sallittu; valitse 1–5 tai jätä arvioimatta."
    FORM_OTHER_MUNICIPALITY = "Lomake on tehty kunnan {form} vastauksista, tämä tiedosto on kunnan {file}."
    FORM_IMPORTED = "Tuotu lomakkeesta {count} vastausta tiedostoon {path}."
    FORM_KEPT = (
        "Nämä vastaukset ovat muuttuneet tiedostossa lomakkeen tekemisen jälkeen, eikä niitä muutettu "
        "lomakkeessa; tiedoston vastaukset säilyivät: {keys}."
    )
    FORM_CONFLICTS = (
        "Näitä ei tuotu, koska vastaus on muuttunut sekä tiedostossa lomakkeen tekemisen jälkeen että "
        "lomakkeessa: {keys}. Lomakkeen teksti on tallessa lomakkeessa; vertaa ja aseta käsin (jtk set)."
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong, with where it is: file, line (1-based) and key path."""

    message: str
    path: str | None = None
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where += f":{self.line}"
        elif self.line:
            where = f"rivi {self.line}"
        parts = [p for p in (where, f"avain {self.key}" if self.key else "") if p]
        return ": ".join([*parts, self.message])


class JtkError(Exception):
    """An expected failure the user can act on. Holds one or more problems."""

    exit_code = 1

    def __init__(
        self,
        message: str | None = None,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.problems: list[Problem] = list(problems or [])
        if message is not None:
            self.problems.insert(0, Problem(message, path, line, key))
        super().__init__("\n".join(str(p) for p in self.problems))

    def with_path(self, path: str) -> JtkError:
        """The same error, with ``path`` filled in where a problem has none."""
        self.problems = [
            p if p.path else Problem(p.message, path, p.line, p.key) for p in self.problems
        ]
        self.args = ("\n".join(str(p) for p in self.problems),)
        return self


class InvalidContent(JtkError):
    """A file or value breaks the rules: YAML syntax, schema or workbook."""


class NotFound(JtkError):
    """A file, municipality, item or action that does not exist."""


class Conflict(JtkError):
    """The operation would overwrite something or another process holds the file."""


class UsageError(JtkError):
    """The command was used wrongly (for example, an interview without a terminal)."""

    exit_code = 2
