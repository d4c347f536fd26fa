"""English texts: git and versions, comparing, templates and reports, export and forms, usage."""

# G: Git: versions, history, merge
GIT_MISSING = (
    "The git command was not found.",
    "Install git, or compare two files: jtk diff OLD NEW.",
)
NOT_A_REPOSITORY = (
    "The file is not in a git repository, so its versions cannot be read.",
    "Compare two files: jtk diff OLD NEW.",
)
UNKNOWN_REVISION = (
    "The version {rev!q} is not found in the repository.",
    "Give the version as HEAD, HEAD~1, main or a commit id (git log).",
)
NOT_IN_REVISION = "The file {name} is not in version {rev}."
NO_COMMITS = "The file has no saved versions at all (git commit)."
GIT_FAILED = "The git command failed: {reason}"
MERGE_CONFLICT = (
    "The merge is incomplete: {keys}.",
    "The conflicts are marked in the file (<<<<<<< … >>>>>>>); resolve them and check: jtk validate.",
)
HISTORY_NO_VERSIONS = (
    "No readable version of the file {name} was found: git found {count} versions that concern it, "
    "but the file is not in them (it has been removed or renamed)."
)
REPORT_HISTORY_NO_REPOSITORY = (
    "The file is not in a git repository, so the report cannot show the levels over time (--historia).",
    "Save the assessments in git, or make the report without the option --historia.",
)
REPORT_HISTORY_TOO_FEW = (
    "The section “Levels over time” (--historia) needs at least two saved versions of the file "
    "(git commit); there are {count} readable versions."
)
HISTORY_STATUS_DATE = "Overdue actions assessed on {date} ({basis})."
HISTORY_BASIS_COMMIT = "the date of the latest saved version"
HISTORY_BASIS_CHOSEN = "the date given with --tilanne"
HISTORY_BASIS_ASSESSMENT = "the assessment date; the file has no saved versions"
DIFF_TITLE = "Changes: {old} → {new}"
DIFF_NONE = "No changes."
DIFF_GENERAL = "Municipality and assessment"
DIFF_ADDED = "added"
DIFF_REMOVED = "removed"
DIFF_CHANGED = "changed"
DIFF_TEXT_NEW = "new"
DIFF_TEXT_CLEARED = "cleared"
DIFF_FIELD_TEXT = "text"
DIFF_FIELD_HORIZON = "time frame"
DIFF_FIELD_IDEA = "idea"
DIFF_FIELD_RESPONSIBLE = "responsible"
DIFF_FIELD_DUE = "deadline"
DIFF_FIELD_INDICATOR = "indicator"
DIFF_FIELD_STATUS = "status"
DIFF_FIELD_TITLE = "title"
DIFF_FIELD_DESCRIPTION = "description"
HISTORY_TITLE = "Levels by version: {file}"
HISTORY_CAPTION = (
    "current level/target level; – = not answered. Saved versions (git commit) only; "
    "changes in the working copy: jtk diff FILE --from HEAD"
)
COLUMN_DAY = "Date"
COLUMN_VERSION = "Version"
HISTORY_UNREADABLE = "cannot be read: {error}"
DIFF_WORKING_COPY = "{file} (working copy)"

# C: Comparing: jtk compare and jtk diff
DIFF_ARGUMENTS = (
    "Give either two files (jtk diff OLD NEW) or one file and a version "
    "(jtk diff FILE --from VERSION [--to VERSION])."
)
NOTHING_TO_COMPARE = "No answers file could be read; no comparison was made."
GROUP_CHOICE = "The grouping {value!q} is not allowed; allowed: {choices}."

# T: Templates, reports and Typst
TEMPLATES_NOT_A_DIR = "The template folder was not found (--templates)."
TEMPLATE_NOT_FOUND = "The template {name!q} is found neither in your own folder nor among those that come with jtk."
TEMPLATE_ERROR = "Error in the template: {reason}"
TYPST_ERROR = "Laying out the PDF failed: {reason}"
TYPST_PACKAGE = "The template tries to load a Typst package ({spec}); packages are not downloaded from the network."
PDF_CHARACTER_CODE = "[U+{code}]"
PDF_UNSHOWN_CHARACTERS = (
    "The PDF's fonts do not have the characters {chars}: in the PDF they are shown as their codes ({codes}), "
    "so that the PDF stays accessible (PDF/UA-1, PDF/A-2a). In the answers file and in the other formats "
    "the characters are unchanged.",
    "A font that has the characters can be added to the fonts/ folder of the template folder.",
)
REPORT_UNANSWERED = "{count} questions not answered (--strict): {items}."
REPORT_UNANSWERED_ONE = "1 question not answered (--strict): {items}."
REPORT_SAME_OUTPUT = (
    "The same output file {name} would also be made from the file {other}.",
    "Give the files different names.",
)
REPORT_UNEXPECTED = "Making the report failed unexpectedly: {reason}"
REPORT_WORKER_DIED = (
    "The process making the report ended early (it was stopped or ran out of memory); the other files were made.",
    "Try this file alone: jtk report FILE -j 1.",
)
TEMPLATE_OUTSIDE = (
    "The template {name!q} points outside the template folders ({target}); templates may use only "
    "the template folders' own files."
)
TYPST_OUTSIDE = (
    "The file {name} in the template folder points outside the folder ({target}); Typst may read only "
    "the template folders' own files."
)
TYPST_NOT_A_FILE = (
    "The template folder has {name}, which is not a regular file (a named pipe or a device); Typst may not read it.",
    "Remove it from the folder.",
)
TEMPLATE_TIME_LIMIT = "processing the template took longer than the time limit of {seconds} s (--aikaraja)."
TYPST_STOPPED = "the template made Typst use over {limit} MB of memory or crash, so the layout was stopped."
TEMPLATE_SIZE_LIMIT = "{what}: the result would be over {limit} characters or items, which is the limit for templates."
TEMPLATE_UNSAFE_CALL = "a template may not call {name!q}."
TEMPLATE_UNSAFE_ATTRIBUTE = "a template may not use the attribute {attribute!q} ({kind}); the data is read-only."
TEMPLATE_RECURSION = "recursion too deep (a macro calls itself too many times)."
TEMPLATE_MEMORY = "out of memory."
DOCX_TEMPLATE_BROKEN = "The Word template cannot be used: {reason}"
TYPST_SOURCE_LINE = "(line {line} of the Typst source; to see the source: jtk report -f typ)"
WRITTEN = "Wrote {path}."
BATCH_DONE = "Done: {done}/{total} files, {reports} reports ({seconds})."
BATCH_DONE_FAILED = "Done: {done}/{total} files, {reports} reports, {failed} failed ({seconds})."
BATCH_PROGRESS = "Reports"

# X: Export and Word forms: jtk export, jtk lomake, jtk import FORM.docx
EXPORT_SUFFIX = (
    "The format of the file {name} is not known.",
    "Use one of the suffixes {choices}.",
)
EXPORT_OVERWRITES_INPUT = (
    "The output file {name} is also an answers file being read.",
    "Give another name (-o).",
)
EXPORT_CELL_TOO_LONG = (
    "The text is too long for an Excel cell ({length} characters, at most {limit}; table {table}, row {row}).",
    "Export to CSV or JSON instead, and the text is kept whole.",
)
EXPORT_WRITTEN = "Wrote {path}."
EXPORT_NOTHING = "No answers file could be read; nothing was exported."
FORM_SUFFIX = "The form's name must end in .docx, not {name}."
FORM_WRITTEN = "Wrote the form {path}. Import the filled-in form with: jtk import {answers} {path}"
FORM_EXISTS = (
    "The file {name} already exists, and it may be a filled-in form not imported yet; it is not replaced.",
    "Give another name (-o), or replace it with the option --korvaa.",
)
FORM_NOT_A_FORM = "The file is not a Word document (.docx)."
FORM_NOT_JTK = (
    "The document is not a jtk form (it lacks the property jtk-lomake).",
    "Make a form with the command jtk lomake.",
)
FORM_TOO_LARGE = "The part {part} of the document is too large for a form."
FORM_BROKEN = "The document is broken: {reason}"
FORM_ROW_WITHOUT_KEY = (
    "A row without an id has been added to the form after {after}; its text would not be imported.",
    "Move the text into a field and remove the row.",
)
FORM_STRUCTURE = "The structure of the form's row {key} has changed (the row must have two columns)."
FORM_TAG_MISMATCH = (
    "The row's id {key} and the tag of its field ({tags}) do not match; the structure of the form has been changed."
)
FORM_DUPLICATE = "The id {key} appears twice in the form."
FORM_UNKNOWN_KEY = "The id {key} is not in the workbook; the structure of the form has been changed."
FORM_MISSING_KEY = "The form lacks the field {key}; the structure of the form has been changed."
FORM_LEVEL = (
    "The level {value!q} of the field {key} is not allowed.",
    "Choose 1–5, or leave the level unassessed.",
)
FORM_OTHER_MUNICIPALITY = "The form was made from the answers of the municipality {form}; this file is for the municipality {file}."
FORM_IMPORTED = "Imported {count} answers from the form into {path}."
FORM_KEPT = (
    "These answers have changed in the file since the form was made, and they were not changed in "
    "the form; the file's answers were kept: {keys}."
)
FORM_CONFLICTS = (
    "These were not imported, because the answer has changed both in the file since the form was made and in the form: {keys}.",
    "The form's text is still in the form; compare them and set the answer by hand (jtk set).",
)

# U: Usage: options and arguments
NOT_A_TERMINAL = (
    "The interview needs a terminal, but the input is not a terminal.",
    "To work non-interactively, use the commands jtk set or jtk import.",
)
INTERRUPTED = "Interrupted."
OPTION_DATE = "{option}: {problem}"
OUTPUT_NAME = (
    "{option}: {name!q} cannot be used as a file name.",
    "Give just a name without folders (no /, \\ or :, no dot at the start, not empty), e.g. comparison-2027.",
)
TIME_LIMIT_OPTION = "--aikaraja: give the seconds as a positive number, not {value!q}."
REPORT_FORMAT = "Unknown format {value!q}; allowed: {choices}."
REPORT_WORKERS = (
    "The number of parallel processes (-j) must be 1 or more, or 0 = one per processor; it is {value}."
)
CLICK_USAGE = "{message}"
NUMBER_EXPECTED = "{name} takes a whole number in digits, for example 2; got {value!q}."
DECIMAL_EXPECTED = "{name} takes a number in digits, for example 1.5; got {value!q}."
NUMBER_TOO_SMALL = "{name} is at least {limit}; got {value}."
NUMBER_TOO_LARGE = "{name} is at most {limit}; got {value}."
UNKNOWN_LANGUAGE = "Unknown language {value!q}; allowed: {choices}."
# Said in all three languages: it is wrong before any language is chosen.
UNKNOWN_UI_LANGUAGE = (
    "JTK_KIELI={value!q} ei ole tuettu kieli; anna fi, sv tai en.\n"
    "JTK_KIELI={value!q} är inte ett språk som stöds; ange fi, sv eller en.\n"
    "JTK_KIELI={value!q} is not a supported language; use fi, sv or en."
)
