"""Swedish texts: files, YAML, the schema, answers against the workbook, keys, the register and the store."""

# F: Files and the operating system
FILE_NOT_FOUND = "Filen hittas inte."
FILE_UNREADABLE = "Filen kan inte läsas: {reason}"
NOT_UTF8 = "Filen är inte text i UTF-8 (ogiltig byte vid position {offset})."
TOO_LARGE = "Filen är för stor ({size} byte; högst {limit})."
EMPTY_FILE = "Filen är tom."
NOT_A_REGULAR_FILE = "Inte en vanlig fil ({kind}); jtk läser bara vanliga filer."
INPUT_TOO_LARGE = "Inmatningen är för stor (över {limit} byte); läsningen avbröts."
WRITE_FAILED = "Det gick inte att skriva till filen: {reason}. Den tidigare versionen är oförändrad."
READ_ONLY = (
    "Filen är skrivskyddad, så den ändrades inte.",
    "Ta bort skrivskyddet om du vill redigera den.",
)
OS_EACCES = "behörighet saknas"
OS_ENOSPC = "disken är full"
OS_ENOENT = "filen eller mappen finns inte"
OS_EROFS = "disken är skrivskyddad"
OS_EISDIR = "målet är en mapp"
OS_ENOTDIR = "en del av sökvägen är inte en mapp"
OS_EEXIST = "målet finns redan"
OS_EDQUOT = "diskkvoten är full"
OS_ENAMETOOLONG = "namnet är för långt"
OS_EIO = "läs- eller skrivfel i enheten"
OS_EMFILE = "för många öppna filer"
OS_EBUSY = "målet används"
OS_ELOOP = "för många symboliska länkar efter varandra"
OS_EXDEV = "målet finns på en annan disk"
OS_OTHER = "operativsystemets fel {name}"
KIND_DIRECTORY = "mapp"
KIND_FIFO = "namngiven pipe"
KIND_DEVICE = "enhet"
KIND_SOCKET = "socket"
KIND_OTHER = "specialfil"

# Y: YAML and JSON syntax (the strict loader)
TOO_DEEP = "Strukturen är för djup (över {limit} nivåer)."
CONFLICT_MARKER = (
    "Filen innehåller en markering för en olöst git-konflikt ({marker}).",
    "Lös konflikten och ta bort markeringarna innan du fortsätter.",
)
JSON_SYNTAX = "Syntaxfel i JSON: {problem}"
ALIAS = "YAML-ankare och -referenser (&namn, *namn) är inte tillåtna."
TAG = "YAML-taggar ({tag}) är inte tillåtna."
DUPLICATE_KEY = "Nyckeln {key!q} förekommer två gånger (första gången på rad {first})."
COMPLEX_KEY = "Nyckeln ska vara text."
MULTIPLE_DOCUMENTS = "Filen får innehålla bara ett YAML-dokument."
YAML_BAD_CHARACTER = (
    "tecknet U+{code} (ett styrtecken eller en NUL-byte) hör inte hemma i en YAML-fil; ta bort det eller "
    "skriv det inom citattecken i formen \\x.."
)
YAML_NO_VALUE = (
    "Syntaxfel i YAML: värdet saknas eller börjar med ett tecken som ett värde inte kan börja med "
    "(kommatecken, parentes eller kolon på fel ställe?)"
)
YAML_ESCAPE = (
    "Syntaxfel i YAML: inom citattecknen finns en okänd teckenkombination med omvänt snedstreck (\\)",
    "Skriv det omvända snedstrecket två gånger eller använd apostrofer.",
)
YAML_BROKEN = "Syntaxfel i YAML: strukturen är felaktig på det här stället"
YAML_COLON = (
    "Syntaxfel i YAML: kolon på fel ställe",
    "Skriv ett värde som innehåller ': ' inom citattecken eller rätta indraget.",
)
YAML_CANNOT_START = "Syntaxfel i YAML: ett tecken som ett värde inte kan börja med (tabb i indraget?)"
YAML_UNEXPECTED_END = "Syntaxfel i YAML: filen tog slut för tidigt (citattecken som inte stängts?)"
YAML_UNCLOSED_LIST = "Syntaxfel i YAML: en lista som börjar med hakparentesen [ stängdes inte"
YAML_UNCLOSED_MAPPING = "Syntaxfel i YAML: en struktur som börjar med klammerparentesen {{ stängdes inte"
YAML_INDENT = "Syntaxfel i YAML: indraget stämmer inte eller ett kolon saknas"

# S: Schema: values of the wrong kind or form
UNKNOWN_KEY = "Okänd nyckel."
MISSING_KEY = "En obligatorisk nyckel saknas."
EXPECTED_TEXT = "Text förväntades."
EXPECTED_MAPPING = "En struktur med nyckel–värde-par förväntades."
EXPECTED_LIST = "En lista förväntades."
INVALID_VALUE = "Ogiltigt värde: {detail}"
LEVEL = "Nivån ska vara ett heltal 1–5, nu {value!q}."
DATE = "Datumet ska ha formen ÅÅÅÅ-MM-DD, nu {value!q}."
CODE = "Kommunnumret ska bestå av tre siffror, nu {value!q}."
CHOICE = "Tillåtna värden är {choices}, nu {value!q}."
DATE_NOT_A_DATE = "{text!q} är inte ett datum; ange det i formen DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, t.ex. 31.12.2027."
DATE_YEAR = "{text}: året ska vara {first}–{last}."
DATE_MONTH = "{text}: månaderna är 1–12, inte {month}."
DATE_DAY = "{text}: det finns ingen {day} {month}."
ACTION_TEXT_EMPTY = "En åtgärd ska ha en text."
WORKBOOK_SCALE = "Skalan ska ha nivåerna 1, 2, 3, 4 och 5 i den här ordningen."
WORKBOOK_FIELD_IDS = "Fältens id ska vara {expected}; nu {found}."
WORKBOOK_DUPLICATE_IDS = "Samma id används flera gånger: {ids}."
WORKBOOK_SECTION_FIELDS = "Avsnittet {section!q} frågar efter okända fält: {fields}."
WORKBOOK_IDEA_FIELDS = "Frågorna i idé {idea} hänvisar till okända fält: {fields}."
WORKBOOK_OK = "ok: {path}: {title} ({count} idéer)"
DATE_IN_MONTHS = (
    "januari februari mars april maj juni "
    "juli augusti september oktober november december"
)

# A: Answers against the workbook
WORKBOOK_MISMATCH = (
    "Svaren har gjorts för arbetsboken {found!q}, men arbetsboken {expected!q} används.",
    "Ange rätt arbetsbok med flaggan --workbook.",
)
UNKNOWN_ITEM = "Arbetsboken har ingen punkt {item!q}."
UNKNOWN_FIELD = "Punkten {item!q} frågar inte efter fältet {field!q}."
NO_LEVELS = "För punkten {item!q} anges ingen nivå."
UNKNOWN_IDEA = "Arbetsboken har ingen idé {idea!q}."
ITEMS_ARE = "Punkter: {items}."

# K: Keys and values of jtk set, get, action and import
BAD_KEY = (
    "Okänd nyckel {key!q}.",
    "Formen är <punkt>.<fält>, till exempel 4.nykytila, +1.taso, tilannekuva.tavoitetila, arviointi.pvm "
    "eller lopuksi.yhteenveto.",
)
NOT_A_SCALAR = (
    "Värdet för nyckeln {key!q} är inte en enskild text.",
    "Redigera det med kommandot {hint}.",
)
NO_SUCH_ACTION = "Det finns ingen åtgärd nummer {number} (antalet åtgärder är {count})."
ACTION_FIELD = "En åtgärd har inget fält {field!q}. Fält: {fields}."
IMPORT_LONG_NUMBER = "talet har {digits} siffror; jtk godtar högst {limit}."
IMPORT_CONTROL = "texten innehåller styrtecknet U+{code}, som inte sparas i svarsfilen; ta bort det."
IMPORT_SURROGATE = (
    "texten innehåller en oparad UTF-16-halva U+{code} (\\u{code}), som inte är ett tecken; rätta "
    "programmet som skapade texten."
)
EMPTY_STDIN = (
    "Standardinmatningen var tom, så nyckeln {key} ändrades inte.",
    "Töm svaret genom att ange ett tomt värde ('') eller flaggan --tyhjenna.",
)
CLEAR_WITH_VALUE = "Ange antingen ett värde eller --tyhjenna, inte båda."
FIELDS_ARE = "Fält: {fields}."
MUNICIPALITY_READ_ONLY = (
    "Nyckeln {key!q} ändras inte med kommandot jtk set.",
    "Kommunen väljs med kommandot jtk init.",
)
IMPORT_OTHER_MUNICIPALITY = "Svaren som importeras gäller kommunen {incoming}, den här filen kommunen {own}."
SAVED_KEY = "{key} har sparats i filen {file}."
IMPORTED = "{data} har importerats till filen {file}."
ACTION_ADDED = "Åtgärd {number} har lagts till."
ACTION_UPDATED = "Åtgärd {number} har uppdaterats."
ACTION_REMOVED = "Åtgärd {number} har tagits bort: {text}"
IMPORTED_STDIN = "Standardinmatningen"
EDIT_WITH_IMPORT = "jtk import eller jtk interview"

# R: The register of municipalities
UNKNOWN_MUNICIPALITY = (
    "Kommunen {query!q} hittas inte.",
    "Menade du: {suggestions}?",
)
UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS = (
    "Kommunen {query!q} hittas inte.",
    "Se förteckningen: jtk kunnat",
)

# L: The answers store: locks, sizes, outputs
EXISTS = (
    "Filen finns redan; den ersätts inte.",
    "Öppna den med kommandot jtk interview {path}.",
)
LOCKED = (
    "Filen används av en annan jtk-process (låset {lock}).",
    "Vänta tills den andra sessionen har avslutats och försök igen.",
)
LOCKED_INTERVIEW = (
    "Filen används i en pågående intervju ({holder}).",
    "Försök igen när intervjun har avslutats.",
)
LOCKED_BY = (
    "Filen används av en annan jtk-process ({holder}).",
    "Försök igen om en stund.",
)
LOCK_WAITED = "Väntade {seconds} s; vänta längre med flaggan --odota SEKUNDER."
LOCK_PID = "pid {pid}"
LOCK_HOST = "dator {host}"
LOCK_SINCE = "kl. {time}"
LOCK_SINCE_DAY = "{day} kl. {time}"
ANSWER_TOO_LARGE = (
    "Svarsfilen skulle bli för stor ({size} byte; högst {limit}), så ingenting sparades.",
    "Det längsta svaret är {key} ({length} tecken); förkorta det.",
)
OUTPUT_IS_INPUT = (
    "Utdatafilen {output} skulle vara samma som filen som läses, {input}; den ersätts inte.",
    "Ange en annan mapp (-o) eller ett annat namn.",
)
OUTPUT_NOT_OURS = (
    "På utdatafilens plats {output} finns en svarsfil (eller en annan YAML-fil); den ersätts inte.",
    "Ange en annan mapp (-o) eller ett annat namn.",
)
CREATED = "{path} har skapats ({name}, {code}{county})."
CREATED_FILE = "{path} har skapats."
NEXT_INTERVIEW = "Nästa steg: jtk interview {path}"
