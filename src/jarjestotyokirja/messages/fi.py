"""The Finnish texts of the catalogue (names as in :mod:`.codes`).

A value is the message, or a pair (message, hint) when the message comes with advice: the command line
prints the hint on its own line. ``{name}`` fields are filled by ``str.format``; ``{name!q}`` puts the
value in quotation marks (”like this”) with control characters shown as U+XXXX. Keep the names of
sv.py and en.py the same.
"""

# F: Files and the operating system
FILE_NOT_FOUND = "Tiedostoa ei löydy."
FILE_UNREADABLE = "Tiedostoa ei voi lukea: {reason}"
NOT_UTF8 = "Tiedosto ei ole UTF-8-muotoista tekstiä (virheellinen tavu kohdassa {offset})."
TOO_LARGE = "Tiedosto on liian suuri ({size} tavua; enintään {limit})."
EMPTY_FILE = "Tiedosto on tyhjä."
NOT_A_REGULAR_FILE = "Ei tavallinen tiedosto ({kind}); jtk lukee vain tavallisia tiedostoja."
INPUT_TOO_LARGE = "Syöte on liian suuri (yli {limit} tavua); lukeminen lopetettiin."
WRITE_FAILED = "Tiedostoon ei voitu kirjoittaa: {reason}. Aiempi versio on ennallaan."
READ_ONLY = (
    "Tiedosto on kirjoitussuojattu, joten sitä ei muutettu.",
    "Poista suojaus, jos haluat muokata sitä.",
)
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
KIND_DIRECTORY = "kansio"
KIND_FIFO = "nimetty putki"
KIND_DEVICE = "laite"
KIND_SOCKET = "pistoke"
KIND_OTHER = "erikoistiedosto"

# Y: YAML and JSON syntax (the strict loader)
TOO_DEEP = "Rakenne on liian syvä (yli {limit} tasoa)."
CONFLICT_MARKER = (
    "Tiedostossa on ratkaisemattoman git-konfliktin merkki ({marker}).",
    "Ratkaise konflikti ja poista merkit ennen jatkamista.",
)
JSON_SYNTAX = "JSON-syntaksivirhe: {problem}"
ALIAS = "YAML-ankkurit ja -viittaukset (&nimi, *nimi) eivät ole sallittuja."
TAG = "YAML-tagit ({tag}) eivät ole sallittuja."
DUPLICATE_KEY = "Avain {key!q} esiintyy kahdesti (ensimmäisen kerran rivillä {first})."
COMPLEX_KEY = "Avaimen pitää olla tekstiä."
MULTIPLE_DOCUMENTS = "Tiedostossa saa olla vain yksi YAML-dokumentti."
YAML_BAD_CHARACTER = (
    "merkki U+{code} (ohjausmerkki tai NUL-tavu) ei kuulu YAML-tiedostoon; poista se tai kirjoita se "
    "lainausmerkkeihin muodossa \\x.."
)
YAML_NO_VALUE = (
    "YAML-syntaksivirhe: arvo puuttuu tai alkaa merkillä, jolla arvo ei voi alkaa "
    "(pilkku, sulku tai kaksoispiste väärässä kohdassa?)"
)
YAML_ESCAPE = (
    "YAML-syntaksivirhe: lainausmerkeissä on tuntematon kenoviivamerkintä (\\)",
    "Kirjoita kenoviiva kahdesti tai käytä heittomerkkejä.",
)
YAML_BROKEN = "YAML-syntaksivirhe: rakenne on virheellinen tässä kohdassa"
YAML_COLON = (
    "YAML-syntaksivirhe: kaksoispiste väärässä kohdassa",
    "Kirjoita arvo, jossa on ': ', lainausmerkkeihin tai korjaa sisennys.",
)
YAML_CANNOT_START = "YAML-syntaksivirhe: merkki, jolla arvo ei voi alkaa (sarkain sisennyksessä?)"
YAML_UNEXPECTED_END = "YAML-syntaksivirhe: tiedosto loppui kesken (sulkematon lainausmerkki?)"
YAML_UNCLOSED_LIST = "YAML-syntaksivirhe: hakasulkeella [ alkava luettelo jäi sulkematta"
YAML_UNCLOSED_MAPPING = "YAML-syntaksivirhe: aaltosulkeella { alkava rakenne jäi sulkematta"
YAML_INDENT = "YAML-syntaksivirhe: sisennys ei täsmää tai kaksoispiste puuttuu"

# S: Schema: values of the wrong kind or form
UNKNOWN_KEY = "Tuntematon avain."
MISSING_KEY = "Pakollinen avain puuttuu."
EXPECTED_TEXT = "Odotettiin tekstiä."
EXPECTED_MAPPING = "Odotettiin avain–arvo-rakennetta."
EXPECTED_LIST = "Odotettiin luetteloa."
INVALID_VALUE = "Virheellinen arvo: {detail}"
LEVEL = "Tason pitää olla kokonaisluku 1–5, nyt {value!q}."
DATE = "Päivämäärän pitää olla muotoa VVVV-KK-PP, nyt {value!q}."
CODE = "Kuntanumeron pitää olla kolme numeroa, nyt {value!q}."
CHOICE = "Sallitut arvot ovat {choices}, nyt {value!q}."
DATE_NOT_A_DATE = "{text!q} ei ole päivämäärä; anna se muodossa PP.KK.VVVV tai VVVV-KK-PP, esim. 31.12.2027."
DATE_YEAR = "{text}: vuoden pitää olla {first}–{last}."
DATE_MONTH = "{text}: kuukausia on 1–12, ei {month}."
DATE_DAY = "{text}: {month} ei ole {day}. päivää."
ACTION_TEXT_EMPTY = "Toimenpiteellä pitää olla teksti."
WORKBOOK_SCALE = "Asteikossa pitää olla tasot 1, 2, 3, 4 ja 5 tässä järjestyksessä."
WORKBOOK_FIELD_IDS = "Kenttien tunnisteiden pitää olla {expected}; nyt {found}."
WORKBOOK_DUPLICATE_IDS = "Sama tunniste on käytössä useasti: {ids}."
WORKBOOK_SECTION_FIELDS = "Osio {section!q} kysyy tuntemattomia kenttiä: {fields}."
WORKBOOK_IDEA_FIELDS = "Idean {idea} kysymykset viittaavat tuntemattomiin kenttiin: {fields}."
WORKBOOK_OK = "ok: {path}: {title} ({count} ideaa)"
DATE_IN_MONTHS = (
    "tammikuussa helmikuussa maaliskuussa huhtikuussa toukokuussa kesäkuussa "
    "heinäkuussa elokuussa syyskuussa lokakuussa marraskuussa joulukuussa"
)

# A: Answers against the workbook
WORKBOOK_MISMATCH = (
    "Vastaukset on tehty työkirjalle {found!q}, mutta käytössä on työkirja {expected!q}.",
    "Anna oikea työkirja valitsimella --workbook.",
)
UNKNOWN_ITEM = "Työkirjassa ei ole kohtaa {item!q}."
UNKNOWN_FIELD = "Kohdassa {item!q} ei kysytä kenttää {field!q}."
NO_LEVELS = "Kohdalle {item!q} ei anneta tasoa."
UNKNOWN_IDEA = "Työkirjassa ei ole ideaa {idea!q}."
ITEMS_ARE = "Kohdat: {items}."

# K: Keys and values of jtk set, get, action and import
BAD_KEY = (
    "Tuntematon avain {key!q}.",
    "Muoto on <kohta>.<kenttä>, esimerkiksi 4.nykytila, +1.taso, tilannekuva.tavoitetila, arviointi.pvm "
    "tai lopuksi.yhteenveto.",
)
NOT_A_SCALAR = (
    "Avaimen {key!q} arvo ei ole yksittäinen teksti.",
    "Muokkaa sitä komennolla {hint}.",
)
NO_SUCH_ACTION = "Toimenpidettä numero {number} ei ole (toimenpiteitä on {count})."
ACTION_FIELD = "Toimenpiteellä ei ole kenttää {field!q}. Kentät: {fields}."
IMPORT_LONG_NUMBER = "luvussa on {digits} numeroa; jtk hyväksyy enintään {limit}."
IMPORT_CONTROL = "tekstissä on ohjausmerkki U+{code}, jota vastaustiedostoon ei tallenneta; poista se."
IMPORT_SURROGATE = (
    "tekstissä on pariton UTF-16-puolisko U+{code} (\\u{code}), joka ei ole merkki; korjaa tuova ohjelma."
)
EMPTY_STDIN = (
    "Vakiosyöte oli tyhjä, joten avainta {key} ei muutettu.",
    "Tyhjennä vastaus antamalla tyhjä arvo ('') tai valitsin --tyhjenna.",
)
CLEAR_WITH_VALUE = "Anna joko arvo tai --tyhjenna, ei molempia."
FIELDS_ARE = "Kentät: {fields}."
MUNICIPALITY_READ_ONLY = (
    "Avainta {key!q} ei muuteta komennolla jtk set.",
    "Kunta valitaan komennolla jtk init.",
)
IMPORT_OTHER_MUNICIPALITY = "Tuotavat vastaukset ovat kunnalle {incoming}, tämä tiedosto kunnalle {own}."
SAVED_KEY = "Tallennettu {key} tiedostoon {file}."
IMPORTED = "Tuotu {data} tiedostoon {file}."
ACTION_ADDED = "Lisätty toimenpide {number}."
ACTION_UPDATED = "Päivitetty toimenpide {number}."
ACTION_REMOVED = "Poistettu toimenpide {number}: {text}"
EDIT_WITH_IMPORT = "jtk import tai jtk interview"

# R: The register of municipalities
UNKNOWN_MUNICIPALITY = (
    "Kuntaa {query!q} ei löydy.",
    "Tarkoititko: {suggestions}?",
)
UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS = (
    "Kuntaa {query!q} ei löydy.",
    "Katso luettelo: jtk kunnat",
)

# L: The answers store: locks, sizes, outputs
EXISTS = (
    "Tiedosto on jo olemassa; sitä ei korvata.",
    "Avaa se komennolla jtk interview {path}.",
)
LOCKED = (
    "Tiedosto on toisen jtk-prosessin käytössä (lukko {lock}).",
    "Odota, että toinen istunto päättyy, ja yritä uudelleen.",
)
LOCKED_INTERVIEW = (
    "Tiedostoa haastatellaan ({holder}).",
    "Yritä uudelleen, kun haastattelu on päättynyt.",
)
LOCKED_BY = (
    "Tiedosto on toisen jtk-prosessin käytössä ({holder}).",
    "Yritä hetken kuluttua uudelleen.",
)
LOCK_WAITED = "Odotettiin {seconds} s; pidempi odotus valitsimella --odota SEKUNTIA."
LOCK_PID = "pid {pid}"
LOCK_HOST = "kone {host}"
LOCK_SINCE = "klo {time}"
LOCK_SINCE_DAY = "{day} klo {time}"
ANSWER_TOO_LARGE = (
    "Vastaustiedostosta tulisi liian suuri ({size} tavua; enintään {limit}), joten mitään ei tallennettu.",
    "Pisin vastaus on {key} ({length} merkkiä); lyhennä sitä.",
)
OUTPUT_IS_INPUT = (
    "Tulostiedosto {output} olisi sama kuin luettava tiedosto {input}; sitä ei korvata.",
    "Anna toinen kansio (-o) tai nimi.",
)
OUTPUT_NOT_OURS = (
    "Tulostiedoston paikalla {output} on vastaustiedosto (tai muu YAML-tiedosto); sitä ei korvata.",
    "Anna toinen kansio (-o) tai nimi.",
)
CREATED = "Luotu {path} ({name}, {code}{county})."
CREATED_FILE = "Luotu {path}."
NEXT_INTERVIEW = "Seuraavaksi: jtk interview {path}"

# I: The interview
TERMINAL_ENCODING = (
    "Päätteen merkistö on {encoding}, ei UTF-8, joten ä, ö ja å menisivät rikki.",
    "Käytä UTF-8-päätettä, esimerkiksi LANG=fi_FI.UTF-8 tai LC_ALL=C.UTF-8.",
)
NO_SUCH_STOP = "Haastattelussa ei ole kohtaa {target!q}. Kohdat: {stops}."
NO_SUCH_ENTRY = "Riviä numero {number} ei ole (rivejä on {count})."
NOT_AN_ANSWERS_FILE = (
    "Tiedostoa ei ole.",
    "Uuden kunnan tiedosto luodaan, kun annat kunnan nimen: jtk interview Helsinki",
)
DRAFT_FILE = (
    "Luonnostiedosto on rikki: {reason}",
    "Korjaa tai poista tiedosto {path}.",
)
RESUME_AT = "Vastaukset on tallennettu: {path}. Seuraavaksi kohta {where}. Jatka komennolla:"
DRAFT_KEPT = "Keskeneräinen teksti on tallessa luonnoksena ({draft}); se tarjotaan seuraavalla kerralla."
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
DID_YOU_MEAN = "Tarkoititko: {suggestions}?"
NO_SUCH_STOP_SHORT = "ei sellaista kohtaa.{hint} Tab täydentää."
DRAFT_LEFT = "{where}: muutos jäi luonnokseksi, ei tallennettu. Ctrl-R palauttaa tallennetun vastauksen."
DRAFT_DISCARDED = "Luonnos hylätty; tallennettu vastaus palautettu."
TARGET_BELOW_CURRENT = (
    'Tavoitetaso {target} on nykytasoa {current} alempi. '
    'Enter hyväksyy silti, tai anna toinen taso.'
)
WRONG_INPUT = "{typed}: {problem}"
LEVEL_EXPECTED = "anna taso 1–5; - tyhjentää."
CHOICE_EXPECTED = "valitse numero tai kirjoita vaihtoehdon alku: {choices}"
LIST_COMMAND_EXPECTED = "kirjoita u, rivin numero 1–{count} tai p ja numero."
LIST_COMMAND_EMPTY = "kirjoita u (uusi) tai paina Enter (jatka)."
EDITOR_MISSING = "Editoria {editor!q} ei löydy (${variable}). Aseta EDITOR tai VISUAL olemassa olevaan editoriin."
EDITOR_NONE = "Editoria ei löydy: aseta ympäristömuuttuja EDITOR (esim. EDITOR=nano)."
EDITOR_FAILED = "Editori {editor!q} päättyi virheeseen ({code}); teksti on ennallaan."
KEY_ACCEPT_TEXT = "<b>Ctrl-S</b> tai <b>Esc Enter</b> hyväksy"
KEY_ACCEPT_TEXT_SHORT = "<b>Ctrl-S</b> hyväksy"
KEY_NEW_LINE = "<b>Enter</b> uusi rivi"
KEY_NEW_LINE_SHORT = "<b>Enter</b> rivi"
KEY_EDITOR = "<b>Ctrl-E</b> editori"
KEY_EDITOR_SHORT = "<b>Ctrl-E</b> editori"
KEY_ACCEPT_LINE = "<b>Enter</b> hyväksy ja tallenna"
KEY_ACCEPT_LINE_SHORT = "<b>Enter</b> hyväksy"
KEY_ACCEPT_FIELD = "<b>Enter</b> hyväksy"
KEY_ACCEPT_FIELD_SHORT = "<b>Enter</b> hyväksy"
KEY_SKIP = "<b>Ctrl-N</b> ohita"
KEY_SKIP_SHORT = "<b>Ctrl-N</b> ohita"
KEY_BACK = "<b>Ctrl-P</b> edellinen"
KEY_BACK_SHORT = "<b>Ctrl-P</b> edell."
KEY_SKIP_FIELD = "<b>Ctrl-N</b> ohita kenttä"
KEY_SKIP_FIELD_SHORT = "<b>Ctrl-N</b> ohita"
KEY_BACK_FIELD = "<b>Ctrl-P</b> edellinen kenttä"
KEY_BACK_FIELD_SHORT = "<b>Ctrl-P</b> edell."
KEY_JUMP = "<b>Ctrl-G</b> siirry"
KEY_JUMP_SHORT = "<b>Ctrl-G</b> siirry"
KEY_ATTACH = "<b>Ctrl-T</b> lisää toimenpide tähän ideaan"
KEY_ATTACH_SHORT = "<b>Ctrl-T</b> toimenpide"
KEY_DISCARD = "<b>Ctrl-R</b> hylkää luonnos"
KEY_DISCARD_SHORT = "<b>Ctrl-R</b> hylkää"
KEY_QUIT = "<b>Ctrl-Q</b> lopeta"
KEY_QUIT_SHORT = "<b>Ctrl-Q</b> lopeta"
KEY_INTERRUPT = "<b>Ctrl-C</b> keskeytä (teksti talteen)"
KEY_INTERRUPT_SHORT = "<b>Ctrl-C</b> keskeytä"
KEY_CONTINUE = "<b>Enter</b> jatka"
KEY_CONTINUE_SHORT = "<b>Enter</b> jatka"
KEY_NEW_ENTRY = "<b>u</b> uusi"
KEY_NEW_ENTRY_SHORT = "<b>u</b> uusi"
KEY_EDIT_ENTRY = "<b>numero</b> muokkaa"
KEY_EDIT_ENTRY_SHORT = "<b>nro</b> muokkaa"
KEY_REMOVE_ENTRY = "<b>p numero</b> poista"
KEY_REMOVE_ENTRY_SHORT = "<b>p nro</b> poista"
KEY_TARGET = "<b>Enter</b> siirry (tyhjä: peruuta)"
KEY_TARGET_SHORT = "<b>Enter</b> siirry"
KEY_COMPLETE = "<b>Tab</b> täydennä"
KEY_COMPLETE_SHORT = "<b>Tab</b> täydennä"
ESC_THEN_ENTER = "Esc: Enter hyväksyy."
LEVEL_KEEP = "Enter pitää tason {level}, - tyhjentää"
LEVEL_NONE = "Enter: ei tasoa"
LEVEL_PROMPT = "{label} 1–5 ({hint}) › "
JUMP_LINE = "Siirry kohtaan: {stops}"
JUMP_PROMPT = "Siirry kohtaan › "
UNSAVED_TEXT_TITLE = "Tallentamaton teksti"
SCREEN_IDEA = "idea {number}"
SCREEN_IDEA_OF = "idea {number}/{count}"
SCREEN_SECTION = "{municipality} · Tilannekuva · osio {number}/{count}"
SCREEN_DRAFT_RESTORED = "Tallentamaton luonnos palautettu: hyväksy tallentaaksesi."
SCREEN_ASSESSMENT = "Arviointi ja osallistujat"
SCREEN_NONE_YET = "(ei vielä yhtään)"
SUMMARY_TITLE = "{municipality}: vastattu {answered}/{total} kysymykseen ({percent} %)"
SUMMARY_MISSING = "Vastaamatta tai kesken: {keys}"
SUMMARY_COUNTS = "Toimenpiteitä {actions}, hyviä käytäntöjä {practices}, osallistujia {participants}."
SUMMARY_REPORT = "Raportti:"
SUMMARY_CONTINUE = "Jatka:"
SUMMARY_REVISE = "Korjaa vastauksia:"
ASK_DATE = "Arvioinnin päivämäärä"
ASK_DATE_HELP = "Muoto VVVV-KK-PP tai PP.KK.VVVV."
ASK_CONSULTANT = "Konsultti"
ASK_CONSULTANT_HELP = "Kuka tekee arvioinnin."
ASK_PARTICIPANTS = "Osallistujat"
ASK_PARTICIPANTS_HELP = "Haastatteluun osallistuvat: nimi, rooli ja organisaatio."
ASK_LEVEL_HELP = "Millä tasolla kunta on nyt? Valinnainen."
ASK_TARGET_HELP = "Mille tasolle kunta pyrkii? Valinnainen."
ASK_NO_IDEA = "ei mihinkään ideaan"
ASK_PRACTICE_TITLE = "Käytäntö (otsikko)"
ASK_RELATED_IDEA = "Liittyy ideaan"
ASK_DUE = "Määräaika (PP.KK.VVVV tai VVVV-KK-PP)"

# G: Git: versions, history, merge
GIT_MISSING = (
    "git-komentoa ei löydy.",
    "Asenna git tai vertaa kahta tiedostoa: jtk diff VANHA UUSI.",
)
NOT_A_REPOSITORY = (
    "Tiedosto ei ole git-tietovarastossa, joten sen versioita ei voi lukea.",
    "Vertaa kahta tiedostoa: jtk diff VANHA UUSI.",
)
UNKNOWN_REVISION = (
    "Versiota {rev!q} ei löydy tietovarastosta.",
    "Anna versio muodossa HEAD, HEAD~1, main tai version tunniste (git log).",
)
NOT_IN_REVISION = "Tiedostoa {name} ei ole versiossa {rev}."
NO_COMMITS = "Tiedostosta ei ole yhtään tallennettua versiota (git commit)."
GIT_FAILED = "git-komento epäonnistui: {reason}"
MERGE_CONFLICT = (
    "Yhdistäminen jäi kesken: {keys}.",
    "Tiedostoon on merkitty konfliktit (<<<<<<< … >>>>>>>); ratkaise ne ja tarkista: jtk validate.",
)
HISTORY_NO_VERSIONS = (
    "Tiedostosta {name} ei löytynyt yhtään luettavaa versiota: git löysi {count} sitä koskevaa "
    "versiota, mutta tiedostoa ei ole niissä (se on poistettu tai nimetty uudelleen)."
)
REPORT_HISTORY_NO_REPOSITORY = (
    "Tiedosto ei ole git-tietovarastossa, joten raporttiin ei voi koota tasoja ajan mittaan (--historia).",
    "Tallenna arvioinnit gitiin tai tee raportti ilman valitsinta --historia.",
)
REPORT_HISTORY_TOO_FEW = (
    "Osio ”Tasot ajan mittaan” (--historia) edellyttää vähintään kahta tiedoston tallennettua versiota "
    "(git commit); luettavia versioita on {count}."
)
HISTORY_STATUS_DATE = "Myöhästymiset arvioitu päivänä {date} ({basis})."
HISTORY_BASIS_COMMIT = "uusimman tallennetun version päivä"
HISTORY_BASIS_CHOSEN = "valitsimen --tilanne päivä"
HISTORY_BASIS_ASSESSMENT = "arvioinnin päivä; tiedostolla ei ole tallennettuja versioita"
DIFF_TITLE = "Muutokset: {old} → {new}"
DIFF_NONE = "Ei muutoksia."
DIFF_GENERAL = "Kunta ja arviointi"
DIFF_ADDED = "lisätty"
DIFF_REMOVED = "poistettu"
DIFF_CHANGED = "muutettu"
DIFF_TEXT_NEW = "uusi"
DIFF_TEXT_CLEARED = "tyhjennetty"
DIFF_FIELD_TEXT = "teksti"
DIFF_FIELD_HORIZON = "aikaväli"
DIFF_FIELD_IDEA = "idea"
DIFF_FIELD_RESPONSIBLE = "vastuutaho"
DIFF_FIELD_DUE = "määräaika"
DIFF_FIELD_INDICATOR = "mittari"
DIFF_FIELD_STATUS = "tila"
DIFF_FIELD_TITLE = "otsikko"
DIFF_FIELD_DESCRIPTION = "kuvaus"
HISTORY_TITLE = "Tasot versioittain: {file}"
HISTORY_CAPTION = (
    "nykytaso/tavoitetaso; – = vastaamatta. Vain tallennetut versiot (git commit); "
    "työkopion muutokset: jtk diff TIEDOSTO --from HEAD"
)
COLUMN_DAY = "Päivä"
COLUMN_VERSION = "Versio"
HISTORY_UNREADABLE = "ei luettavissa: {error}"
DIFF_WORKING_COPY = "{file} (työkopio)"

# C: Comparing: jtk compare and jtk diff
DIFF_ARGUMENTS = (
    "Anna joko kaksi tiedostoa (jtk diff VANHA UUSI) tai yksi tiedosto ja versio "
    "(jtk diff TIEDOSTO --from VERSIO [--to VERSIO])."
)
NOTHING_TO_COMPARE = "Yhtään vastaustiedostoa ei voitu lukea; vertailua ei tehty."
GROUP_CHOICE = "Ryhmittely {value!q} ei ole sallittu; sallitut: {choices}."

# T: Templates, reports and Typst
TEMPLATES_NOT_A_DIR = "Mallipohjakansiota ei löydy (--templates)."
TEMPLATE_NOT_FOUND = "Mallipohjaa {name!q} ei löydy omasta kansiosta eikä jtk:n mukana tulevista."
TEMPLATE_ERROR = "Virhe mallipohjassa: {reason}"
TYPST_ERROR = "PDF:n taitto epäonnistui: {reason}"
TYPST_PACKAGE = "Mallipohja yrittää ladata Typst-paketin ({spec}); paketteja ei ladata verkosta."
REPORT_UNANSWERED = "Vastaamatta {count} kysymystä (--strict): {items}."
REPORT_UNANSWERED_ONE = "Vastaamatta 1 kysymys (--strict): {items}."
REPORT_SAME_OUTPUT = (
    "Sama tulostiedosto {name} syntyisi myös tiedostosta {other}.",
    "Anna tiedostoille eri nimet.",
)
REPORT_UNEXPECTED = "Raportin tekeminen epäonnistui odottamatta: {reason}"
REPORT_WORKER_DIED = (
    "Raporttia tekevä prosessi päättyi kesken (se lopetettiin tai muisti loppui); muut tiedostot tehtiin.",
    "Kokeile tätä tiedostoa yksin: jtk report TIEDOSTO -j 1.",
)
TEMPLATE_OUTSIDE = (
    "Mallipohja {name!q} osoittaa mallikansioiden ulkopuolelle ({target}); mallipohjat saavat "
    "käyttää vain mallikansioiden omia tiedostoja."
)
TYPST_OUTSIDE = (
    "Mallikansion tiedosto {name} osoittaa kansion ulkopuolelle ({target}); Typst saa lukea vain "
    "mallikansioiden omia tiedostoja."
)
TYPST_NOT_A_FILE = (
    "Mallikansiossa on {name}, joka ei ole tavallinen tiedosto (nimetty putki tai laite); Typst ei saa lukea sitä.",
    "Poista se kansiosta.",
)
TEMPLATE_TIME_LIMIT = "mallipohjan käsittely kesti yli aikarajan {seconds} s (--aikaraja)."
TEMPLATE_SIZE_LIMIT = "{what}: tulos olisi yli {limit} merkkiä tai alkiota, mikä on mallipohjien yläraja."
TEMPLATE_UNSAFE_CALL = "mallipohja ei saa kutsua {name!q}."
TEMPLATE_UNSAFE_ATTRIBUTE = "mallipohja ei saa käyttää ominaisuutta {attribute!q} ({kind}); tiedot ovat vain luettavia."
TEMPLATE_RECURSION = "liian syvä rekursio (makro kutsuu itseään liian monta kertaa)."
TEMPLATE_MEMORY = "muisti loppui."
DOCX_TEMPLATE_BROKEN = "Word-pohjaa ei voi käyttää: {reason}"
TYPST_SOURCE_LINE = "(Typst-lähteen rivi {line}; lähteen näkee: jtk report -f typ)"
WRITTEN = "Kirjoitettu {path}."
BATCH_DONE = "Valmis: {done}/{total} tiedostoa, {reports} raporttia ({seconds})."
BATCH_DONE_FAILED = "Valmis: {done}/{total} tiedostoa, {reports} raporttia, {failed} epäonnistui ({seconds})."
BATCH_PROGRESS = "Raportit"

# X: Export and Word forms: jtk export, jtk lomake, jtk import FORM.docx
EXPORT_SUFFIX = (
    "Tiedoston {name} muotoa ei tunneta.",
    "Anna pääte {choices}.",
)
EXPORT_OVERWRITES_INPUT = (
    "Tulostiedosto {name} on myös luettava vastaustiedosto.",
    "Anna toinen nimi (-o).",
)
EXPORT_CELL_TOO_LONG = (
    "Teksti on liian pitkä Excelin soluun ({length} merkkiä, enintään {limit}; taulukko {table}, rivi {row}).",
    "Tee vienti CSV- tai JSON-muotoon, niin teksti säilyy kokonaan.",
)
EXPORT_WRITTEN = "Kirjoitettu {path}."
EXPORT_NOTHING = "Yhtään vastaustiedostoa ei voitu lukea; mitään ei viety."
FORM_SUFFIX = "Lomakkeen nimen pitää päättyä .docx, nyt {name}."
FORM_WRITTEN = "Kirjoitettu lomake {path}. Täytetty lomake tuodaan komennolla: jtk import {answers} {path}"
FORM_EXISTS = (
    "Tiedosto {name} on jo olemassa, ja se voi olla täytetty lomake, jota ei ole vielä tuotu; sitä ei korvata.",
    "Anna toinen nimi (-o) tai korvaa se valitsimella --korvaa.",
)
FORM_NOT_A_FORM = "Tiedosto ei ole Word-asiakirja (.docx)."
FORM_NOT_JTK = (
    "Asiakirja ei ole jtk:n lomake (siitä puuttuu ominaisuus jtk-lomake).",
    "Tee lomake komennolla jtk lomake.",
)
FORM_TOO_LARGE = "Asiakirjan osa {part} on liian suuri lomakkeeksi."
FORM_BROKEN = "Asiakirja on rikki: {reason}"
FORM_ROW_WITHOUT_KEY = (
    "Lomakkeeseen on lisätty rivi ilman tunnistetta kohdan {after} jälkeen; sen teksti jäisi tuomatta.",
    "Siirrä teksti kenttään ja poista rivi.",
)
FORM_STRUCTURE = "Lomakkeen rivin {key} rakenne on muuttunut (rivillä pitää olla kaksi saraketta)."
FORM_TAG_MISMATCH = (
    "Rivin tunniste {key} ja sen kentän tunniste ({tags}) eivät täsmää; lomakkeen rakennetta on muutettu."
)
FORM_DUPLICATE = "Tunniste {key} on lomakkeessa kahdesti."
FORM_UNKNOWN_KEY = "Tunnistetta {key} ei ole työkirjassa; lomakkeen rakennetta on muutettu."
FORM_MISSING_KEY = "Lomakkeesta puuttuu kenttä {key}; lomakkeen rakennetta on muutettu."
FORM_LEVEL = (
    "Kentän {key} taso {value!q} ei ole sallittu.",
    "Valitse 1–5 tai jätä arvioimatta.",
)
FORM_OTHER_MUNICIPALITY = "Lomake on tehty kunnan {form} vastauksista, tämä tiedosto on kunnan {file}."
FORM_IMPORTED = "Tuotu lomakkeesta {count} vastausta tiedostoon {path}."
FORM_KEPT = (
    "Nämä vastaukset ovat muuttuneet tiedostossa lomakkeen tekemisen jälkeen, eikä niitä muutettu "
    "lomakkeessa; tiedoston vastaukset säilyivät: {keys}."
)
FORM_CONFLICTS = (
    "Näitä ei tuotu, koska vastaus on muuttunut sekä tiedostossa lomakkeen tekemisen jälkeen että lomakkeessa: {keys}.",
    "Lomakkeen teksti on tallessa lomakkeessa; vertaa ja aseta käsin (jtk set).",
)

# U: Usage: options and arguments
NOT_A_TERMINAL = (
    "Haastattelu tarvitsee päätteen, mutta syöte ei ole pääte.",
    "Käytä ei-vuorovaikutteisesti komentoja jtk set tai jtk import.",
)
INTERRUPTED = "Keskeytetty."
OPTION_DATE = "{option}: {problem}"
OUTPUT_NAME = (
    "{option}: {name!q} ei käy tiedoston nimeksi.",
    "Anna pelkkä nimi ilman kansioita (ei /, \\ tai :, ei alkuun pistettä, ei tyhjä), esim. vertailu-2027.",
)
TIME_LIMIT_OPTION = "--aikaraja: anna sekunnit positiivisena lukuna, nyt {value!q}."
REPORT_FORMAT = "Tuntematon muoto {value!q}; sallitut: {choices}."
REPORT_WORKERS = (
    "Rinnakkaisten prosessien määrä (-j) on 1 tai enemmän, tai 0 = yksi prosessoria kohden; nyt {value}."
)
CLICK_USAGE = "{message}"

# N: Labels of the command line's own lines (problem lines, prompts)
LABEL_ERROR = "virhe"
LABEL_HINT = "vihje"
WHERE_LINE = "rivi {line}"
WHERE_KEY = "avain {key!v}"
STDIN_PROMPT = "Kirjoita arvo ja lopeta rivinvaihdolla ja Ctrl-D:llä."
WORD_OR = "tai"
IDEA_LABEL = "Idea {key}: {title}"
COLUMN_NAME = "Nimi"
COLUMN_ROLE = "Rooli"
COLUMN_ORGANISATION = "Organisaatio"
COLUMN_PRACTICE = "Käytäntö"
COLUMN_DESCRIPTION = "Kuvaus"
COLUMN_IDEA = "Idea"
COLUMN_ACTION = "Toimenpide"
COLUMN_HORIZON = "Aikaväli"
COLUMN_RESPONSIBLE = "Vastuutaho"
COLUMN_DUE = "Määräaika"
COLUMN_INDICATOR = "Mittari"
COLUMN_STATUS = "Tila"
COLUMN_PART = "Osa"
COLUMN_ANSWERED = "Vastattu"
PHASE_LABEL = "Vaihe {number}"
PHASE_SHORT = "V{number}"
PHASE_TITLE = "Vaihe {number}: {title}"
PHASE_OPENING = "Alku"
PHASE_CLOSING = "Lopuksi"
VIEW_UNANSWERED = "(vastaamatta)"
VIEW_FIELDS_OF_EVERY_IDEA = "Kentät jokaiselle idealle"
VIEW_SCALE = "{current} ja {target} 1–5"
VIEW_ACTIONS = "Toimenpiteet"
VIEW_COMPLETION = "Valmiusaste (vastatut kentät)"
COLUMN_MUNICIPALITY_AND_FILE = "Kunta ja tiedosto"
COLUMN_TOTAL = "Yht."
VIEW_MUNICIPALITIES = "Kunnat ({count})"
COLUMN_CODE = "Koodi"
COLUMN_MUNICIPALITY = "Kunta"
COLUMN_REGION = "Maakunta"
COLUMN_COUNTY = "Hyvinvointialue"
VIEW_ITEM_STATUS = "{municipality}: {answered}/{total} kenttää ({percent} %)"
COLUMN_ITEM = "Kohta"
COLUMN_TITLE = "Otsikko"
COLUMN_LEVEL = "Taso"
COLUMN_TARGET = "Tavoite"
COLUMN_MUNICIPALITY_CODE = "Kuntanumero"
HORIZON_SHORT = "Lyhyt aikaväli"
HORIZON_MEDIUM = "Keskipitkä aikaväli"
HORIZON_LONG = "Pitkä aikaväli"
STATUS_PLANNED = "Suunniteltu"
STATUS_ONGOING = "Käynnissä"
STATUS_DONE = "Valmis"

# D: Fixed texts of the documents (report, comparison, monitoring, forms, exports)
DOC_REPORT_TITLE = "Järjestöyhteistyön kehittämissuunnitelma"
DOC_JTK_ADDITIONS = (
    "Tasoasteikko (1–5) nimineen ja kuvauksineen on jtk:n oma, ei Kuntaliiton; samoin kenttien "
    "ohjetekstit, Tilannekuvan kolme vastauskenttää ja idean 2 luetelmakohdat."
)
DOC_BASED_ON = "Laadittu työkirjan ”{title}” ({source}) pohjalta"
DOC_CHART_TITLE = "{current} ja {target} ideoittain"
DOC_CHART_IDEA = "idea {number}: taso {level}, tavoite {target}"
DOC_MISSING = "puuttuu"
DOC_MONITORING_TITLE = "Järjestöyhteistyön seuranta"
DOC_VERSION_LEVELS = "{date} taso {level}, tavoite {target}"
DOC_IDEA_LEVELS_OVER_VERSIONS = "Idea {key}, {title}, tasot versioittain: {levels}."
DOC_COMPARISON_TITLE = "Järjestöyhteistyön alueellinen vertailu"
DOC_MUNICIPALITY_ONE = "{count} kunta"
DOC_MUNICIPALITIES = "{count} kuntaa"
DOC_NOT_ASSESSED = "ei arvioitu"
DOC_CHART_ALT = "Kaavio: nyky- ja tavoitetaso ideoittain asteikolla 1–5. {levels}."
DOC_FORM_INSTRUCTIONS = (
    "Kunta: {municipality} ({code}). Kirjoita vastaukset oikean sarakkeen kenttiin; "
    "vasemmalla ovat työkirjan ohjaavat kysymykset. Tasot valitaan pudotusvalikosta."
)
DOC_FORM_KEEP_KEYS = (
    "Älä muuta vasemman sarakkeen tunnisteita (esim. 4.nykytila) äläkä lisää tai poista rivejä. "
    "Täytetty lomake tuodaan vastauksiin komennolla: jtk import {target} {form}"
)
DOC_EXPORT_TITLE = "jtk: työkirjan vastaukset"
DOC_COMPARISON_XLSX_TITLE = "jtk: järjestöyhteistyön alueellinen vertailu"
DOC_SCHEMA_TITLE = "jtk: vastaukset työkirjaan {title}"
DOC_NO_COUNTY = "Ahvenanmaa (ei hyvinvointialuetta)"
DOC_ALL_MUNICIPALITIES = "Kaikki vertailun kunnat"
