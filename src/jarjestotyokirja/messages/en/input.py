"""English texts: files, YAML, the schema, answers against the workbook, keys, the register and the store."""

# F: Files and the operating system
FILE_NOT_FOUND = "File not found."
FILE_UNREADABLE = "The file cannot be read: {reason}"
NOT_UTF8 = "The file is not UTF-8 text (invalid byte at offset {offset})."
TOO_LARGE = "The file is too large ({size} bytes; at most {limit})."
EMPTY_FILE = "The file is empty."
NOT_A_REGULAR_FILE = "Not a regular file ({kind}); jtk reads only regular files."
INPUT_TOO_LARGE = "The input is too large (over {limit} bytes); reading was stopped."
WRITE_FAILED = "The file could not be written: {reason}. The previous version is unchanged."
READ_ONLY = (
    "The file is write-protected, so it was not changed.",
    "Remove the protection if you want to edit it.",
)
OS_EACCES = "permission denied"
OS_ENOSPC = "the disk is full"
OS_ENOENT = "no such file or folder"
OS_EROFS = "the disk is read-only"
OS_EISDIR = "the target is a folder"
OS_ENOTDIR = "part of the path is not a folder"
OS_EEXIST = "the target already exists"
OS_EDQUOT = "the disk quota is exceeded"
OS_ENAMETOOLONG = "the name is too long"
OS_EIO = "read or write error on the device"
OS_EMFILE = "too many open files"
OS_EBUSY = "the target is in use"
OS_ELOOP = "too many symbolic links in a row"
OS_EXDEV = "the target is on another disk"
OS_OTHER = "operating system error {name}"
KIND_DIRECTORY = "folder"
KIND_FIFO = "named pipe"
KIND_DEVICE = "device"
KIND_SOCKET = "socket"
KIND_OTHER = "special file"

# Y: YAML and JSON syntax (the strict loader)
TOO_DEEP = "The structure is too deep (over {limit} levels)."
CONFLICT_MARKER = (
    "The file has a marker of an unresolved git conflict ({marker}).",
    "Resolve the conflict and remove the markers before you continue.",
)
JSON_SYNTAX = "JSON syntax error: {problem}"
ALIAS = "YAML anchors and aliases (&name, *name) are not allowed."
TAG = "YAML tags ({tag}) are not allowed."
DUPLICATE_KEY = "The key {key!q} appears twice (the first time on line {first})."
COMPLEX_KEY = "A key must be text."
MULTIPLE_DOCUMENTS = "The file may hold only one YAML document."
YAML_BAD_CHARACTER = (
    "the character U+{code} (a control character or a NUL byte) does not belong in a YAML file; remove it or "
    "write it in quotation marks as \\x.."
)
YAML_NO_VALUE = (
    "YAML syntax error: a value is missing or begins with a character no value can begin with "
    "(a comma, bracket or colon in the wrong place?)"
)
YAML_ESCAPE = (
    "YAML syntax error: an unknown backslash escape (\\) in quotation marks",
    "Write the backslash twice or use single quotes.",
)
YAML_BROKEN = "YAML syntax error: the structure is invalid at this point"
YAML_COLON = (
    "YAML syntax error: a colon in the wrong place",
    "Put a value that contains ': ' in quotation marks, or correct the indentation.",
)
YAML_CANNOT_START = "YAML syntax error: a character no value can begin with (a tab in the indentation?)"
YAML_UNEXPECTED_END = "YAML syntax error: the file ended too soon (a quotation mark not closed?)"
YAML_UNCLOSED_LIST = "YAML syntax error: a list that begins with the bracket [ was not closed"
YAML_UNCLOSED_MAPPING = "YAML syntax error: a structure that begins with the brace {{ was not closed"
YAML_INDENT = "YAML syntax error: the indentation does not match or a colon is missing"

# S: Schema: values of the wrong kind or form
UNKNOWN_KEY = "Unknown key."
MISSING_KEY = "A required key is missing."
EXPECTED_TEXT = "Text was expected."
EXPECTED_MAPPING = "A key–value structure was expected."
EXPECTED_LIST = "A list was expected."
INVALID_VALUE = "Invalid value: {detail}"
LEVEL = "The level must be a whole number 1–5, not {value!q}."
DATE = "The date must be in the form YYYY-MM-DD, not {value!q}."
CODE = "The municipality code must be three digits, not {value!q}."
CHOICE = "The allowed values are {choices}, not {value!q}."
DATE_NOT_A_DATE = "{text!q} is not a date; give it as DD.MM.YYYY or YYYY-MM-DD, e.g. 31.12.2027."
DATE_YEAR = "{text}: the year must be {first}–{last}."
DATE_MONTH = "{text}: the months are 1–12, not {month}."
DATE_DAY = "{text}: {month} has no day {day}."
ACTION_TEXT_EMPTY = "An action must have a text."
WORKBOOK_SCALE = "The scale must have the levels 1, 2, 3, 4 and 5 in this order."
WORKBOOK_FIELD_IDS = "The ids of the fields must be {expected}; they are {found}."
WORKBOOK_DUPLICATE_IDS = "The same id is used more than once: {ids}."
WORKBOOK_SECTION_FIELDS = "The section {section!q} asks for unknown fields: {fields}."
WORKBOOK_IDEA_FIELDS = "The questions of idea {idea} refer to unknown fields: {fields}."
WORKBOOK_OK = "ok: {path}: {title} ({count} ideas)"
DATE_IN_MONTHS = "January February March April May June July August September October November December"

# A: Answers against the workbook
WORKBOOK_MISMATCH = (
    "The answers were made for the workbook {found!q}, but the workbook in use is {expected!q}.",
    "Give the right workbook with the option --workbook.",
)
UNKNOWN_ITEM = "The workbook has no item {item!q}."
UNKNOWN_FIELD = "The item {item!q} does not ask for the field {field!q}."
NO_LEVELS = "No level is given for the item {item!q}."
UNKNOWN_IDEA = "The workbook has no idea {idea!q}."
ITEMS_ARE = "Items: {items}."

# K: Keys and values of jtk set, get, action and import
BAD_KEY = (
    "Unknown key {key!q}.",
    "The form is <item>.<field>, for example 4.nykytila, +1.taso, tilannekuva.tavoitetila, arviointi.pvm "
    "or lopuksi.yhteenveto.",
)
NOT_A_SCALAR = (
    "The value of the key {key!q} is not a single text.",
    "Edit it with the command {hint}.",
)
NO_SUCH_ACTION = "There is no action number {number} (there are {count} actions)."
ACTION_FIELD = "An action has no field {field!q}. Fields: {fields}."
IMPORT_LONG_NUMBER = "the number has {digits} digits; jtk accepts at most {limit}."
IMPORT_CONTROL = "the text has the control character U+{code}, which is not saved in the answers file; remove it."
IMPORT_SURROGATE = (
    "the text has an unpaired UTF-16 surrogate U+{code} (\\u{code}), which is not a character; correct the "
    "program that produced the data."
)
EMPTY_STDIN = (
    "Standard input was empty, so the key {key} was not changed.",
    "To clear the answer, give an empty value ('') or the option --tyhjenna.",
)
CLEAR_WITH_VALUE = "Give either a value or --tyhjenna, not both."
FIELDS_ARE = "Fields: {fields}."
MUNICIPALITY_READ_ONLY = (
    "The key {key!q} is not changed with the command jtk set.",
    "The municipality is chosen with the command jtk init.",
)
IMPORT_OTHER_MUNICIPALITY = "The answers being imported are for the municipality {incoming}; this file is for {own}."
SAVED_KEY = "Saved {key} to {file}."
IMPORTED = "Imported {data} into {file}."
ACTION_ADDED = "Added action {number}."
ACTION_UPDATED = "Updated action {number}."
ACTION_REMOVED = "Removed action {number}: {text}"
IMPORTED_STDIN = "standard input"
EDIT_WITH_IMPORT = "jtk import or jtk interview"

# R: The register of municipalities
UNKNOWN_MUNICIPALITY = (
    "Municipality {query!q} not found.",
    "Did you mean: {suggestions}?",
)
UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS = (
    "Municipality {query!q} not found.",
    "See the list: jtk kunnat",
)

# L: The answers store: locks, sizes, outputs
EXISTS = (
    "The file already exists; it is not replaced.",
    "Open it with the command jtk interview {path}.",
)
LOCKED = (
    "The file is in use by another jtk process (lock {lock}).",
    "Wait until the other session ends, and try again.",
)
LOCKED_INTERVIEW = (
    "An interview of this file is in progress ({holder}).",
    "Try again when the interview has ended.",
)
LOCKED_BY = (
    "The file is in use by another jtk process ({holder}).",
    "Try again in a moment.",
)
LOCK_WAITED = "Waited {seconds} s; wait longer with the option --odota SECONDS."
LOCK_PID = "pid {pid}"
LOCK_HOST = "machine {host}"
LOCK_SINCE = "since {time}"
LOCK_SINCE_DAY = "since {day} {time}"
ANSWER_TOO_LARGE = (
    "The answers file would become too large ({size} bytes; at most {limit}), so nothing was saved.",
    "The longest answer is {key} ({length} characters); shorten it.",
)
OUTPUT_IS_INPUT = (
    "The output file {output} would be the same as the file being read, {input}; it is not replaced.",
    "Give another folder (-o) or name.",
)
OUTPUT_NOT_OURS = (
    "Where the output file {output} would go there is an answers file (or another YAML file); it is not replaced.",
    "Give another folder (-o) or name.",
)
CREATED = "Created {path} ({name}, {code}{county})."
CREATED_FILE = "Created {path}."
NEXT_INTERVIEW = "Next: jtk interview {path}"
