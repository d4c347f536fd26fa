"""Finnish texts: git and versions, comparing, templates and reports, export and forms, usage."""

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
PDF_CHARACTER_CODE = "[U+{code}]"
PDF_UNSHOWN_CHARACTERS = (
    "PDF:n fonteissa ei ole merkkejä {chars}: PDF:ssä ne näkyvät koodeinaan ({codes}), jotta PDF on yhä "
    "saavutettava (PDF/UA-1, PDF/A-2a). Vastaustiedostossa ja muissa muodoissa merkit ovat ennallaan.",
    "Fontin, jossa merkit ovat, voi lisätä mallipohjakansion fonts/-kansioon.",
)
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
TYPST_STOPPED = "mallipohja vei Typstiltä yli {limit} Mt muistia tai kaatoi sen, joten taitto keskeytettiin."
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
NUMBER_EXPECTED = "Kohtaan {name} kirjoitetaan kokonaisluku numeroin, esimerkiksi 2; nyt {value!q}."
DECIMAL_EXPECTED = "Kohtaan {name} kirjoitetaan luku numeroin, esimerkiksi 1.5; nyt {value!q}."
NUMBER_TOO_SMALL = "Kohdan {name} arvo on vähintään {limit}; nyt {value}."
NUMBER_TOO_LARGE = "Kohdan {name} arvo on enintään {limit}; nyt {value}."
UNKNOWN_LANGUAGE = "Kieltä {value!q} ei tunneta; sallitut: {choices}."
# Said in all three languages: it is wrong before any language is chosen.
UNKNOWN_UI_LANGUAGE = (
    "JTK_KIELI={value!q} ei ole tuettu kieli; anna fi, sv tai en.\n"
    "JTK_KIELI={value!q} är inte ett språk som stöds; ange fi, sv eller en.\n"
    "JTK_KIELI={value!q} is not a supported language; use fi, sv or en."
)
