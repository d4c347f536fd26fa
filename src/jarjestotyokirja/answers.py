"""One municipality's answers: the pydantic models of the answers file, and its content as data.

The file is written for git: keys in workbook order, every item and field present (so two people
editing different ideas touch lines far apart and merge cleanly), multi-line text as literal blocks,
codes and dates as strings. Loading an unchanged file and saving it gives the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from jarjestotyokirja.dates import date_problem, parse_date
from jarjestotyokirja.errors import InvalidContent, M, Problem
from jarjestotyokirja.messages import Labels
from jarjestotyokirja.register import Municipality
from jarjestotyokirja.validation import Editable, parse_document
from jarjestotyokirja.workbook import Workbook
from jarjestotyokirja.yamlio.dumper import dump_yaml
from jarjestotyokirja.yamlio.loader import Document, dotted

# The stored values (data, Finnish in every language) and the catalogue names of their labels.
HORIZONS = Labels({"lyhyt": "HORIZON_SHORT", "keskipitkä": "HORIZON_MEDIUM", "pitkä": "HORIZON_LONG"})
STATUSES = Labels({"suunniteltu": "STATUS_PLANNED", "käynnissä": "STATUS_ONGOING", "valmis": "STATUS_DONE"})
LEVEL_FIELDS = ("taso", "tavoitetaso")
HEADER = (
    "# jtk: järjestöyhteistyön työkirjan vastaukset (Kuntaliiton 10 + 1 ideaa).\n"
    "# Muokkaa komennoilla jtk interview ja jtk set tai käsin; tarkista: jtk validate.\n"
)

# Characters YAML cannot carry or that are invisible noise: C0/C1 controls except tab and newline,
# DEL, lone surrogates and the non-characters U+FFFE/U+FFFF.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


# A character normalize_text would change; with a blank ending a line, that is all it changes but
# the outer newlines. A text without them (and already NFC), as nearly every stored text is, is only
# stripped. One character class, not an alternation with "[ \t]$": the regex engine scans a class
# fast, but tries an alternation at every position (most of the time of loading an answers file).
_NEEDS_NORMALIZING = re.compile("[\r\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _is_normal(text: str) -> bool:
    return (not _NEEDS_NORMALIZING.search(text) and " \n" not in text and "\t\n" not in text
            and not text.endswith((" ", "\t")) and unicodedata.is_normalized("NFC", text))


def normalize_text(text: str) -> str:
    """CRLF and other line breaks → LF, NFC, control characters removed, trailing blanks trimmed.

    Applied to every text on the way in, so what is stored round-trips exactly.
    """
    if _is_normal(text):
        return text.strip("\n")
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", _UNWANTED.sub("", text))  # removed first: NFC may join what they parted
    return _TRAILING_SPACE.sub("", text).strip("\n")


def _level(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return value
    if isinstance(value, str) and re.fullmatch("[1-5]", value):
        return int(value)
    raise ValueError(M.LEVEL.format(value=value))


def _date(value: str) -> str:
    """A stored date: empty, or a real date written VVVV-KK-PP (what :func:`parse_date` returns)."""
    if not value:
        return value
    problem = date_problem(value)
    if problem:
        raise ValueError(problem)
    if parse_date(value) != value:
        raise ValueError(M.DATE.format(value=value))
    return value


def _code(value: str) -> str:
    if not re.fullmatch(r"[0-9]{3}", value):  # ASCII digits only: \d takes ٠٩١ and ０９１ too
        raise ValueError(M.CODE.format(value=value))
    return value


Text = Annotated[str, AfterValidator(normalize_text)]
LevelValue = Annotated[
    int | None,
    BeforeValidator(_level),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 5},
                              {"type": "string", "pattern": "^[1-5]?$"}, {"type": "null"}]}),
]
DateText = Annotated[str, AfterValidator(_date), WithJsonSchema({"type": "string", "pattern": r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"})]
Horizon = Literal["lyhyt", "keskipitkä", "pitkä"]
Status = Literal["suunniteltu", "käynnissä", "valmis"]


class WorkbookRef(Editable):
    id: str
    versio: str


class MunicipalityInfo(Editable):
    koodi: Annotated[str, AfterValidator(_code), WithJsonSchema({"type": "string", "pattern": r"^[0-9]{3}$"})]
    nimi: Text
    maakunta: Text = ""
    hyvinvointialue: Text = ""


class Participant(Editable):
    nimi: Text
    rooli: Text = ""
    organisaatio: Text = ""


class Assessment(Editable):
    pvm: DateText = ""
    konsultti: Text = ""
    osallistujat: list[Participant] = []


class ItemAnswer(Editable):
    """The answers to one section or idea. Levels are only given for ideas."""

    nykytila: Text = ""
    tavoitetila: Text = ""
    seuranta: Text = ""
    taso: LevelValue = None
    tavoitetaso: LevelValue = None


class Action(Editable):
    teksti: Text
    aikavali: Horizon = "lyhyt"
    idea: str = ""
    vastuutaho: Text = ""
    maaraaika: DateText = ""
    mittari: Text = ""
    tila: Status = "suunniteltu"


class GoodPractice(Editable):
    otsikko: Text
    kuvaus: Text = ""
    idea: str = ""


class ClosingAnswers(Editable):
    yhteenveto: Text = ""
    seuranta: Text = ""


class Answers(Editable):
    tyokirja: WorkbookRef
    kunta: MunicipalityInfo
    arviointi: Assessment = Field(default_factory=Assessment)
    vastaukset: dict[str, ItemAnswer] = {}
    toimenpiteet: list[Action] = []
    hyvat_kaytannot: list[GoodPractice] = []
    lopuksi: ClosingAnswers = Field(default_factory=ClosingAnswers)

    def answer(self, key: str) -> ItemAnswer:
        """The answer to item ``key``, created empty when missing."""
        if key not in self.vastaukset:
            self.vastaukset[key] = ItemAnswer()
        return self.vastaukset[key]


def new_answers(workbook: Workbook, municipality: Municipality, **assessment: Any) -> Answers:
    """A fresh answers file for ``municipality``: every item present and empty."""
    answers = Answers(
        tyokirja=WorkbookRef(id=workbook.id, versio=workbook.version),
        kunta=MunicipalityInfo(
            koodi=municipality.code,
            nimi=municipality.name,
            maakunta=municipality.region,
            hyvinvointialue=municipality.county,
        ),
        arviointi=Assessment(**assessment),
    )
    for item in workbook.items:
        answers.answer(item.key)
    return answers



def parse_answers(doc: Document, workbook: Workbook) -> Answers:
    """Validate loaded data (a file, a git revision) as answers to ``workbook``."""
    answers = parse_document(Answers, doc)
    problems = check_answers(answers, workbook, doc)
    if problems:
        raise InvalidContent(problems=problems)
    for item in workbook.items:
        answers.answer(item.key)
    return answers


def check_answers(answers: Answers, workbook: Workbook, doc: Document | None = None) -> list[Problem]:
    """What the schema cannot know: items, fields, levels and idea references of this workbook."""
    doc = doc or Document(data=None)
    problems: list[Problem] = []

    def problem(message: str, *loc: str | int) -> None:
        problems.append(Problem(message, doc.path, doc.line_of(loc), dotted(loc)))

    if answers.tyokirja.id != workbook.id:
        problem(M.WORKBOOK_MISMATCH.format(found=answers.tyokirja.id, expected=workbook.id), "tyokirja", "id")
    for key, answer in answers.vastaukset.items():
        if not workbook.has_item(key):
            problem(M.UNKNOWN_ITEM.format(item=key), "vastaukset", key)
            continue
        item = workbook.item(key)
        asked = {f.id for f in item.fields}
        for field in ("nykytila", "tavoitetila", "seuranta"):
            if field not in asked and getattr(answer, field):
                problem(M.UNKNOWN_FIELD.format(item=key, field=field), "vastaukset", key, field)
        for field in LEVEL_FIELDS:
            if not item.has_levels and getattr(answer, field) is not None:
                problem(M.NO_LEVELS.format(item=key), "vastaukset", key, field)
    ideas = {idea.number for idea in workbook.ideas}
    for index, action in enumerate(answers.toimenpiteet):
        if action.idea and action.idea not in ideas:
            problem(M.UNKNOWN_IDEA.format(idea=action.idea), "toimenpiteet", index, "idea")
    for index, practice in enumerate(answers.hyvat_kaytannot):
        if practice.idea and practice.idea not in ideas:
            problem(M.UNKNOWN_IDEA.format(idea=practice.idea), "hyvat_kaytannot", index, "idea")
    return problems


def answers_to_data(answers: Answers, workbook: Workbook) -> dict[str, Any]:
    """The file's content as plain data in workbook order, every item and field present."""
    data = answers.model_dump(mode="python", exclude={"vastaukset"})
    vastaukset: dict[str, Any] = {}
    for item in workbook.items:
        answer = answers.vastaukset.get(item.key) or ItemAnswer()
        entry = {f.id: getattr(answer, f.id) for f in item.fields}
        if item.has_levels:
            entry.update({f: getattr(answer, f) for f in LEVEL_FIELDS})
        vastaukset[item.key] = entry
    return {
        "tyokirja": data["tyokirja"],
        "kunta": data["kunta"],
        "arviointi": data["arviointi"],
        "vastaukset": vastaukset,
        "toimenpiteet": data["toimenpiteet"],
        "hyvat_kaytannot": data["hyvat_kaytannot"],
        "lopuksi": data["lopuksi"],
    }


def dump_answers(answers: Answers, workbook: Workbook, header: str = HEADER) -> str:
    return dump_yaml(answers_to_data(answers, workbook), header=header)
