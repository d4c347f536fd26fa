"""Monitoring across assessments: the semantic diff, git revisions, level history, and git merges.

Every git test runs the real ``git`` in a temporary repository with a fixed identity and dates.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from git_helpers import Repo
from git_helpers import set_values as _set
from jarjestotyokirja.answers import Action, GoodPractice, dump_answers
from jarjestotyokirja.errors import InvalidContent, M, NotFound
from jarjestotyokirja.store.answers_files import edit_answers, load_answers
from jarjestotyokirja.store.edit import add_action, set_value, update_action
from jarjestotyokirja.versions.changes import diff_answers, diff_revisions, word_diff
from jarjestotyokirja.versions.levels import level_history
from jarjestotyokirja.versions.monitoring import action_progress
from jarjestotyokirja.versions.revisions import read_revision

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")




# --- the word diff and the semantic diff (no git) ---------------------------------------------

@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Kunnalla on järjestöyhdyshenkilö.", "Kunnalla on kaksi järjestöyhdyshenkilöä."),
        ("", "Uusi teksti"),
        ("Vanha teksti", ""),
        ("rivi 1\nrivi 2", "rivi 1\nrivi 3\nrivi 4"),
        ("Täysin eri teksti tässä", "Jotain muuta kokonaan"),
    ],
)
def test_word_diff_rebuilds_both_texts(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert "".join(t for op, t in segments if op != "+") == old
    assert "".join(t for op, t in segments if op != "-") == new


def test_word_diff_marks_whole_words_and_joins_a_rewritten_phrase() -> None:
    segments = word_diff("Kunnalla on järjestöyhdyshenkilö.", "Kunnalla on kaksi järjestöyhdyshenkilöä.")
    assert segments == (
        ("=", "Kunnalla on "),
        ("-", "järjestöyhdyshenkilö"),
        ("+", "kaksi järjestöyhdyshenkilöä"),
        ("=", "."),
    )
    assert word_diff("a b c d", "a x y d") == (("=", "a "), ("-", "b c"), ("+", "x y"), ("=", " d"))


def test_diff_by_item_and_field(workbook, new_file) -> None:
    path = new_file("Tampere")
    old = load_answers(path, workbook)
    new = load_answers(path, workbook)
    set_value(old, workbook, "4.taso", "2")
    set_value(new, workbook, "4.taso", "4")
    set_value(new, workbook, "4.tavoitetaso", "5")
    set_value(old, workbook, "+1.nykytila", "Yhteistyö naapurikuntien kanssa on satunnaista.")
    set_value(new, workbook, "+1.nykytila", "Yhteistyö naapurikuntien kanssa on säännöllistä.")
    set_value(new, workbook, "lopuksi.yhteenveto", "Tavoitteena vakiintunut yhteistyö.")

    diff = diff_answers(old, new, workbook, "vanha", "uusi")

    assert [item.key for item in diff.items] == ["4", "+1"]
    levels = {c.key: (c.old, c.new, c.delta) for c in diff.items[0].levels}
    assert levels == {"4.taso": (2, 4, 2), "4.tavoitetaso": (None, 5, None)}
    text = diff.items[1].texts[0]
    assert (text.key, text.kind) == ("+1.nykytila", "muutettu")
    assert ("-", "satunnaista") in text.words and ("+", "säännöllistä") in text.words
    assert [(c.key, c.kind) for c in diff.closing] == [("lopuksi.yhteenveto", "lisätty")]
    assert diff_answers(new, new, workbook).empty


def test_actions_added_removed_and_status_changed(workbook, new_file) -> None:
    path = new_file("Tampere")
    old, new = load_answers(path, workbook), load_answers(path, workbook)
    old.toimenpiteet = [
        Action(teksti="Nimetään järjestöyhdyshenkilö", idea="5", maaraaika="2024-01-31"),
        Action(teksti="Laaditaan avustusperiaatteet", idea="6"),
        Action(teksti="Poistuva toimenpide"),
    ]
    new.toimenpiteet = [
        Action(teksti="Laaditaan avustusperiaatteet", idea="6"),  # moved only: no change
        Action(teksti="Nimetään järjestöyhdyshenkilöt", idea="5", maaraaika="2024-01-31", tila="valmis"),
        Action(teksti="Järjestöfoorumi kahdesti vuodessa", aikavali="keskipitkä", idea="+1"),
    ]
    diff = diff_answers(old, new, workbook)
    assert [(c.kind, c.title) for c in diff.actions] == [
        ("muutettu", "Nimetään järjestöyhdyshenkilöt"),
        ("lisätty", "Järjestöfoorumi kahdesti vuodessa"),
        ("poistettu", "Poistuva toimenpide"),
    ]
    changed = diff.actions[0]
    assert changed.changed("tila") == ("suunniteltu", "valmis")
    assert changed.changed("teksti") == ("Nimetään järjestöyhdyshenkilö", "Nimetään järjestöyhdyshenkilöt")
    assert diff.actions[1].changed("aikavali") == ("", "keskipitkä")

    old.hyvat_kaytannot = [GoodPractice(otsikko="Järjestöasiain neuvottelukunta")]
    new.hyvat_kaytannot = [GoodPractice(otsikko="Järjestöasiain neuvottelukunta", kuvaus="Kokoontuu 4 kertaa.")]
    practice = diff_answers(old, new, workbook).practices
    assert [(c.kind, c.changed("kuvaus")) for c in practice] == [("muutettu", ("", "Kokoontuu 4 kertaa."))]


def test_action_progress_done_and_late(workbook, new_file) -> None:
    answers = load_answers(new_file("Tampere"), workbook)
    for text, due, status in [
        ("Valmis ajallaan", "2024-01-31", "valmis"),
        ("Myöhässä", "2024-02-29", "käynnissä"),
        ("Pahasti myöhässä", "2023-12-01", "suunniteltu"),
        ("Ei määräaikaa", "", "suunniteltu"),
        ("Tänään erääntyy", "2024-03-01", "suunniteltu"),
    ]:
        add_action(answers, workbook, teksti=text, maaraaika=due, tila=status)
    state = action_progress(answers, "2024-03-01")
    assert [a.action.teksti for a in state.done] == ["Valmis ajallaan"]
    assert [(a.number, a.days_late) for a in state.late] == [(3, 91), (2, 1)]
    assert state.counts == {"suunniteltu": 3, "käynnissä": 1, "valmis": 1}
    assert state.percent_done == 20
    assert action_progress(answers, "2023-01-01").late == ()


# --- git revisions ------------------------------------------------------------------------------

def test_diff_between_two_commits(repo: Repo, tampere: Path, workbook) -> None:
    _set(tampere, workbook, **{"4__taso": "2", "4__nykytila": "Periaatteita ei ole kirjattu."})
    with edit_answers(tampere, workbook) as answers:
        add_action(answers, workbook, teksti="Kirjataan yhteistyön periaatteet", idea="4")
    first = repo.commit("Tampere 2023", "2023-05-02T12:00:00+03:00")
    _set(tampere, workbook, **{"4__taso": "3", "4__nykytila": "Periaatteet on kirjattu strategiaan."})
    with edit_answers(tampere, workbook) as answers:
        update_action(answers, workbook, 1, tila="valmis")
    repo.commit("Tampere 2024", "2024-05-06T12:00:00+03:00")
    _set(tampere, workbook, **{"4__tavoitetaso": "5"})  # not committed

    diff = diff_revisions(tampere, first[:10], "HEAD", workbook)
    assert diff.old_label == f"{tampere}@{first[:10]} (2023-05-02 {first[:7]})"
    assert diff.new_label.endswith("(2024-05-06 " + repo.git("rev-parse", "--short=7", "HEAD").stdout.strip() + ")")
    [item] = diff.items
    assert [(c.key, c.delta) for c in item.levels] == [("4.taso", 1)]
    assert item.texts[0].old == "Periaatteita ei ole kirjattu."
    assert [(c.kind, c.changed("tila")) for c in diff.actions] == [("muutettu", ("suunniteltu", "valmis"))]

    to_worktree = diff_revisions(tampere, "HEAD", None, workbook)
    assert [(c.key, c.old, c.new) for c in to_worktree.items[0].levels] == [("4.tavoitetaso", None, 5)]
    assert to_worktree.new_label.endswith("(työkopio)")


def test_revision_errors_are_clear(repo: Repo, tampere: Path, workbook, tmp_path: Path) -> None:
    with pytest.raises(NotFound) as unknown:
        read_revision(tampere, "v1999", workbook)
    assert unknown.value.problems[0].message == M.UNKNOWN_REVISION.format(rev="v1999")
    with pytest.raises(NotFound):
        read_revision(tampere, "--output=/tmp/x", workbook)  # never passed to git as an option
    (repo.root / "uusi.yaml").write_text(dump_answers(load_answers(tampere, workbook), workbook), encoding="utf-8")
    with pytest.raises(NotFound) as missing:
        read_revision(repo.root / "uusi.yaml", "HEAD", workbook)
    assert missing.value.problems[0].message == M.NOT_IN_REVISION.format(name="uusi.yaml", rev="HEAD")
    outside = tmp_path / "ei-gitissa"
    outside.mkdir()
    copy = outside / "837-tampere.yaml"
    shutil.copy(tampere, copy)
    with pytest.raises(NotFound) as no_repo:
        read_revision(copy, "HEAD", workbook)
    assert no_repo.value.problems[0].message == M.NOT_A_REPOSITORY
    assert no_repo.value.problems[0].path == str(copy)


def test_a_committed_conflict_is_reported_with_file_and_revision(repo: Repo, tampere: Path, workbook) -> None:
    text = tampere.read_text(encoding="utf-8").replace("  '4':\n", "<<<<<<< HEAD\n  '4':\n", 1)
    tampere.write_text(text, encoding="utf-8")
    repo.commit("rikki", "2023-06-01T12:00:00+03:00")
    with pytest.raises(InvalidContent) as broken:
        read_revision(tampere, "HEAD", workbook)
    assert broken.value.problems[0].path == f"{tampere}@HEAD"
    history = level_history(tampere, workbook)
    assert history.entries[-1].error and "<<<<<<<" in history.entries[-1].error
    assert not history.entries[0].error


def test_history_over_three_commits(repo: Repo, tampere: Path, workbook) -> None:
    _set(tampere, workbook, **{"1__taso": "2", "1__tavoitetaso": "4", "arviointi__pvm": "2023-05-10"})
    repo.commit("Arviointi 2023", "2023-05-10T12:00:00+03:00")
    _set(tampere, workbook, **{"1__taso": "3", "+1__taso": "1", "arviointi__pvm": "2024-05-14"})
    last = repo.commit("Arviointi 2024", "2024-05-14T12:00:00+03:00")

    history = level_history(tampere, workbook)

    assert [e.version.date for e in history.entries] == ["2023-05-01", "2023-05-10", "2024-05-14"]
    assert [e.version.subject for e in history.entries] == ["Tampere: pohja", "Arviointi 2023", "Arviointi 2024"]
    assert history.entries[-1].version.commit == last
    assert [e.assessed for e in history.entries] == ["", "2023-05-10", "2024-05-14"]
    assert [k for k, _ in history.ideas] == [i.number for i in workbook.ideas]
    assert history.series("1") == [("2023-05-01", None, None), ("2023-05-10", 2, 4), ("2024-05-14", 3, 4)]
    assert history.series("+1") == [("2023-05-01", None, None), ("2023-05-10", None, None), ("2024-05-14", 1, None)]


def test_history_follows_a_renamed_file(repo: Repo, tampere: Path, workbook) -> None:
    _set(tampere, workbook, **{"2__taso": "2"})
    repo.commit("taso", "2023-06-01T12:00:00+03:00")
    (repo.root / "2024").mkdir()
    repo.git("mv", "837-tampere.yaml", "2024/837-tampere.yaml")
    moved = repo.root / "2024" / "837-tampere.yaml"
    _set(moved, workbook, **{"2__taso": "3"})
    repo.commit("siirto", "2024-06-01T12:00:00+03:00")
    history = level_history(moved, workbook)
    assert [e.levels["2"][0] for e in history.entries] == [None, 2, 3]
    assert history.entries[0].version.path == "837-tampere.yaml"


def test_history_reads_a_merged_branch_as_its_merge_commit(repo: Repo, tampere: Path, workbook) -> None:
    repo.git("checkout", "-q", "-b", "konsultti-b")
    _set(tampere, workbook, **{"5__taso": "3"})
    repo.commit("B", "2023-05-03T12:00:00+03:00")
    repo.git("checkout", "-q", "main")
    _set(tampere, workbook, **{"2__taso": "4"})
    repo.commit("A", "2023-05-02T12:00:00+03:00")
    repo.git("merge", "--no-edit", "konsultti-b", date="2023-05-04T12:00:00+03:00")

    history = level_history(tampere, workbook)

    assert [e.version.subject for e in history.entries] == ["Tampere: pohja", "A", "Merge branch 'konsultti-b'"]
    assert (history.entries[-1].levels["2"], history.entries[-1].levels["5"]) == ((4, None), (3, None))


# --- merging two consultants' work --------------------------------------------------------------

@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        # neighbouring items: the last field of one and the first field of the next
        ({"4__tavoitetaso": "4", "4__seuranta": "Seurataan vuosittain."}, {"5__nykytila": "Resurssit\novat niukat."}),
        ({"10__tavoitetaso": "3"}, {"+1__nykytila": "Seutuyhteistyö alkaa.", "+1__taso": "2"}),
        ({"tilannekuva__seuranta": "Kysely joka toinen vuosi."}, {"toimintaedellytykset__nykytila": "Tilat puuttuvat."}),
        ({"toimintaedellytykset__seuranta": "Tilakysely."}, {"1__nykytila": "Avustukset\n\nja tilat.", "1__taso": "2"}),
    ],
)
def test_two_branches_editing_different_items_merge_without_conflicts(
    repo: Repo, tampere: Path, workbook, ours: dict[str, str], theirs: dict[str, str]
) -> None:
    repo.git("checkout", "-q", "-b", "konsultti-b")
    _set(tampere, workbook, **theirs)
    repo.commit("B", "2023-05-03T12:00:00+03:00")
    repo.git("checkout", "-q", "main")
    _set(tampere, workbook, **ours)
    repo.commit("A", "2023-05-02T12:00:00+03:00")

    merged = repo.git("merge", "--no-edit", "konsultti-b", date="2023-05-04T12:00:00+03:00", check=False)

    assert merged.returncode == 0, merged.stdout + merged.stderr
    answers = load_answers(tampere, workbook)
    from jarjestotyokirja.store.edit import get_value

    for key, value in {**ours, **theirs}.items():
        assert get_value(answers, workbook, key.replace("__", ".")) == value
    # the merged file is exactly what jtk itself would write
    assert tampere.read_text(encoding="utf-8") == dump_answers(answers, workbook)


# --- the commands -------------------------------------------------------------------------------

def test_diff_and_history_commands(cli, repo: Repo, tampere: Path, workbook, tmp_path: Path) -> None:
    _set(tampere, workbook, **{"4__taso": "2", "4__nykytila": "Kunnalla on järjestöyhdyshenkilö."})
    repo.commit("2023", "2023-05-10T12:00:00+03:00")
    _set(tampere, workbook, **{"4__taso": "3", "4__nykytila": "Kunnalla on kaksi järjestöyhdyshenkilöä."})
    with edit_answers(tampere, workbook) as answers:
        add_action(answers, workbook, teksti="Järjestöfoorumi [bold]kahdesti[/bold]", tila="käynnissä")
    repo.commit("2024", "2024-05-14T12:00:00+03:00")

    result = cli("diff", tampere, "--from", "HEAD~1", "--to", "HEAD")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Idea 4: Yhteistyön tavoitteet ja periaatteet" in out
    assert "Nykytaso: 2 (Tunnistettu) → 3 (Osittain toteutunut) (+1)" in out
    assert "Kunnalla on [-järjestöyhdyshenkilö-]{+kaksi järjestöyhdyshenkilöä+}." in out
    assert "+ lisätty: Järjestöfoorumi [bold]kahdesti[/bold]" in out  # rich markup shown as typed
    assert "tila: Käynnissä" in out

    assert "Ei muutoksia." in cli("diff", tampere).stdout  # the work tree against HEAD
    copy = tmp_path / "kopio.yaml"
    shutil.copy(tampere, copy)
    assert "Ei muutoksia." in cli("diff", tampere, copy).stdout
    assert cli("diff", tampere, copy, "--from", "HEAD").exit_code == 2
    unknown = cli("diff", tampere, "--from", "v1999")
    assert unknown.exit_code == 1 and M.UNKNOWN_REVISION.format(rev="v1999") in unknown.stderr
    outside = cli("history", copy)
    assert outside.exit_code == 1 and M.NOT_A_REPOSITORY in outside.stderr

    history = cli("history", tampere)
    assert history.exit_code == 0, history.stderr
    rows = [line.split() for line in history.stdout.splitlines() if line.strip().startswith("20")]
    assert [(r[0], r[5]) for r in rows] == [("2023-05-01", "–/–"), ("2023-05-10", "2/–"), ("2024-05-14", "3/–")]
    assert all(len(line) <= 80 for line in history.stdout.splitlines())


# --- the monitoring document --------------------------------------------------------------------

def test_chart_lines_break_where_a_level_is_missing(workbook) -> None:
    from jarjestotyokirja.versions.document import _line, _y

    chart = _line([2, None, 3, 4])
    assert [(s["y1"], s["y2"]) for s in chart["viivat"]] == [(_y(3), _y(4))]  # no line through the gap
    assert [p["y"] for p in chart["pisteet"]] == [_y(2), _y(3), _y(4)]
    assert _y(5) < _y(1)  # higher levels are drawn higher up


def test_monitoring_document(cli, repo: Repo, tampere: Path, workbook) -> None:
    import pypdf

    _set(tampere, workbook, **{"4__taso": "2", "4__tavoitetaso": "4", "arviointi__pvm": "2023-05-10"})
    with edit_answers(tampere, workbook) as answers:
        add_action(answers, workbook, teksti="Valmis <b>toimenpide</b>", maaraaika="2023-12-31", tila="valmis")
        add_action(answers, workbook, teksti="Myöhässä #oleva *toimenpide*", maaraaika="2024-01-31")
        add_action(answers, workbook, teksti="Ajallaan", maaraaika="2024-12-31", tila="käynnissä")
    repo.commit("Arviointi 2023 <script>", "2023-05-10T12:00:00+03:00")
    _set(tampere, workbook, **{"4__taso": "3", "arviointi__pvm": "2024-05-14"})
    repo.commit("Arviointi 2024", "2024-05-14T12:00:00+03:00")
    out = repo.root / "raportit"

    result = cli("history", tampere, "-f", "md,html,pdf", "-o", out)

    assert result.exit_code == 0, result.stderr
    md = (out / "837-tampere-seuranta.md").read_text(encoding="utf-8")
    assert f"Toimenpiteiden tilanne 14.5.2024 ({M.HISTORY_BASIS_COMMIT})." in md  # the newest commit, not the clock
    assert M.HISTORY_STATUS_DATE.format(date="14.5.2024", basis=M.HISTORY_BASIS_COMMIT) in result.stderr
    assert "| 2 | Myöhässä #oleva \\*toimenpide\\* | – | 31.1.2024 | 104 pv | Suunniteltu |" in md
    assert "- Toimenpide 1: Valmis \\<b>toimenpide\\</b> (määräaika 31.12.2023)" in md
    assert "| 4. Yhteistyön tavoitteet ja periaatteet | 2 | 3 | +1 |" in md
    html = (out / "837-tampere-seuranta.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "Arviointi 2023 &lt;script&gt;" in html
    assert html.count("<svg") == len(workbook.ideas) and 'class="current"' in html
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(out / "837-tampere-seuranta.pdf").pages)
    assert "Myöhässä #oleva *toimenpide*" in text and "104 pv" in text

    again = cli("history", tampere, "-f", "md,pdf", "-o", repo.root / "toinen", "--tilanne", "2024-02-01")
    assert again.exit_code == 0
    assert "| 1 pv |" in (repo.root / "toinen" / "837-tampere-seuranta.md").read_text(encoding="utf-8")
    first_pdf = (out / "837-tampere-seuranta.pdf").read_bytes()
    cli("history", tampere, "-f", "pdf", "-o", out)
    assert (out / "837-tampere-seuranta.pdf").read_bytes() == first_pdf  # byte-identical
    bad = cli("history", tampere, "-f", "md", "--tilanne", "31.2.2024")
    problem = M.DATE_DAY.format(text="31.2.2024", month="helmikuussa", day=31)
    assert bad.exit_code == 2 and M.OPTION_DATE.format(option="--tilanne", problem=problem) in bad.stderr


def test_a_year_later_lateness_is_judged_on_the_newest_commit(cli, repo: Repo, tampere: Path, workbook) -> None:
    """Fails before issue 11: the assessment date was the default, so a year on nothing was ever late."""
    _set(tampere, workbook, **{"4__taso": "2", "arviointi__pvm": "2024-05-14"})
    with edit_answers(tampere, workbook) as answers:
        add_action(answers, workbook, teksti="Järjestöfoorumi", maaraaika="2024-12-31", tila="käynnissä")
    repo.commit("Arviointi 2024", "2024-05-14T12:00:00+03:00")
    _set(tampere, workbook, **{"4__nykytila": "Foorumi siirtyi."})
    repo.commit("Seuranta 2025", "2025-06-02T12:00:00+03:00")
    result = cli("history", tampere, "-f", "md", "-o", repo.root / "out")
    assert result.exit_code == 0, result.stderr
    assert M.HISTORY_STATUS_DATE.format(date="2.6.2025", basis=M.HISTORY_BASIS_COMMIT) in result.stderr
    md = (repo.root / "out" / "837-tampere-seuranta.md").read_text(encoding="utf-8")
    assert "| 1 | Järjestöfoorumi | – | 31.12.2024 | 153 pv | Käynnissä |" in md
    chosen = cli("history", tampere, "-f", "md", "-o", repo.root / "out", "--tilanne", "2024-06-01")
    assert M.HISTORY_STATUS_DATE.format(date="1.6.2024", basis=M.HISTORY_BASIS_CHOSEN) in chosen.stderr
