"""The message catalogue: stable codes, one text per code, every entry used, no Finnish outside it."""

from __future__ import annotations

import ast
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from jarjestotyokirja import messages
from jarjestotyokirja.errors import JtkError, M, Problem
from jarjestotyokirja.messages import CODES, Message, texts
from jarjestotyokirja.messages import fi as finnish
from jarjestotyokirja.messages.listing import README_BEGIN, README_END, code_table
from tests.messages.finnish_literals import PACKAGE, finnish_literals

REPO = Path(__file__).resolve().parents[2]

# Every code ever given, with its name. A code is never renumbered or reused: change a message's text
# freely, but a new message takes a new code (add it here), and a removed one leaves its line here
# commented out, so the number stays taken.
EXPECTED_CODES = [
    ("JTK-F001", "FILE_NOT_FOUND"),
    ("JTK-F002", "FILE_UNREADABLE"),
    ("JTK-F003", "NOT_UTF8"),
    ("JTK-F004", "TOO_LARGE"),
    ("JTK-F005", "EMPTY_FILE"),
    ("JTK-F006", "NOT_A_REGULAR_FILE"),
    ("JTK-F007", "INPUT_TOO_LARGE"),
    ("JTK-F008", "WRITE_FAILED"),
    ("JTK-F009", "READ_ONLY"),
    ("JTK-F010", "OS_EACCES"),
    ("JTK-F011", "OS_ENOSPC"),
    ("JTK-F012", "OS_ENOENT"),
    ("JTK-F013", "OS_EROFS"),
    ("JTK-F014", "OS_EISDIR"),
    ("JTK-F015", "OS_ENOTDIR"),
    ("JTK-F016", "OS_EEXIST"),
    ("JTK-F017", "OS_EDQUOT"),
    ("JTK-F018", "OS_ENAMETOOLONG"),
    ("JTK-F019", "OS_EIO"),
    ("JTK-F020", "OS_EMFILE"),
    ("JTK-F021", "OS_EBUSY"),
    ("JTK-F022", "OS_ELOOP"),
    ("JTK-F023", "OS_EXDEV"),
    ("JTK-F024", "OS_OTHER"),
    ("JTK-F025", "KIND_DIRECTORY"),
    ("JTK-F026", "KIND_FIFO"),
    ("JTK-F027", "KIND_DEVICE"),
    ("JTK-F028", "KIND_SOCKET"),
    ("JTK-F029", "KIND_OTHER"),
    ("JTK-Y001", "TOO_DEEP"),
    ("JTK-Y002", "CONFLICT_MARKER"),
    ("JTK-Y004", "JSON_SYNTAX"),
    ("JTK-Y005", "ALIAS"),
    ("JTK-Y006", "TAG"),
    ("JTK-Y007", "DUPLICATE_KEY"),
    ("JTK-Y008", "COMPLEX_KEY"),
    ("JTK-Y009", "MULTIPLE_DOCUMENTS"),
    ("JTK-Y010", "YAML_BAD_CHARACTER"),
    ("JTK-Y011", "YAML_NO_VALUE"),
    ("JTK-Y012", "YAML_ESCAPE"),
    ("JTK-Y013", "YAML_BROKEN"),
    ("JTK-Y014", "YAML_COLON"),
    ("JTK-Y015", "YAML_CANNOT_START"),
    ("JTK-Y016", "YAML_UNEXPECTED_END"),
    ("JTK-Y017", "YAML_UNCLOSED_LIST"),
    ("JTK-Y018", "YAML_UNCLOSED_MAPPING"),
    ("JTK-Y019", "YAML_INDENT"),
    ("JTK-S001", "UNKNOWN_KEY"),
    ("JTK-S002", "MISSING_KEY"),
    ("JTK-S003", "EXPECTED_TEXT"),
    ("JTK-S004", "EXPECTED_MAPPING"),
    ("JTK-S005", "EXPECTED_LIST"),
    ("JTK-S006", "INVALID_VALUE"),
    ("JTK-S007", "LEVEL"),
    ("JTK-S008", "DATE"),
    ("JTK-S009", "CODE"),
    ("JTK-S010", "CHOICE"),
    ("JTK-S011", "DATE_NOT_A_DATE"),
    ("JTK-S012", "DATE_YEAR"),
    ("JTK-S013", "DATE_MONTH"),
    ("JTK-S014", "DATE_DAY"),
    ("JTK-S015", "ACTION_TEXT_EMPTY"),
    ("JTK-S016", "WORKBOOK_SCALE"),
    ("JTK-S017", "WORKBOOK_FIELD_IDS"),
    ("JTK-S018", "WORKBOOK_DUPLICATE_IDS"),
    ("JTK-S019", "WORKBOOK_SECTION_FIELDS"),
    ("JTK-S020", "WORKBOOK_IDEA_FIELDS"),
    ("JTK-S021", "WORKBOOK_OK"),
    ("JTK-S022", "DATE_IN_MONTHS"),
    ("JTK-A001", "WORKBOOK_MISMATCH"),
    ("JTK-A002", "UNKNOWN_ITEM"),
    ("JTK-A003", "UNKNOWN_FIELD"),
    ("JTK-A004", "NO_LEVELS"),
    ("JTK-A005", "UNKNOWN_IDEA"),
    ("JTK-A006", "ITEMS_ARE"),
    ("JTK-K001", "BAD_KEY"),
    ("JTK-K002", "NOT_A_SCALAR"),
    ("JTK-K003", "NO_SUCH_ACTION"),
    ("JTK-K004", "ACTION_FIELD"),
    ("JTK-K006", "IMPORT_LONG_NUMBER"),
    ("JTK-K007", "IMPORT_CONTROL"),
    ("JTK-K008", "IMPORT_SURROGATE"),
    ("JTK-K009", "EMPTY_STDIN"),
    ("JTK-K010", "CLEAR_WITH_VALUE"),
    ("JTK-K011", "FIELDS_ARE"),
    ("JTK-K012", "MUNICIPALITY_READ_ONLY"),
    ("JTK-K013", "IMPORT_OTHER_MUNICIPALITY"),
    ("JTK-K014", "SAVED_KEY"),
    ("JTK-K015", "IMPORTED"),
    ("JTK-K016", "ACTION_ADDED"),
    ("JTK-K017", "ACTION_UPDATED"),
    ("JTK-K018", "ACTION_REMOVED"),
    ("JTK-K019", "EDIT_WITH_IMPORT"),
    ("JTK-K020", "IMPORTED_STDIN"),
    ("JTK-R001", "UNKNOWN_MUNICIPALITY"),
    ("JTK-R002", "UNKNOWN_MUNICIPALITY_NO_SUGGESTIONS"),
    ("JTK-L001", "EXISTS"),
    ("JTK-L002", "LOCKED"),
    ("JTK-L003", "LOCKED_INTERVIEW"),
    ("JTK-L004", "LOCKED_BY"),
    ("JTK-L005", "LOCK_WAITED"),
    ("JTK-L006", "LOCK_PID"),
    ("JTK-L007", "LOCK_HOST"),
    ("JTK-L008", "LOCK_SINCE"),
    ("JTK-L009", "LOCK_SINCE_DAY"),
    ("JTK-L010", "ANSWER_TOO_LARGE"),
    ("JTK-L011", "OUTPUT_IS_INPUT"),
    ("JTK-L012", "OUTPUT_NOT_OURS"),
    ("JTK-L013", "CREATED"),
    ("JTK-L014", "CREATED_FILE"),
    ("JTK-L015", "NEXT_INTERVIEW"),
    ("JTK-I001", "TERMINAL_ENCODING"),
    ("JTK-I002", "NO_SUCH_STOP"),
    ("JTK-I003", "NO_SUCH_ENTRY"),
    ("JTK-I004", "NOT_AN_ANSWERS_FILE"),
    ("JTK-I005", "DRAFT_FILE"),
    ("JTK-I006", "RESUME_AT"),
    ("JTK-I007", "DRAFT_KEPT"),
    ("JTK-I009", "SAVE_FAILED"),
    ("JTK-I010", "DRAFT_SAVE_FAILED"),
    ("JTK-I011", "OUTSIDE_MERGED"),
    ("JTK-I012", "OUTSIDE_KEPT"),
    ("JTK-I013", "ATTACH_ACTION"),
    ("JTK-I014", "BACK_TO"),
    ("JTK-I015", "DRAFT_IN_LIST"),
    ("JTK-I016", "DID_YOU_MEAN"),
    ("JTK-I017", "NO_SUCH_STOP_SHORT"),
    ("JTK-I018", "DRAFT_LEFT"),
    ("JTK-I019", "DRAFT_DISCARDED"),
    ("JTK-I020", "TARGET_BELOW_CURRENT"),
    ("JTK-I021", "WRONG_INPUT"),
    ("JTK-I022", "LEVEL_EXPECTED"),
    ("JTK-I023", "CHOICE_EXPECTED"),
    ("JTK-I024", "LIST_COMMAND_EXPECTED"),
    ("JTK-I025", "LIST_COMMAND_EMPTY"),
    ("JTK-I026", "EDITOR_MISSING"),
    ("JTK-I027", "EDITOR_NONE"),
    ("JTK-I028", "EDITOR_FAILED"),
    ("JTK-I029", "KEY_ACCEPT_TEXT"),
    ("JTK-I030", "KEY_ACCEPT_TEXT_SHORT"),
    ("JTK-I031", "KEY_NEW_LINE"),
    ("JTK-I032", "KEY_NEW_LINE_SHORT"),
    ("JTK-I033", "KEY_EDITOR"),
    ("JTK-I034", "KEY_EDITOR_SHORT"),
    ("JTK-I035", "KEY_ACCEPT_LINE"),
    ("JTK-I036", "KEY_ACCEPT_LINE_SHORT"),
    ("JTK-I037", "KEY_ACCEPT_FIELD"),
    ("JTK-I038", "KEY_ACCEPT_FIELD_SHORT"),
    ("JTK-I039", "KEY_SKIP"),
    ("JTK-I040", "KEY_SKIP_SHORT"),
    ("JTK-I041", "KEY_BACK"),
    ("JTK-I042", "KEY_BACK_SHORT"),
    ("JTK-I043", "KEY_SKIP_FIELD"),
    ("JTK-I044", "KEY_SKIP_FIELD_SHORT"),
    ("JTK-I045", "KEY_BACK_FIELD"),
    ("JTK-I046", "KEY_BACK_FIELD_SHORT"),
    ("JTK-I047", "KEY_JUMP"),
    ("JTK-I048", "KEY_JUMP_SHORT"),
    ("JTK-I049", "KEY_ATTACH"),
    ("JTK-I050", "KEY_ATTACH_SHORT"),
    ("JTK-I051", "KEY_DISCARD"),
    ("JTK-I052", "KEY_DISCARD_SHORT"),
    ("JTK-I053", "KEY_QUIT"),
    ("JTK-I054", "KEY_QUIT_SHORT"),
    ("JTK-I055", "KEY_INTERRUPT"),
    ("JTK-I056", "KEY_INTERRUPT_SHORT"),
    ("JTK-I057", "KEY_CONTINUE"),
    ("JTK-I058", "KEY_CONTINUE_SHORT"),
    ("JTK-I059", "KEY_NEW_ENTRY"),
    ("JTK-I060", "KEY_NEW_ENTRY_SHORT"),
    ("JTK-I061", "KEY_EDIT_ENTRY"),
    ("JTK-I062", "KEY_EDIT_ENTRY_SHORT"),
    ("JTK-I063", "KEY_REMOVE_ENTRY"),
    ("JTK-I064", "KEY_REMOVE_ENTRY_SHORT"),
    ("JTK-I065", "KEY_TARGET"),
    ("JTK-I066", "KEY_TARGET_SHORT"),
    ("JTK-I067", "KEY_COMPLETE"),
    ("JTK-I068", "KEY_COMPLETE_SHORT"),
    ("JTK-I069", "ESC_THEN_ENTER"),
    ("JTK-I070", "LEVEL_KEEP"),
    ("JTK-I071", "LEVEL_NONE"),
    ("JTK-I072", "LEVEL_PROMPT"),
    ("JTK-I073", "JUMP_LINE"),
    ("JTK-I074", "JUMP_PROMPT"),
    ("JTK-I075", "UNSAVED_TEXT_TITLE"),
    ("JTK-I076", "SCREEN_IDEA"),
    ("JTK-I077", "SCREEN_IDEA_OF"),
    ("JTK-I078", "SCREEN_SECTION"),
    ("JTK-I079", "SCREEN_DRAFT_RESTORED"),
    ("JTK-I080", "SCREEN_ASSESSMENT"),
    ("JTK-I081", "SCREEN_NONE_YET"),
    ("JTK-I082", "SUMMARY_TITLE"),
    ("JTK-I083", "SUMMARY_MISSING"),
    ("JTK-I084", "SUMMARY_COUNTS"),
    ("JTK-I085", "SUMMARY_REPORT"),
    ("JTK-I086", "SUMMARY_CONTINUE"),
    ("JTK-I087", "SUMMARY_REVISE"),
    ("JTK-I088", "ASK_DATE"),
    ("JTK-I089", "ASK_DATE_HELP"),
    ("JTK-I090", "ASK_CONSULTANT"),
    ("JTK-I091", "ASK_CONSULTANT_HELP"),
    ("JTK-I092", "ASK_PARTICIPANTS"),
    ("JTK-I093", "ASK_PARTICIPANTS_HELP"),
    ("JTK-I094", "ASK_LEVEL_HELP"),
    ("JTK-I095", "ASK_TARGET_HELP"),
    ("JTK-I096", "ASK_NO_IDEA"),
    ("JTK-I097", "ASK_PRACTICE_TITLE"),
    ("JTK-I098", "ASK_RELATED_IDEA"),
    ("JTK-I099", "ASK_DUE"),
    ("JTK-I100", "SCREEN_PROGRESS"),
    ("JTK-I101", "SCREEN_IDEA_TITLE"),
    ("JTK-I102", "SCREEN_ASSESSMENT_TITLE"),
    ("JTK-I103", "FIELD_REQUIRED"),
    ("JTK-I104", "FIELD_DRAFT_RESTORED"),
    ("JTK-I105", "LIST_PROMPT"),
    ("JTK-G001", "GIT_MISSING"),
    ("JTK-G002", "NOT_A_REPOSITORY"),
    ("JTK-G003", "UNKNOWN_REVISION"),
    ("JTK-G004", "NOT_IN_REVISION"),
    ("JTK-G005", "NO_COMMITS"),
    ("JTK-G006", "GIT_FAILED"),
    ("JTK-G007", "MERGE_CONFLICT"),
    ("JTK-G008", "HISTORY_NO_VERSIONS"),
    ("JTK-G009", "REPORT_HISTORY_NO_REPOSITORY"),
    ("JTK-G010", "REPORT_HISTORY_TOO_FEW"),
    ("JTK-G011", "HISTORY_STATUS_DATE"),
    ("JTK-G012", "HISTORY_BASIS_COMMIT"),
    ("JTK-G013", "HISTORY_BASIS_CHOSEN"),
    ("JTK-G014", "HISTORY_BASIS_ASSESSMENT"),
    ("JTK-G015", "DIFF_TITLE"),
    ("JTK-G016", "DIFF_NONE"),
    ("JTK-G017", "DIFF_GENERAL"),
    ("JTK-G018", "DIFF_ADDED"),
    ("JTK-G019", "DIFF_REMOVED"),
    ("JTK-G020", "DIFF_CHANGED"),
    ("JTK-G021", "DIFF_TEXT_NEW"),
    ("JTK-G022", "DIFF_TEXT_CLEARED"),
    ("JTK-G023", "DIFF_FIELD_TEXT"),
    ("JTK-G024", "DIFF_FIELD_HORIZON"),
    ("JTK-G025", "DIFF_FIELD_IDEA"),
    ("JTK-G026", "DIFF_FIELD_RESPONSIBLE"),
    ("JTK-G027", "DIFF_FIELD_DUE"),
    ("JTK-G028", "DIFF_FIELD_INDICATOR"),
    ("JTK-G029", "DIFF_FIELD_STATUS"),
    ("JTK-G030", "DIFF_FIELD_TITLE"),
    ("JTK-G031", "DIFF_FIELD_DESCRIPTION"),
    ("JTK-G032", "HISTORY_TITLE"),
    ("JTK-G033", "HISTORY_CAPTION"),
    ("JTK-G034", "COLUMN_DAY"),
    ("JTK-G035", "COLUMN_VERSION"),
    ("JTK-G036", "HISTORY_UNREADABLE"),
    ("JTK-G037", "DIFF_WORKING_COPY"),
    ("JTK-C001", "DIFF_ARGUMENTS"),
    ("JTK-C002", "NOTHING_TO_COMPARE"),
    ("JTK-C003", "GROUP_CHOICE"),
    ("JTK-T001", "TEMPLATES_NOT_A_DIR"),
    ("JTK-T002", "TEMPLATE_NOT_FOUND"),
    ("JTK-T003", "TEMPLATE_ERROR"),
    ("JTK-T004", "TYPST_ERROR"),
    ("JTK-T005", "TYPST_PACKAGE"),
    ("JTK-T006", "REPORT_UNANSWERED"),
    ("JTK-T007", "REPORT_UNANSWERED_ONE"),
    ("JTK-T008", "REPORT_SAME_OUTPUT"),
    ("JTK-T009", "REPORT_UNEXPECTED"),
    ("JTK-T010", "REPORT_WORKER_DIED"),
    ("JTK-T011", "TEMPLATE_OUTSIDE"),
    ("JTK-T012", "TYPST_OUTSIDE"),
    ("JTK-T013", "TYPST_NOT_A_FILE"),
    ("JTK-T014", "TEMPLATE_TIME_LIMIT"),
    ("JTK-T015", "TEMPLATE_SIZE_LIMIT"),
    ("JTK-T016", "TEMPLATE_UNSAFE_CALL"),
    ("JTK-T017", "TEMPLATE_UNSAFE_ATTRIBUTE"),
    ("JTK-T018", "TEMPLATE_RECURSION"),
    ("JTK-T019", "TEMPLATE_MEMORY"),
    ("JTK-T020", "DOCX_TEMPLATE_BROKEN"),
    ("JTK-T021", "TYPST_SOURCE_LINE"),
    ("JTK-T022", "WRITTEN"),
    ("JTK-T023", "BATCH_DONE"),
    ("JTK-T024", "BATCH_DONE_FAILED"),
    ("JTK-T025", "BATCH_PROGRESS"),
    ("JTK-T026", "PDF_CHARACTER_CODE"),
    ("JTK-T027", "PDF_UNSHOWN_CHARACTERS"),
    ("JTK-T028", "TYPST_STOPPED"),
    ("JTK-X001", "EXPORT_SUFFIX"),
    ("JTK-X002", "EXPORT_OVERWRITES_INPUT"),
    ("JTK-X003", "EXPORT_CELL_TOO_LONG"),
    ("JTK-X004", "EXPORT_WRITTEN"),
    ("JTK-X005", "EXPORT_NOTHING"),
    ("JTK-X006", "FORM_SUFFIX"),
    ("JTK-X007", "FORM_WRITTEN"),
    ("JTK-X008", "FORM_EXISTS"),
    ("JTK-X009", "FORM_NOT_A_FORM"),
    ("JTK-X010", "FORM_NOT_JTK"),
    ("JTK-X011", "FORM_TOO_LARGE"),
    ("JTK-X012", "FORM_BROKEN"),
    ("JTK-X013", "FORM_ROW_WITHOUT_KEY"),
    ("JTK-X014", "FORM_STRUCTURE"),
    ("JTK-X015", "FORM_TAG_MISMATCH"),
    ("JTK-X016", "FORM_DUPLICATE"),
    ("JTK-X017", "FORM_UNKNOWN_KEY"),
    ("JTK-X018", "FORM_MISSING_KEY"),
    ("JTK-X019", "FORM_LEVEL"),
    ("JTK-X020", "FORM_OTHER_MUNICIPALITY"),
    ("JTK-X021", "FORM_IMPORTED"),
    ("JTK-X022", "FORM_KEPT"),
    ("JTK-X023", "FORM_CONFLICTS"),
    ("JTK-U001", "NOT_A_TERMINAL"),
    ("JTK-U002", "INTERRUPTED"),
    ("JTK-U003", "OPTION_DATE"),
    ("JTK-U004", "OUTPUT_NAME"),
    ("JTK-U005", "TIME_LIMIT_OPTION"),
    ("JTK-U006", "REPORT_FORMAT"),
    ("JTK-U007", "REPORT_WORKERS"),
    ("JTK-U008", "CLICK_USAGE"),
    ("JTK-U009", "UNKNOWN_LANGUAGE"),
    ("JTK-U010", "UNKNOWN_UI_LANGUAGE"),
    ("JTK-U011", "NUMBER_EXPECTED"),
    ("JTK-U012", "DECIMAL_EXPECTED"),
    ("JTK-U013", "NUMBER_TOO_SMALL"),
    ("JTK-U014", "NUMBER_TOO_LARGE"),
    ("JTK-N001", "LABEL_ERROR"),
    ("JTK-N002", "LABEL_HINT"),
    ("JTK-N003", "WHERE_LINE"),
    ("JTK-N004", "WHERE_KEY"),
    ("JTK-N005", "STDIN_PROMPT"),
    ("JTK-N006", "WORD_OR"),
    ("JTK-N007", "IDEA_LABEL"),
    ("JTK-N008", "COLUMN_NAME"),
    ("JTK-N009", "COLUMN_ROLE"),
    ("JTK-N010", "COLUMN_ORGANISATION"),
    ("JTK-N011", "COLUMN_PRACTICE"),
    ("JTK-N012", "COLUMN_DESCRIPTION"),
    ("JTK-N013", "COLUMN_IDEA"),
    ("JTK-N014", "COLUMN_ACTION"),
    ("JTK-N015", "COLUMN_HORIZON"),
    ("JTK-N016", "COLUMN_RESPONSIBLE"),
    ("JTK-N017", "COLUMN_DUE"),
    ("JTK-N018", "COLUMN_INDICATOR"),
    ("JTK-N019", "COLUMN_STATUS"),
    ("JTK-N020", "COLUMN_PART"),
    ("JTK-N021", "COLUMN_ANSWERED"),
    ("JTK-N022", "PHASE_LABEL"),
    ("JTK-N023", "PHASE_SHORT"),
    ("JTK-N024", "PHASE_TITLE"),
    ("JTK-N025", "PHASE_OPENING"),
    ("JTK-N026", "PHASE_CLOSING"),
    ("JTK-N027", "VIEW_UNANSWERED"),
    ("JTK-N028", "VIEW_FIELDS_OF_EVERY_IDEA"),
    ("JTK-N029", "VIEW_SCALE"),
    ("JTK-N030", "VIEW_ACTIONS"),
    ("JTK-N031", "VIEW_COMPLETION"),
    ("JTK-N032", "COLUMN_MUNICIPALITY_AND_FILE"),
    ("JTK-N033", "COLUMN_TOTAL"),
    ("JTK-N034", "VIEW_MUNICIPALITIES"),
    ("JTK-N035", "COLUMN_CODE"),
    ("JTK-N036", "COLUMN_MUNICIPALITY"),
    ("JTK-N037", "COLUMN_REGION"),
    ("JTK-N038", "COLUMN_COUNTY"),
    ("JTK-N039", "VIEW_ITEM_STATUS"),
    ("JTK-N040", "COLUMN_ITEM"),
    ("JTK-N041", "COLUMN_TITLE"),
    ("JTK-N042", "COLUMN_LEVEL"),
    ("JTK-N043", "COLUMN_TARGET"),
    ("JTK-N044", "COLUMN_MUNICIPALITY_CODE"),
    ("JTK-N045", "HORIZON_SHORT"),
    ("JTK-N046", "HORIZON_MEDIUM"),
    ("JTK-N047", "HORIZON_LONG"),
    ("JTK-N048", "STATUS_PLANNED"),
    ("JTK-N049", "STATUS_ONGOING"),
    ("JTK-N050", "STATUS_DONE"),
    ("JTK-N051", "LABEL_NOTICE"),
    ("JTK-N052", "VIEW_ASSESSMENT_LINE"),
    ("JTK-N053", "COLUMN_LANGUAGE"),
    ("JTK-N054", "LANGUAGE_FI"),
    ("JTK-N055", "LANGUAGE_SV"),
    ("JTK-N056", "LANGUAGE_FI_SV"),
    ("JTK-N057", "LANGUAGE_SV_FI"),
    # ("JTK-D001", "DOC_REPORT_TITLE"),  removed: the document texts are in templates/texts/
    # ("JTK-D002", "DOC_JTK_ADDITIONS"),  removed: the document texts are in templates/texts/
    # ("JTK-D003", "DOC_BASED_ON"),  removed: the document texts are in templates/texts/
    # ("JTK-D004", "DOC_CHART_TITLE"),  removed: the document texts are in templates/texts/
    # ("JTK-D005", "DOC_CHART_IDEA"),  removed: the document texts are in templates/texts/
    # ("JTK-D006", "DOC_MISSING"),  removed: the document texts are in templates/texts/
    # ("JTK-D007", "DOC_MONITORING_TITLE"),  removed: the document texts are in templates/texts/
    # ("JTK-D008", "DOC_VERSION_LEVELS"),  removed: the document texts are in templates/texts/
    # ("JTK-D009", "DOC_IDEA_LEVELS_OVER_VERSIONS"),  removed: the document texts are in templates/texts/
    # ("JTK-D010", "DOC_COMPARISON_TITLE"),  removed: the document texts are in templates/texts/
    # ("JTK-D011", "DOC_MUNICIPALITY_ONE"),  removed: the document texts are in templates/texts/
    # ("JTK-D012", "DOC_MUNICIPALITIES"),  removed: the document texts are in templates/texts/
    ("JTK-D013", "DOC_NOT_ASSESSED"),
    ("JTK-D014", "DOC_CHART_ALT"),
    ("JTK-D015", "DOC_FORM_INSTRUCTIONS"),
    ("JTK-D016", "DOC_FORM_KEEP_KEYS"),
    ("JTK-D017", "DOC_EXPORT_TITLE"),
    ("JTK-D018", "DOC_COMPARISON_XLSX_TITLE"),
    ("JTK-D019", "DOC_SCHEMA_TITLE"),
    ("JTK-D022", "DOC_FORM_TITLE"),
    ("JTK-D023", "DOC_FORM_ASSESSMENT"),
    ("JTK-D024", "DOC_FORM_DATE"),
    ("JTK-D025", "DOC_FORM_CONSULTANT"),
    ("JTK-D026", "DOC_FORM_PHASE"),
    ("JTK-D027", "DOC_FORM_NO_LEVEL"),
    ("JTK-D028", "DOC_SCHEMA_WORKBOOK"),
    ("JTK-D029", "DOC_SCHEMA_WORKBOOK_ID"),
    ("JTK-D030", "DOC_SCHEMA_PARTICIPANT"),
    ("JTK-D031", "DOC_SCHEMA_ANSWERS"),
    ("JTK-D032", "DOC_SCHEMA_ITEM"),
    # ("JTK-D020", "DOC_NO_COUNTY"),  removed: a group name is data (region.comparison), translated in the document
    # ("JTK-D021", "DOC_ALL_MUNICIPALITIES"),  removed: a group name is data (region.comparison), translated in the document
    # ("JTK-K005", "IMPORT_FORMAT"),  removed: unused
    # ("JTK-R003", "AMBIGUOUS_MUNICIPALITY"),  removed: unused
    # ("JTK-I008", "DRAFT_RESTORED"),  removed: unused
]


DATA = "a data key or value (YAML key, stored choice, typed alias), not a text shown as such"
TYPST = "Typst markup of the chart, not a message"
SAVED = "written into every saved answers or drafts file: kept fixed so that a file's bytes never depend " \
    "on the UI language"

# (file in the package, the literal's first 40 characters) → why it may stay outside the catalogue.
ALLOWED = {
    ('answers.py', '# jtk: järjestöyhteistyön työkirjan vast'): SAVED,
    ('answers.py', 'keskipitkä'): DATA,
    ('answers.py', 'pitkä'): DATA,
    ('answers.py', 'käynnissä'): DATA,
    ('cli/diff_display.py', 'lisätty'): DATA,
    ('interview/engine.py', 'hyvät'): DATA,
    ('interview/engine.py', 'hyvät käytännöt'): DATA,
    ('interview/engine.py', 'käytännöt'): DATA,
    ('interview/questions.py', '.taso'): DATA,
    ('region/comparison.py', 'Ahvenanmaa (ei hyvinvointialuetta)'): DATA,  # a group's name as data; shown translated
    ('conventions.py', 'å'): DATA,
    ('versions/changes.py', 'arviointi.'): DATA,
    ('versions/document.py', '-seuranta'): "an output file's name, the same in every language (issue 13)",
    ('conventions.py', 'ä'): DATA,
    ('conventions.py', 'ö'): DATA,
    ('render/docx_chart.py', '\n#set page(width: 16cm, height: auto, ma'): TYPST,
    ('store/drafts.py', '# jtk: haastattelun tallentamattomat luo'): SAVED,
    ('store/edit.py', '.teksti'): DATA,
    ('versions/changes.py', 'lisätty'): DATA,
    ('versions/changes.py', 'kunta.'): DATA,
    ('versions/levels.py', 'lisätty'): DATA,
}


def test_every_code_keeps_its_name_and_no_code_is_reused():
    assert list(CODES.items()) == [(name, code) for code, name in EXPECTED_CODES]
    removed = re.findall(r'^    # \("(JTK-[A-Z]\d+)"', Path(__file__).read_text(encoding="utf-8"), re.M)
    assert not set(removed) & set(CODES.values()), "a removed code was reused"


def test_codes_have_the_form_and_an_area_and_are_unique():
    assert len(set(CODES.values())) == len(CODES)
    for code in CODES.values():
        assert re.fullmatch(r"JTK-[FYSAKRLIGCTXUND]\d{3}", code), code


def test_the_finnish_texts_have_exactly_the_catalogue_names():
    names = {name for name in vars(finnish) if name.isupper()}
    assert names == set(CODES)
    for name in names:
        value = getattr(finnish, name)
        assert isinstance(value, str) or (isinstance(value, tuple) and len(value) == 2
                                           and all(isinstance(v, str) for v in value)), name


def test_no_python_repr_in_the_finnish_texts():
    """Values are shown in Finnish quotation marks (!q), never as Python's 'repr'."""
    for name in CODES:
        entry = getattr(texts("fi"), name)
        for text in (str(entry), entry.hint or ""):
            assert "!r}" not in text and "!a}" not in text, name


def test_a_message_carries_its_code_name_and_hint_through_format():
    message = M.WORKBOOK_MISMATCH.format(found="a", expected="b")
    assert isinstance(message, Message) and isinstance(message, str)
    assert (message.code, message.name) == (CODES["WORKBOOK_MISMATCH"], "WORKBOOK_MISMATCH")
    assert message == "Vastaukset on tehty työkirjalle ”a”, mutta käytössä on työkirja ”b”."
    assert message.hint == "Anna oikea työkirja valitsimella --workbook."
    assert pickle.loads(pickle.dumps(message)).code == message.code  # from report worker processes


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_message_formats_as_the_catalogue_formatter_does(language):
    # Message.format takes str.format for a text without !q or !v: the same text, hint and errors.
    import string

    from jarjestotyokirja.messages import _Formatter

    catalogue = texts(language)
    for name in CODES:
        message = getattr(catalogue, name)
        fields = {f.split(".")[0].split("[")[0] for text in (message, message.hint or "")
                  for _, f, _, _ in string.Formatter().parse(text) if f}
        for value in ("Ä x", 7):
            values = dict.fromkeys(fields, value)
            formatter = _Formatter(language)
            try:
                expected = (formatter.vformat(str(message), (), values),
                            formatter.vformat(message.hint, (), values) if message.hint else None)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
                with pytest.raises(type(exc)):
                    message.format(**values)
                continue
            made = message.format(**values)
            assert (str(made), made.hint) == expected, name
            assert (made.code, made.name, made.language) == (message.code, message.name, language)


def test_quoted_values_stay_visible_when_empty_or_made_of_control_characters():
    assert M.UNKNOWN_ITEM.format(item="") == "Työkirjassa ei ole kohtaa ””."
    assert M.UNKNOWN_ITEM.format(item="a\x00b\x1b[2J\n") == "Työkirjassa ei ole kohtaa ”aU+0000bU+001B[2JU+000A”."
    assert M.UNKNOWN_ITEM.format(item="\u202eabc") == "Työkirjassa ei ole kohtaa ”U+202Eabc”."


def test_a_hostile_key_or_file_name_cannot_act_on_the_terminal():
    problem = Problem(M.UNKNOWN_KEY, path="a\x1b[2J.yaml", line=2, key="x\x1b]0;otsikko\x07")
    assert str(problem) == "aU+001B[2J.yaml:2: avain xU+001B]0;otsikkoU+0007: Tuntematon avain."


def test_a_problem_and_an_error_know_the_code():
    error = JtkError(M.FILE_NOT_FOUND, path="a.yaml", line=3, key="k")
    assert error.code == M.FILE_NOT_FOUND.code == error.problems[0].code
    assert str(error.problems[0]) == "a.yaml:3: avain k: Tiedostoa ei löydy."
    assert Problem("vapaa teksti").code is None
    assert error.with_path("b.yaml").problems[0].code == M.FILE_NOT_FOUND.code


def test_the_cli_line_has_the_code_and_the_hint_on_its_own_line(cli, tmp_path):
    path = tmp_path / "901-esimerkkila.yaml"
    example = (REPO / "examples" / "901-esimerkkila.yaml").read_text(encoding="utf-8")
    path.write_text(example.replace("id: jarjestoyhteistyo-10-1", "id: muu"), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"virhe {M.WORKBOOK_MISMATCH.code}: {path}:4: avain tyokirja.id: Vastaukset on tehty työkirjalle ”muu”, "
        "mutta käytössä on työkirja ”jarjestoyhteistyo-10-1”.",
        f"  vihje: {M.WORKBOOK_MISMATCH.hint}",
    ]


def test_a_language_without_texts_falls_back_to_finnish_with_the_same_codes(monkeypatch):
    """A language without its own entry for a name reads the Finnish one, with the same code."""
    own = messages._table
    monkeypatch.setattr(messages, "_table", lambda language: {} if language != "fi" else own(language))
    for language in ("sv", "en"):
        fallback = messages.Texts(language)
        assert fallback.FILE_NOT_FOUND == texts("fi").FILE_NOT_FOUND
        assert fallback.FILE_NOT_FOUND.code == CODES["FILE_NOT_FOUND"]
    with pytest.raises(ValueError):
        texts("de")


def test_use_changes_the_language_of_M_and_documents_can_ask_for_one():
    try:
        messages.use("en")
        assert messages.current() == "en" and M.FILE_NOT_FOUND.language == "en"
        assert M.UNKNOWN_ITEM.format(item="x").endswith("“x”.")  # English quotation marks
    finally:
        messages.use("fi")
    assert texts("sv").HISTORY_STATUS_DATE.language == "sv" and M.FILE_NOT_FOUND.language == "fi"


def test_every_entry_is_used_somewhere_in_the_package():
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if "messages" not in p.parts)
    unused = [name for name in CODES if not re.search(rf"(\.{name}\b|[\"']{name}[\"'])", source)]
    assert unused == []


def test_the_catalogue_is_read_when_a_message_is_made_not_at_import():
    """A module-level ``M.X`` would freeze the language chosen later with messages.use()."""
    frozen = []
    for path in PACKAGE.rglob("*.py"):
        if "messages" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]
        inside = {id(n) for f in functions for n in ast.walk(f)}
        defaults = {id(n) for f in functions for d in [*f.args.defaults, *f.args.kw_defaults] if d for n in ast.walk(d)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "M"
                    and (id(node) not in inside or id(node) in defaults)):
                frozen.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: M.{node.attr}")
    assert frozen == []


def test_no_finnish_text_outside_the_catalogue():
    """Fails before this change (commit 9d97463): 228 Finnish literals outside the allow-list, class M of
    errors.py and the inline texts of workbook.py, store/edit.py, the CLI commands and the interview."""
    found = sorted({(path, text[:40]) for path, _, text in finnish_literals()} - set(ALLOWED))
    assert found == [], "move these into messages/fi/ (or allow them with a reason): " + repr(found)


def test_the_allow_list_has_no_stale_entries():
    found = {(path, text[:40]) for path, _, text in finnish_literals()}
    assert set(ALLOWED) - found == set()


def test_readme_lists_every_code():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(README_BEGIN), readme.index(README_END)
    assert readme[start + len(README_BEGIN):end].strip() == code_table().strip(), (
        "README's code list is out of date: python tools/update_code_list.py --readme README.md")


def test_importing_the_catalogue_is_cheap():
    probe = "import sys, jarjestotyokirja.errors; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split())
    assert not loaded & {"yaml", "pydantic", "jinja2", "rich", "typer"}
