"""Swedish texts: git and versions, comparing, templates and reports, export and forms, usage."""

# G: Git: versions, history, merge
GIT_MISSING = (
    "Kommandot git hittas inte.",
    "Installera git eller jämför två filer: jtk diff GAMMAL NY.",
)
NOT_A_REPOSITORY = (
    "Filen finns inte i ett git-arkiv, så dess versioner kan inte läsas.",
    "Jämför två filer: jtk diff GAMMAL NY.",
)
UNKNOWN_REVISION = (
    "Versionen {rev!q} hittas inte i arkivet.",
    "Ange versionen i formen HEAD, HEAD~1, main eller versionens id (git log).",
)
NOT_IN_REVISION = "Filen {name} finns inte i versionen {rev}."
NO_COMMITS = "Det finns inte en enda sparad version av filen (git commit)."
GIT_FAILED = "Kommandot git misslyckades: {reason}"
MERGE_CONFLICT = (
    "Sammanslagningen kunde inte slutföras: {keys}.",
    "Konflikterna har markerats i filen (<<<<<<< … >>>>>>>); lös dem och kontrollera: jtk validate.",
)
HISTORY_NO_VERSIONS = (
    "Det hittades inte en enda läsbar version av filen {name}: git hittade {count} versioner som "
    "gäller den, men filen finns inte i dem (den har tagits bort eller bytt namn)."
)
REPORT_HISTORY_NO_REPOSITORY = (
    "Filen finns inte i ett git-arkiv, så rapporten kan inte visa nivåerna över tid (--historia).",
    "Spara bedömningarna i git eller gör rapporten utan flaggan --historia.",
)
REPORT_HISTORY_TOO_FEW = (
    "Avsnittet ”Nivåerna över tid” (--historia) kräver minst två sparade versioner av filen "
    "(git commit); antalet läsbara versioner är {count}."
)
HISTORY_STATUS_DATE = "Förseningarna har bedömts per {date} ({basis})."
HISTORY_BASIS_COMMIT = "datum för den senaste sparade versionen"
HISTORY_BASIS_CHOSEN = "datum angivet med --tilanne"
HISTORY_BASIS_ASSESSMENT = "bedömningens datum; filen har inga sparade versioner"
DIFF_TITLE = "Ändringar: {old} → {new}"
DIFF_NONE = "Inga ändringar."
DIFF_GENERAL = "Kommun och bedömning"
DIFF_ADDED = "tillagd"
DIFF_REMOVED = "borttagen"
DIFF_CHANGED = "ändrad"
DIFF_TEXT_NEW = "ny"
DIFF_TEXT_CLEARED = "tömd"
DIFF_FIELD_TEXT = "text"
DIFF_FIELD_HORIZON = "tidsperspektiv"
DIFF_FIELD_IDEA = "idé"
DIFF_FIELD_RESPONSIBLE = "ansvarig"
DIFF_FIELD_DUE = "tidsfrist"
DIFF_FIELD_INDICATOR = "mätare"
DIFF_FIELD_STATUS = "status"
DIFF_FIELD_TITLE = "rubrik"
DIFF_FIELD_DESCRIPTION = "beskrivning"
HISTORY_TITLE = "Nivåer per version: {file}"
HISTORY_CAPTION = (
    "nuvarande nivå/målnivå; – = obesvarad. Bara sparade versioner (git commit); "
    "ändringar i arbetskopian: jtk diff FIL --from HEAD"
)
COLUMN_DAY = "Datum"
COLUMN_VERSION = "Version"
HISTORY_UNREADABLE = "kan inte läsas: {error}"
DIFF_WORKING_COPY = "{file} (arbetskopia)"

# C: Comparing: jtk compare and jtk diff
DIFF_ARGUMENTS = (
    "Ange antingen två filer (jtk diff GAMMAL NY) eller en fil och en version "
    "(jtk diff FIL --from VERSION [--to VERSION])."
)
NOTHING_TO_COMPARE = "Inte en enda svarsfil kunde läsas; ingen jämförelse gjordes."
GROUP_CHOICE = "Grupperingen {value!q} är inte tillåten; tillåtna: {choices}."

# T: Templates, reports and Typst
TEMPLATES_NOT_A_DIR = "Mallmappen hittas inte (--templates)."
TEMPLATE_NOT_FOUND = "Mallen {name!q} hittas varken i den egna mappen eller bland mallarna som följer med jtk."
TEMPLATE_ERROR = "Fel i mallen: {reason}"
TYPST_ERROR = "Typsättningen av PDF-filen misslyckades: {reason}"
TYPST_PACKAGE = "Mallen försöker ladda ett Typst-paket ({spec}); paket laddas inte ned från nätet."
PDF_CHARACTER_CODE = "[U+{code}]"
PDF_UNSHOWN_CHARACTERS = (
    "PDF-filens typsnitt saknar tecknen {chars}: i PDF-filen visas de som sina koder ({codes}), så att "
    "PDF-filen fortfarande är tillgänglig (PDF/UA-1, PDF/A-2a). I svarsfilen och i de andra formaten är "
    "tecknen oförändrade.",
    "Ett typsnitt som innehåller tecknen kan läggas till i mappen fonts/ i mallmappen.",
)
REPORT_UNANSWERED = "{count} frågor obesvarade (--strict): {items}."
REPORT_UNANSWERED_ONE = "1 fråga obesvarad (--strict): {items}."
REPORT_SAME_OUTPUT = (
    "Samma utdatafil {name} skulle också skapas av filen {other}.",
    "Ge filerna olika namn.",
)
REPORT_UNEXPECTED = "Rapporten kunde inte göras på grund av ett oväntat fel: {reason}"
REPORT_WORKER_DIED = (
    "Processen som gjorde rapporten avslutades mitt i (den stoppades eller minnet tog slut); de andra "
    "filerna gjordes.",
    "Pröva den här filen ensam: jtk report FIL -j 1.",
)
TEMPLATE_OUTSIDE = (
    "Mallen {name!q} pekar utanför mallmapparna ({target}); mallarna får bara använda "
    "mallmapparnas egna filer."
)
TYPST_OUTSIDE = (
    "Filen {name} i mallmappen pekar utanför mappen ({target}); Typst får bara läsa "
    "mallmapparnas egna filer."
)
TYPST_NOT_A_FILE = (
    "I mallmappen finns {name}, som inte är en vanlig fil (en namngiven pipe eller en enhet); Typst får inte "
    "läsa den.",
    "Ta bort den ur mappen.",
)
TEMPLATE_TIME_LIMIT = "behandlingen av mallen tog längre än tidsgränsen {seconds} s (--aikaraja)."
TYPST_STOPPED = "mallen fick Typst att använda över {limit} MB minne eller krascha, så ombrytningen avbröts."
TEMPLATE_SIZE_LIMIT = "{what}: resultatet skulle bli över {limit} tecken eller element, vilket är mallarnas övre gräns."
TEMPLATE_UNSAFE_CALL = "mallen får inte anropa {name!q}."
TEMPLATE_UNSAFE_ATTRIBUTE = "mallen får inte använda attributet {attribute!q} ({kind}); uppgifterna är skrivskyddade."
TEMPLATE_RECURSION = "för djup rekursion (ett makro anropar sig självt för många gånger)."
TEMPLATE_MEMORY = "minnet tog slut."
DOCX_TEMPLATE_BROKEN = "Word-mallen kan inte användas: {reason}"
TYPST_SOURCE_LINE = "(rad {line} i Typst-källan; källan visas med: jtk report -f typ)"
WRITTEN = "{path} har skrivits."
BATCH_DONE = "Klart: {done}/{total} filer, {reports} rapporter ({seconds})."
BATCH_DONE_FAILED = "Klart: {done}/{total} filer, {reports} rapporter, {failed} misslyckades ({seconds})."
BATCH_PROGRESS = "Rapporter"

# X: Export and Word forms: jtk export, jtk lomake, jtk import FORM.docx
EXPORT_SUFFIX = (
    "Formatet för filen {name} är okänt.",
    "Ange ändelsen {choices}.",
)
EXPORT_OVERWRITES_INPUT = (
    "Utdatafilen {name} är också en svarsfil som läses.",
    "Ange ett annat namn (-o).",
)
EXPORT_CELL_TOO_LONG = (
    "Texten är för lång för en cell i Excel ({length} tecken, högst {limit}; tabell {table}, rad {row}).",
    "Exportera till CSV eller JSON, så bevaras texten i sin helhet.",
)
EXPORT_WRITTEN = "{path} har skrivits."
EXPORT_NOTHING = "Inte en enda svarsfil kunde läsas; ingenting exporterades."
FORM_SUFFIX = "Formulärets namn ska sluta på .docx, nu {name}."
FORM_WRITTEN = (
    "Formuläret {path} har skrivits. Det ifyllda formuläret importeras med kommandot: jtk import {answers} {path}"
)
FORM_EXISTS = (
    "Filen {name} finns redan, och den kan vara ett ifyllt formulär som inte har importerats ännu; den "
    "ersätts inte.",
    "Ange ett annat namn (-o) eller ersätt den med flaggan --korvaa.",
)
FORM_NOT_A_FORM = "Filen är inte ett Word-dokument (.docx)."
FORM_NOT_JTK = (
    "Dokumentet är inte ett formulär från jtk (egenskapen jtk-lomake saknas).",
    "Gör formuläret med kommandot jtk lomake.",
)
FORM_TOO_LARGE = "Dokumentets del {part} är för stor för ett formulär."
FORM_BROKEN = "Dokumentet är trasigt: {reason}"
FORM_ROW_WITHOUT_KEY = (
    "En rad utan id har lagts till i formuläret efter punkten {after}; dess text skulle inte importeras.",
    "Flytta texten till ett fält och ta bort raden.",
)
FORM_STRUCTURE = "Strukturen på formulärets rad {key} har ändrats (raden ska ha två kolumner)."
FORM_TAG_MISMATCH = (
    "Radens id {key} och id:t för dess fält ({tags}) stämmer inte överens; formulärets struktur har ändrats."
)
FORM_DUPLICATE = "Id:t {key} förekommer två gånger i formuläret."
FORM_UNKNOWN_KEY = "Id:t {key} finns inte i arbetsboken; formulärets struktur har ändrats."
FORM_MISSING_KEY = "Fältet {key} saknas i formuläret; formulärets struktur har ändrats."
FORM_LEVEL = (
    "Nivån {value!q} i fältet {key} är inte tillåten.",
    "Välj 1–5 eller lämna nivån obedömd.",
)
FORM_OTHER_MUNICIPALITY = "Formuläret har gjorts utifrån svaren för kommunen {form}, den här filen gäller kommunen {file}."
FORM_IMPORTED = "{count} svar har importerats från formuläret till filen {path}."
FORM_KEPT = (
    "De här svaren har ändrats i filen efter att formuläret gjordes, och de ändrades inte i "
    "formuläret; filens svar bevarades: {keys}."
)
FORM_CONFLICTS = (
    "De här importerades inte, eftersom svaret har ändrats både i filen efter att formuläret gjordes och i "
    "formuläret: {keys}.",
    "Formulärets text finns kvar i formuläret; jämför och ange för hand (jtk set).",
)

# U: Usage: options and arguments
NOT_A_TERMINAL = (
    "Intervjun behöver en terminal, men inmatningen kommer inte från en terminal.",
    "Använd i stället kommandona jtk set eller jtk import, som inte är interaktiva.",
)
INTERRUPTED = "Avbrutet."
OPTION_DATE = "{option}: {problem}"
OUTPUT_NAME = (
    "{option}: {name!q} duger inte som filnamn.",
    "Ange bara ett namn utan mappar (inte /, \\ eller :, ingen punkt i början, inte tomt), t.ex. jamforelse-2027.",
)
TIME_LIMIT_OPTION = "--aikaraja: ange sekunderna som ett positivt tal, nu {value!q}."
REPORT_FORMAT = "Okänt format {value!q}; tillåtna: {choices}."
REPORT_WORKERS = (
    "Antalet parallella processer (-j) är 1 eller fler, eller 0 = en per processor; nu {value}."
)
CLICK_USAGE = "{message}"
NUMBER_EXPECTED = "I {name} skrivs ett heltal med siffror, till exempel 2; nu {value!q}."
DECIMAL_EXPECTED = "I {name} skrivs ett tal med siffror, till exempel 1.5; nu {value!q}."
NUMBER_TOO_SMALL = "Värdet av {name} är minst {limit}; nu {value}."
NUMBER_TOO_LARGE = "Värdet av {name} är högst {limit}; nu {value}."
UNKNOWN_LANGUAGE = "Språket {value!q} är okänt; tillåtna: {choices}."
# Said in all three languages: it is wrong before any language is chosen.
UNKNOWN_UI_LANGUAGE = (
    "JTK_KIELI={value!q} ei ole tuettu kieli; anna fi, sv tai en.\n"
    "JTK_KIELI={value!q} är inte ett språk som stöds; ange fi, sv eller en.\n"
    "JTK_KIELI={value!q} is not a supported language; use fi, sv or en."
)
