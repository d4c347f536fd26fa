"""The interview as pure logic: the questions in workbook order, where to start, what comes next,
going back and jumping, and applying an answer to the :class:`~jarjestotyokirja.answers.Answers`.

Nothing here reads keys, prints or touches files: ``session.py`` saves after every accepted answer and
``terminal.py`` asks. A question is answered when its value is not empty (levels: when given, lists:
when they have an entry). By default the walk shows only unanswered questions, except that every
question of the item the user jumped or went back to is shown; ``revisit_all`` shows everything.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from jarjestotyokirja.answers import HORIZONS, STATUSES, Answers, GoodPractice, Participant
from jarjestotyokirja.errors import InvalidContent, M, NotFound, UsageError
from jarjestotyokirja.store.edit import add_action, get_value, remove_action, set_value, update_action
from jarjestotyokirja.translations import tr
from jarjestotyokirja.workbook import Item, Workbook

# Question kinds
TEXT = "text"  # multi-line free text
LINE = "line"  # one line of text
DATE = "date"  # VVVV-KK-PP
LEVEL = "level"  # 1–5 or empty
CHOICE = "choice"  # one of a list (form fields only)
PARTICIPANTS = "participants"
PRACTICES = "practices"
ACTIONS = "actions"
LISTS = (PARTICIPANTS, PRACTICES, ACTIONS)

# Jump targets that are not items
ASSESSMENT, GOOD_PRACTICES, ACTIONS_STOP, CLOSING = "arviointi", "hyvat", "toimenpiteet", "lopuksi"
_ALIASES = {
    "arviointi": ASSESSMENT, "alku": ASSESSMENT, "osallistujat": ASSESSMENT,
    "hyvat": GOOD_PRACTICES, "hyvät": GOOD_PRACTICES, "hyvat_kaytannot": GOOD_PRACTICES,
    "hyvät käytännöt": GOOD_PRACTICES, "käytännöt": GOOD_PRACTICES,
    "toimenpiteet": ACTIONS_STOP, "toimenpide": ACTIONS_STOP,
    "lopuksi": CLOSING, "loppu": CLOSING, "yhteenveto": CLOSING,
}


@dataclass(frozen=True)
class Question:
    """One thing asked. ``key`` is the ``jtk set`` key (``4.nykytila``) or the list's name."""

    key: str
    kind: str
    stop: str  # the group it belongs to and the jump target that reaches it: "arviointi", "4", "lopuksi"
    label: str
    help: str = ""
    item: Item | None = None


@dataclass(frozen=True)
class FormField:
    """One field of a participant, good practice or action."""

    name: str
    label: str
    kind: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); "" for none


def build_questions(workbook: Workbook) -> tuple[Question, ...]:
    """Every question in the order the workbook reads: assessment, sections, ideas, the closing."""
    questions = [
        Question("arviointi.pvm", DATE, ASSESSMENT, tr("Arvioinnin päivämäärä"), tr("Muoto VVVV-KK-PP tai PP.KK.VVVV.")),
        Question("arviointi.konsultti", LINE, ASSESSMENT, tr("Haastattelija"), tr("Kuka tekee arvioinnin (konsultti).")),
        Question("arviointi.osallistujat", PARTICIPANTS, ASSESSMENT, tr("Osallistujat"),
                 tr("Haastatteluun osallistuvat: nimi, rooli ja organisaatio.")),
    ]
    for item in workbook.items:
        for fdef in item.fields:
            questions.append(Question(f"{item.key}.{fdef.id}", TEXT, item.key, fdef.label, fdef.help, item))
        if item.has_levels and workbook.levels:
            scale = workbook.levels
            questions.append(Question(f"{item.key}.taso", LEVEL, item.key, scale.current_label,
                                      tr("Millä tasolla kunta on nyt? Valinnainen."), item))
            questions.append(Question(f"{item.key}.tavoitetaso", LEVEL, item.key, scale.target_label,
                                      tr("Mille tasolle kunta pyrkii? Valinnainen."), item))
    closing = workbook.closing
    questions += [
        Question("hyvat_kaytannot", PRACTICES, GOOD_PRACTICES, workbook.good_practices.title,
                 workbook.good_practices.text),
        Question("lopuksi.yhteenveto", TEXT, CLOSING, closing.summary.label, closing.summary.help),
        Question("toimenpiteet", ACTIONS, ACTIONS_STOP, closing.actions.label, closing.actions.help),
        Question("lopuksi.seuranta", TEXT, CLOSING, closing.monitoring.label, closing.monitoring.help),
    ]
    return tuple(questions)


def is_answered(answers: Answers, workbook: Workbook, question: Question) -> bool:
    return bool(entries(answers, question.kind)) if question.kind in LISTS else bool(
        get_value(answers, workbook, question.key)
    )


def entries(answers: Answers, kind: str) -> list[Any]:
    """The list a list question edits."""
    if kind == PARTICIPANTS:
        return answers.arviointi.osallistujat
    if kind == PRACTICES:
        return answers.hyvat_kaytannot
    if kind == ACTIONS:
        return answers.toimenpiteet
    raise ValueError(kind)


def idea_choices(workbook: Workbook) -> tuple[tuple[str, str], ...]:
    return (("", tr("ei mihinkään ideaan")),) + tuple((i.number, i.title) for i in workbook.ideas)


def _labelled(labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(value, label) choices of one of jtk's own tables, the values as stored, the labels translated."""
    return tuple((value, tr(label)) for value, label in labels.items())


def form_fields(kind: str, workbook: Workbook) -> tuple[FormField, ...]:
    """The fields asked for one entry of a list; the first is required and creates the entry."""
    if kind == PARTICIPANTS:
        return (FormField("nimi", tr("Nimi"), LINE, True), FormField("rooli", tr("Rooli"), LINE),
                FormField("organisaatio", tr("Organisaatio"), LINE))
    if kind == PRACTICES:
        return (FormField("otsikko", tr("Käytäntö (otsikko)"), LINE, True), FormField("kuvaus", tr("Kuvaus"), TEXT),
                FormField("idea", tr("Liittyy ideaan"), CHOICE, choices=idea_choices(workbook)))
    if kind == ACTIONS:
        return (
            FormField("teksti", tr("Toimenpide"), TEXT, True),
            FormField("aikavali", tr("Aikaväli"), CHOICE, choices=_labelled(HORIZONS)),
            FormField("idea", tr("Liittyy ideaan"), CHOICE, choices=idea_choices(workbook)),
            FormField("vastuutaho", tr("Vastuutaho"), LINE),
            FormField("maaraaika", tr("Määräaika (PP.KK.VVVV tai VVVV-KK-PP)"), DATE),
            FormField("mittari", tr("Mittari"), LINE),
            FormField("tila", tr("Tila"), CHOICE, choices=_labelled(STATUSES)),
        )
    raise ValueError(kind)


def entry_value(answers: Answers, kind: str, number: int | None, name: str) -> str:
    """The stored value of field ``name`` of entry ``number`` (1-based); empty for a new entry."""
    if number is None:
        return ""
    value = getattr(entries(answers, kind)[number - 1], name)
    return "" if value is None else str(value)


def apply_entry_field(
    answers: Answers, workbook: Workbook, kind: str, number: int | None, name: str, value: str
) -> int:
    """Set one field of entry ``number``, or create the entry from its first field; its number."""
    if kind == ACTIONS:
        if number is None:
            return add_action(answers, workbook, **{name: value})
        update_action(answers, workbook, number, **{name: value})
        return number
    model = Participant if kind == PARTICIPANTS else GoodPractice
    target = entries(answers, kind)
    if name == "idea" and value and value not in {i.number for i in workbook.ideas}:
        raise InvalidContent(M.UNKNOWN_IDEA.format(idea=value), key=name)
    try:
        if number is None:
            target.append(model(**{name: value}))
            return len(target)
        if not 1 <= number <= len(target):
            raise NotFound(M.NO_SUCH_ENTRY.format(number=number, count=len(target)))
        setattr(target[number - 1], name, value)
    except ValidationError as exc:
        raise InvalidContent(M.INVALID_VALUE.format(detail=exc.errors()[0]["msg"]), key=name) from None
    return number


def remove_entry(answers: Answers, kind: str, number: int) -> None:
    if kind == ACTIONS:
        remove_action(answers, number)
        return
    target = entries(answers, kind)
    if not 1 <= number <= len(target):
        raise NotFound(M.NO_SUCH_ENTRY.format(number=number, count=len(target)))
    del target[number - 1]


def entry_draft_key(kind_key: str, number: int | None, name: str) -> str:
    """Draft key of a form field: ``toimenpiteet.2.vastuutaho`` or ``toimenpiteet.uusi.teksti``."""
    return f"{kind_key}.{number if number is not None else 'uusi'}.{name}"


@dataclass
class Interview:
    """Where the interview is and where it goes next. Holds the answers it changes."""

    workbook: Workbook
    answers: Answers
    revisit_all: bool = False
    drafts: dict[str, str] = field(default_factory=dict)
    today: str = ""

    def __post_init__(self) -> None:
        self.questions = build_questions(self.workbook)
        self.position: int | None = None
        self.history: list[int] = []
        self.focus: str | None = None

    # --- where we are --------------------------------------------------------------------------

    @property
    def current(self) -> Question | None:
        if self.position is None or self.position >= len(self.questions):
            return None
        return self.questions[self.position]

    @property
    def finished(self) -> bool:
        return self.position is not None and self.position >= len(self.questions)

    def _pending(self, index: int) -> bool:
        question = self.questions[index]
        return (
            self.revisit_all
            or question.stop == self.focus
            or question.key in self.drafts
            or not is_answered(self.answers, self.workbook, question)
        )

    def _move(self, index: int) -> Question | None:
        if self.position is not None and self.position < len(self.questions) and self.position != index:
            self.history.append(self.position)
        self.position = index
        return self.current

    def start(self, target: str | None = None) -> Question | None:
        """The first question: ``target`` if given, else (unless revisiting all) a saved draft's, else
        the first unanswered."""
        if target:
            return self.jump(target)
        if self.revisit_all:  # from the beginning; drafts are offered as their questions come
            return self._move(0)
        for index, question in enumerate(self.questions):
            if any(key == question.key or key.startswith(question.key + ".") for key in self.drafts):
                return self._move(index)
        return self._move(self._next_pending(0))

    def _next_pending(self, start: int) -> int:
        for index in range(start, len(self.questions)):
            if self._pending(index):
                return index
        return len(self.questions)

    def next(self) -> Question | None:
        """The next question to show after the current one; ``None`` at the end.

        A list that comes right after the current question is always shown: it may have entries
        already (an action added with Ctrl-T), but more can be added, and Ctrl-P must reach it."""
        start = 0 if self.position is None else self.position + 1
        follows_on = self.position is not None and start < len(self.questions) and self.questions[start].kind in LISTS
        index = start if follows_on else self._next_pending(start)
        if index < len(self.questions) and self.questions[index].stop != self.focus:
            self.focus = None
        return self._move(index)

    skip = next

    def back(self) -> Question | None:
        """The question shown before this one (or the one before it in order)."""
        if self.history:
            index = self.history.pop()
        elif self.position:
            index = min(self.position, len(self.questions)) - 1
        else:
            return self.current
        self.position = index
        self.focus = self.questions[index].stop
        return self.current

    def jump(self, target: str) -> Question | None:
        """The first question of an item or part (``4``, ``+1``, ``tilannekuva``, ``lopuksi``)."""
        stop = self.resolve(target)
        self.focus = stop
        return self._move(next(i for i, q in enumerate(self.questions) if q.stop == stop))

    def resolve(self, target: str) -> str:
        """The stop that ``target`` names; :class:`UsageError` with suggestions otherwise."""
        text = target.strip().casefold().removeprefix("idea").strip().rstrip(".")
        stops = {q.stop for q in self.questions}
        if text in stops:
            return text
        if text in _ALIASES:
            return _ALIASES[text]
        for question in self.questions:
            if question.item and question.item.title.casefold() == text:
                return question.stop
        close = self.suggest(target)
        hint = " " + M.DID_YOU_MEAN.format(suggestions=", ".join(close)) if close else ""
        raise UsageError(M.NO_SUCH_STOP.format(target=target, stops=", ".join(self.stops())) + hint)

    def suggest(self, target: str) -> list[str]:
        """Stops that a mistyped ``target`` may mean: close spellings, or the number typed in it."""
        text = target.strip().casefold().removeprefix("idea").strip().rstrip(".")
        stops = self.stops()
        close = difflib.get_close_matches(text, sorted(set(stops) | set(_ALIASES)), n=3, cutoff=0.6)
        number = "".join(ch for ch in text if ch.isdigit() or ch == "+")
        if number in stops and number not in close:
            close.insert(0, number)
        return close[:3]

    def stops(self) -> list[str]:
        return list(dict.fromkeys(q.stop for q in self.questions))

    # --- values ---------------------------------------------------------------------------------

    def saved(self, question: Question) -> str:
        return "" if question.kind in LISTS else get_value(self.answers, self.workbook, question.key)

    def prefill(self, question: Question) -> tuple[str, bool]:
        """The text to start editing from and whether it is an unsaved draft."""
        if question.key in self.drafts:
            return self.drafts[question.key], True
        return self.saved(question), False

    def suggestion(self, question: Question) -> str:
        """What Enter on an empty field gives (shown, not typed in: typing replaces it): today's date
        for an unanswered assessment date."""
        if question.key == "arviointi.pvm" and not self.saved(question):
            return self.today
        return ""

    def accept(self, question: Question, text: str) -> None:
        """Apply an answer (validated; :class:`InvalidContent` leaves the answers unchanged)."""
        set_value(self.answers, self.workbook, question.key, text)
        self.drafts.pop(question.key, None)

    def keep_draft(self, key: str, text: str, saved: str) -> bool:
        """Remember unaccepted ``text`` of ``key`` unless it is what is saved; whether it changed."""
        if not text.strip() or text.strip() == saved.strip():
            return self.drafts.pop(key, None) is not None
        changed = self.drafts.get(key) != text
        self.drafts[key] = text
        return changed

    def drop_draft(self, key: str) -> bool:
        return self.drafts.pop(key, None) is not None

    # --- progress -------------------------------------------------------------------------------

    def idea_position(self, question: Question) -> tuple[int, int] | None:
        """``(4, 11)`` for a question of idea 4 of 11; the same for sections among sections."""
        if question.item is None:
            return None
        same = [i for i in self.workbook.items if (i.idea is None) == (question.item.idea is None)]
        return same.index(question.item) + 1, len(same)
