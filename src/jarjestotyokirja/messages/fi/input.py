"""Finnish texts: files, YAML, the schema, answers against the workbook, keys, the register and the store."""

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
YAML_UNCLOSED_MAPPING = "YAML-syntaksivirhe: aaltosulkeella {{ alkava rakenne jäi sulkematta"
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
IMPORTED_STDIN = "vakiosyötteestä"
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
