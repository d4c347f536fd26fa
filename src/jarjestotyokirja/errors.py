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
        "Tiedostossa on ratkaisemattoman git-konfliktin merkki ({marker}). "
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
        "Osio ”Tasot ajan mittaan” (--historia) edellyttää vähintään kahta tiedoston tallennettua versiota (git commit); "
        "luettavia versioita on {count}."
    )

    # Issue 8: the answers store (locks and waiting, the size limit, read-only files, outputs)
    LOCKED_INTERVIEW = "Tiedostoa haastatellaan ({holder}). Yritä uudelleen, kun haastattelu on päättynyt."
    LOCKED_BY = "Tiedosto on toisen jtk-prosessin käytössä ({holder}). Yritä hetken kuluttua uudelleen."
    LOCK_WAITED = "Odotettiin {seconds} s; pidempi odotus valitsimella --odota SEKUNTIA."
    LOCK_PID = "pid {pid}"
    LOCK_HOST = "kone {host}"
    LOCK_SINCE = "klo {time}"
    LOCK_SINCE_DAY = "{day} klo {time}"
    ANSWER_TOO_LARGE = (
        "Vastaustiedostosta tulisi liian suuri ({size} tavua; enintään {limit}), joten mitään ei tallennettu. "
        "Pisin vastaus on {key} ({length} merkkiä); lyhennä sitä."
    )
    READ_ONLY = "Tiedosto on kirjoitussuojattu, joten sitä ei muutettu. Poista suojaus, jos haluat muokata sitä."
    OUTPUT_IS_INPUT = (
        "Tulostiedosto {output} olisi sama kuin luettava tiedosto {input}; sitä ei korvata. "
        "Anna toinen kansio (-o) tai nimi."
    )
    OUTPUT_NOT_OURS = (
        "Tulostiedoston paikalla {output} on vastaustiedosto (tai muu YAML-tiedosto); sitä ei korvata. "
        "Anna toinen kansio (-o) tai nimi."
    )


    # Issue 9: the interview in a real terminal (hang-up, autosave, friction)
    DID_YOU_MEAN = "Tarkoititko: {suggestions}?"
    NO_SUCH_STOP_SHORT = "ei sellaista kohtaa.{hint} Tab täydentää."
    DRAFT_LEFT = "{where}: muutos jäi luonnokseksi, ei tallennettu. Ctrl-R palauttaa tallennetun vastauksen."
    DRAFT_DISCARDED = "Luonnos hylätty; tallennettu vastaus palautettu."
    TARGET_BELOW_CURRENT = (
        "Tavoitetaso {target} on nykytasoa {current} alempi. Enter hyväksyy silti, tai anna toinen taso."
    )
    WRONG_INPUT = "{typed}: {problem}"
    LEVEL_EXPECTED = "anna taso 1–5; - tyhjentää."
    CHOICE_EXPECTED = "valitse numero tai kirjoita vaihtoehdon alku: {choices}"
    LIST_COMMAND_EXPECTED = "kirjoita u, rivin numero 1–{count} tai p ja numero."
    LIST_COMMAND_EMPTY = "kirjoita u (uusi) tai paina Enter (jatka)."
    EDITOR_MISSING = "Editoria {editor!r} ei löydy (${variable}). Aseta EDITOR tai VISUAL olemassa olevaan editoriin."
    EDITOR_NONE = "Editoria ei löydy: aseta ympäristömuuttuja EDITOR (esim. EDITOR=nano)."
    EDITOR_FAILED = "Editori {editor!r} päättyi virheeseen ({code}); teksti on ennallaan."
    # Issue 10: hostile input (dates, reads, imports, names, templates, git, batches, OS errors)
    INTERRUPTED = "Keskeytetty."
    DATE_NOT_A_DATE = "{text!r} ei ole päivämäärä; anna se muodossa PP.KK.VVVV tai VVVV-KK-PP, esim. 31.12.2027."
    DATE_YEAR = "{text}: vuoden pitää olla {first}–{last}."
    DATE_MONTH = "{text}: kuukausia on 1–12, ei {month}."
    DATE_DAY = "{text}: {month} ei ole {day}. päivää."
    OPTION_DATE = "{option}: {problem}"
    ACTION_TEXT_EMPTY = "Toimenpiteellä pitää olla teksti."
    NOT_A_REGULAR_FILE = "Ei tavallinen tiedosto ({kind}); jtk lukee vain tavallisia tiedostoja."
    INPUT_TOO_LARGE = "Syöte on liian suuri (yli {limit} tavua); lukeminen lopetettiin."
    OS_EACCES = "käyttöoikeus puuttuu"
    OS_ENOSPC = "levy on täynnä"
    OS_ENOENT = "tiedostoa tai kansiota ei ole"
    OS_EROFS = "levy on vain luettavissa"
    OS_EISDIR = "kohde on kansio"
    OS_ENOTDIR = "polun osa ei ole kansio"
    OS_EEXIST = "kohde on jo olemassa"
    OS_EDQUOT = "levytilakiintiö on täynnä"
    OS_ENAMETOOLONG = "nimi on liian pitkä"
    OS_EIO = "laitteen luku- tai kirjoitusvirhe"
    OS_EMFILE = "liian monta avointa tiedostoa"
    OS_EBUSY = "kohde on käytössä"
    OS_ELOOP = "liian monta symbolista linkkiä peräkkäin"
    OS_EXDEV = "kohde on eri levyllä"
    OS_OTHER = "käyttöjärjestelmän virhe {name}"
    EMPTY_STDIN = (
        "Vakiosyöte oli tyhjä, joten avainta {key} ei muutettu. "
        "Tyhjennä vastaus antamalla tyhjä arvo ('') tai valitsin --tyhjenna."
    )
    CLEAR_WITH_VALUE = "Anna joko arvo tai --tyhjenna, ei molempia."
    KIND_DIRECTORY = "kansio"
    KIND_FIFO = "nimetty putki"
    KIND_DEVICE = "laite"
    KIND_SOCKET = "pistoke"
    KIND_OTHER = "erikoistiedosto"
    TEMPLATE_OUTSIDE = (
        "Mallipohja {name!r} osoittaa mallikansioiden ulkopuolelle ({target}); mallipohjat saavat "
        "käyttää vain mallikansioiden omia tiedostoja."
    )
    TYPST_OUTSIDE = (
        "Mallikansion tiedosto {name} osoittaa kansion ulkopuolelle ({target}); Typst saa lukea vain "
        "mallikansioiden omia tiedostoja."
    )
    TYPST_NOT_A_FILE = (
        "Mallikansiossa on {name}, joka ei ole tavallinen tiedosto (nimetty putki tai laite); "
        "Typst ei saa lukea sitä. Poista se kansiosta."
    )
    TEMPLATE_TIME_LIMIT = "mallipohjan käsittely kesti yli aikarajan {seconds} s (--aikaraja)."
    TEMPLATE_SIZE_LIMIT = "{what}: tulos olisi yli {limit} merkkiä tai alkiota, mikä on mallipohjien yläraja."
    TEMPLATE_UNSAFE_CALL = "mallipohja ei saa kutsua {name!r}."
    TEMPLATE_UNSAFE_ATTRIBUTE = "mallipohja ei saa käyttää ominaisuutta {attribute!r} ({kind}); tiedot ovat vain luettavia."
    TEMPLATE_RECURSION = "liian syvä rekursio (makro kutsuu itseään liian monta kertaa)."
    TEMPLATE_MEMORY = "muisti loppui."
    OUTPUT_NAME = (
        "{option}: {name!r} ei käy tiedoston nimeksi; anna pelkkä nimi ilman kansioita "
        "(ei /, \\ tai :, ei alkuun pistettä, ei tyhjä), esim. vertailu-2027."
    )
    IMPORT_LONG_NUMBER = "luvussa on {digits} numeroa; jtk hyväksyy enintään {limit}."
    IMPORT_CONTROL = "tekstissä on ohjausmerkki U+{code}, jota vastaustiedostoon ei tallenneta; poista se."
    IMPORT_SURROGATE = (
        "tekstissä on pariton UTF-16-puolisko U+{code} (\\u{code}), joka ei ole merkki; korjaa tuova ohjelma."
    )
    YAML_BAD_CHARACTER = (
        "merkki U+{code} (ohjausmerkki tai NUL-tavu) ei kuulu YAML-tiedostoon; poista se tai kirjoita "
        "se lainausmerkkeihin muodossa \\x.."
    )
    YAML_NO_VALUE = "arvo puuttuu tai alkaa merkillä, jolla arvo ei voi alkaa (pilkku, sulku tai kaksoispiste väärässä kohdassa?)"
    YAML_ESCAPE = "lainausmerkeissä on tuntematon kenoviivamerkintä (\\); kirjoita kenoviiva kahdesti tai käytä heittomerkkejä"
    YAML_BROKEN = "rakenne on virheellinen tässä kohdassa"
    HISTORY_NO_VERSIONS = (
        "Tiedostosta {name} ei löytynyt yhtään luettavaa versiota: git löysi {count} sitä koskevaa "
        "committia, mutta tiedostoa ei ole niissä (se on poistettu tai nimetty uudelleen)."
    )
    REPORT_WORKER_DIED = (
        "Raporttia tekevä prosessi päättyi kesken (se lopetettiin tai muisti loppui); "
        "muut tiedostot tehtiin. Kokeile tätä tiedostoa yksin: jtk report TIEDOSTO -j 1."
    )
    TIME_LIMIT_OPTION = "--aikaraja: anna sekunnit positiivisena lukuna, nyt {value!r}."
    # Issue 11: publication
    HISTORY_STATUS_DATE = "Myöhästymiset arvioitu päivänä {date} ({basis})."
    HISTORY_BASIS_COMMIT = "uusimman tallennetun version päivä"
    HISTORY_BASIS_CHOSEN = "valitsimen --tilanne päivä"
    HISTORY_BASIS_ASSESSMENT = "arvioinnin päivä; tiedostolla ei ole tallennettuja versioita"
    REPORT_UNANSWERED_ONE = "Vastaamatta 1 kysymys (--strict): {items}."

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

    # Issue 13: the UI language (said in all three languages: it is wrong before one is chosen)
    UNKNOWN_UI_LANGUAGE = (
        "JTK_KIELI={value!r} ei ole tuettu kieli; anna fi, sv tai en.\n"
        "JTK_KIELI={value!r} är inte ett språk som stöds; ange fi, sv eller en.\n"
        "JTK_KIELI={value!r} is not a supported language; use fi, sv or en."
    )
    # Issue 13: what the commands print on success (were inline strings in cli/commands/)
    STDIN_PROMPT = "Kirjoita arvo ja lopeta rivinvaihdolla ja Ctrl-D:llä."
    FILE_CREATED_FOR = "Luotu {path} ({name}, {code}{county})."
    FILE_CREATED = "Luotu {path}."
    NEXT_INTERVIEW = "Seuraavaksi: jtk interview {path}"
    ANSWER_SAVED = "Tallennettu {key} tiedostoon {file}."
    ANSWERS_IMPORTED = "Tuotu {data} tiedostoon {file}."
    ACTION_ADDED = "Lisätty toimenpide {number}."
    ACTION_UPDATED = "Päivitetty toimenpide {number}."
    ACTION_REMOVED = "Poistettu toimenpide {number}: {text}"
    WRITTEN = "Kirjoitettu {path}."
    WORKBOOK_OK = "ok: {path}: {title} ({count} ideaa)"
    BATCH_DONE = "Valmis: {done}/{total} tiedostoa, {reports} raporttia"
    BATCH_FAILED = ", {failed} epäonnistui"
    PROGRESS_REPORTS = "Raportit"


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
