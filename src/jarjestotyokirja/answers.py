"""One municipality's answers: the pydantic models of the answers file, loading and saving.

The file is written for git: keys in workbook order, every item and field present (so two people
editing different ideas touch lines far apart and merge cleanly), multi-line text as literal blocks,
codes and dates as strings. Loading an unchanged file and saving it gives the same bytes.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from jarjestotyokirja.dates import date_problem, parse_date
from jarjestotyokirja.errors import Conflict, InvalidContent, JtkError, M, Problem
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.register import Municipality, find_municipality
from jarjestotyokirja.storage import atomic_write, locked
from jarjestotyokirja.validation import Editable, parse_document
from jarjestotyokirja.workbook import Workbook
from jarjestotyokirja.yamlio import MAX_BYTES, Document, dotted, dump_yaml, read_yaml

HORIZONS = {"lyhyt": "Lyhyt aikaväli", "keskipitkä": "Keskipitkä aikaväli", "pitkä": "Pitkä aikaväli"}
STATUSES = {"suunniteltu": "Suunniteltu", "käynnissä": "Käynnissä", "valmis": "Valmis"}
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


def normalize_text(text: str) -> str:
    """CRLF and other line breaks → LF, NFC, control characters removed, trailing blanks trimmed.

    Applied to every text on the way in, so what is stored round-trips exactly.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNWANTED.sub("", unicodedata.normalize("NFC", text))
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


def typed_date(text: str) -> str | None:
    """A date as a person types it, ``2027-12-31`` or the Finnish ``31.12.2027``, as ``VVVV-KK-PP``;
    ``""`` for an empty text; None for anything that is not a real date (:func:`parse_date` says why)."""
    if not text.strip():
        return ""
    return None if date_problem(text) else parse_date(text)


def _code(value: str) -> str:
    if not re.fullmatch(r"[0-9]{3}", value):  # ASCII digits only: \d takes ٠٩١ and ０９１ too
        raise ValueError(M.CODE.format(value=value))
    return value


Text = Annotated[str, AfterValidator(normalize_text)]
Level = Annotated[
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
    taso: Level = None
    tavoitetaso: Level = None


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


class Closing(Editable):
    yhteenveto: Text = ""
    seuranta: Text = ""


class Answers(Editable):
    tyokirja: WorkbookRef
    kunta: MunicipalityInfo
    arviointi: Assessment = Field(default_factory=Assessment)
    vastaukset: dict[str, ItemAnswer] = {}
    toimenpiteet: list[Action] = []
    hyvat_kaytannot: list[GoodPractice] = []
    lopuksi: Closing = Field(default_factory=Closing)

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


def load_answers(path: str | Path, workbook: Workbook) -> Answers:
    """Load, validate and check an answers file against ``workbook``; every problem is listed."""
    return parse_answers(read_yaml(path), workbook)


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


def save_answers(path: str | Path, answers: Answers, workbook: Workbook) -> None:
    """Write atomically, keeping the comment lines at the top of an existing file.

    Refused before anything is written when the file would be larger than loading accepts
    (:data:`~jarjestotyokirja.yamlio.MAX_BYTES`); the message names the longest answer.
    """
    payload = dump_answers(answers, workbook, header=_existing_header(Path(path))).encode("utf-8")
    if len(payload) > MAX_BYTES:
        key, length = _longest_answer(answers_to_data(answers, workbook))
        raise InvalidContent(
            M.ANSWER_TOO_LARGE.format(size=len(payload), limit=MAX_BYTES, key=key, length=length),
            path=str(path), key=key,
        )
    atomic_write(path, payload)


def _longest_answer(data: Any, loc: tuple[str, ...] = ()) -> tuple[str, int]:
    """The key (as ``jtk set`` names it: ``4.nykytila``, ``toimenpiteet.2.teksti``) and length of the
    longest text in ``data``."""
    if isinstance(data, str):
        key = ".".join(loc[1:] if loc[:1] == ("vastaukset",) else loc)
        return key, len(data)
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    longest = ("", -1)
    for name, value in children:
        found = _longest_answer(value, (*loc, str(name + 1) if isinstance(name, int) else name))
        if found[1] > longest[1]:
            longest = found
    return longest


def _existing_header(path: Path) -> str:
    """The comment lines at the top of ``path``, with LF line ends; a BOM (Windows Notepad) is read
    past and not written back."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            lines = []
            for line in handle:
                if not line.startswith("#"):
                    break
                lines.append(line.rstrip("\r\n") + "\n")
    except (OSError, UnicodeDecodeError):
        return HEADER
    return "".join(lines)


# --- answers files ------------------------------------------------------------------------------

def create_answers_file(
    query: str, workbook: Workbook, path: str | Path | None = None, *, wait: float = 0,
    holder: str = "jtk init", **assessment: Any
) -> tuple[Path, Municipality]:
    """Create the answers file of the municipality ``query`` (name or code), and its folder if
    missing; never overwrite. ``wait`` and ``holder`` as in :func:`~jarjestotyokirja.storage.locked`."""
    municipality = find_municipality(query)
    target = Path(path) if path else Path(municipality.file_name)
    answers = new_answers(workbook, municipality, **{k: v for k, v in assessment.items() if v})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(target)) from None
    with locked(target, wait=wait, holder=holder):
        if target.exists():
            raise Conflict(M.EXISTS.format(path=target), path=str(target))
        save_answers(target, answers, workbook)
    return target, municipality


@contextlib.contextmanager
def edit_answers(path: str | Path, workbook: Workbook, *, wait: float = 0, holder: str = "jtk") -> Iterator[Answers]:
    """Lock, load, let the caller change, save atomically. Nothing is saved if the body raises.

    A lock held by another process is waited for up to ``wait`` seconds; ``holder`` names this
    process to the ones it refuses (:func:`~jarjestotyokirja.storage.locked`)."""
    with locked(path, wait=wait, holder=holder):
        answers = load_answers(path, workbook)
        yield answers
        save_answers(path, answers, workbook)


def load_many(paths: list[Path], workbook: Workbook) -> tuple[list[tuple[Path, Answers]], list[JtkError]]:
    """Load every file; the ones that fail are returned as errors, not raised."""
    loaded, failed = [], []
    for path in paths:
        try:
            loaded.append((path, load_answers(path, workbook)))
        except JtkError as exc:
            failed.append(exc.with_path(str(path)))
    return loaded, failed


def answers_json_schema(workbook: Workbook) -> str:
    """JSON Schema of the answers file for editors (yaml-language-server): item keys and field
    descriptions come from ``workbook``."""
    import json

    schema = Answers.model_json_schema()
    schema["title"] = f"jtk: vastaukset työkirjaan {workbook.title}"
    schema["properties"]["vastaukset"]["propertyNames"] = {"enum": [item.key for item in workbook.items]}
    fields = schema["$defs"]["ItemAnswer"]["properties"]
    for field in workbook.fields:
        fields[field.id].update(title=field.label, description=field.help)
    if workbook.levels:
        fields["taso"]["title"] = workbook.levels.current_label
        fields["tavoitetaso"]["title"] = workbook.levels.target_label
        scale = ", ".join(f"{level.value} {level.label}" for level in workbook.levels.scale)
        fields["taso"]["description"] = fields["tavoitetaso"]["description"] = scale
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
