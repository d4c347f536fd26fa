"""The regional comparison (the +1 idea): roll-up over a whole county's generated files, and the document."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from jarjestotyokirja.answers import Action, GoodPractice, new_answers
from jarjestotyokirja.conventions import finnish_sort_key
from jarjestotyokirja.errors import M, UsageError
from jarjestotyokirja.region.comparison import NO_COUNTY, compare
from jarjestotyokirja.region.document import comparison_context, write_comparison
from jarjestotyokirja.register import find_municipality, load_register
from jarjestotyokirja.store.answers_files import load_answers, save_answers

COUNTY = "Pirkanmaan hyvinvointialue"
HOSTILE = "<script>alert(1)</script> *lihava* #sys.exit() [linkki](http://x) | putki $x$"


def generate(folder: Path, workbook, municipalities, seed: int = 5) -> list[Path]:
    """One answers file per municipality: levels for most ideas (some left out), texts, actions, practices."""
    rnd = random.Random(seed)
    paths = []
    for m in municipalities:
        answers = new_answers(workbook, m, pvm=f"2024-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}")
        for item in workbook.items:
            answer = answers.answer(item.key)
            answer.nykytila = f"{m.name}: nykytila kohdassa {item.key}."
            if rnd.random() < 0.7:
                answer.tavoitetila = f"{m.name} tavoittelee kohdassa {item.key} parempaa.\nToinen rivi."
            if item.has_levels and rnd.random() < 0.8:
                answer.taso = rnd.randint(1, 4)
                answer.tavoitetaso = rnd.randint(answer.taso, 5)
        for n in range(rnd.randint(0, 4)):
            answers.toimenpiteet.append(
                Action(teksti=f"Toimenpide {n + 1}", aikavali=rnd.choice(["lyhyt", "keskipitkä", "pitkä"]),
                       tila=rnd.choice(["suunniteltu", "käynnissä", "valmis"]))
            )
        if rnd.random() < 0.3:
            answers.hyvat_kaytannot.append(GoodPractice(otsikko=f"{m.name}n järjestöfoorumi", idea="7"))
        path = folder / m.file_name
        save_answers(path, answers, workbook)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def county_files(tmp_path_factory, workbook) -> list[Path]:
    members = [m for m in load_register() if m.county == COUNTY]
    return generate(tmp_path_factory.mktemp("pirkanmaa"), workbook, members)


def loaded(paths, workbook):
    return [(p, load_answers(p, workbook)) for p in paths]


def test_whole_county_roll_up(county_files, workbook) -> None:
    comparison = compare(loaded(county_files, workbook), workbook)
    [group] = comparison.groups
    assert group.name == COUNTY
    assert len(group.members) == len(county_files) == 23
    names = [m.name for m in group.members]
    assert names == sorted(names, key=finnish_sort_key)
    assert names.index("Punkalaidun") < names.index("Pälkäne")  # ä after z, as in Finnish
    assert [idea.key for idea in group.ideas] == [i.number for i in workbook.ideas]

    for idea in group.ideas:  # means over the municipalities that gave a level, never counting a gap as 0
        given = [m.levels[idea.key][0] for m in group.members if m.levels[idea.key][0] is not None]
        assert idea.answered == len(given) and idea.unanswered == 23 - len(given)
        assert idea.mean_current == pytest.approx(sum(given) / len(given))
        assert sum(idea.distribution()) == len(given)
    assert any(idea.unanswered for idea in group.ideas)

    ranked = group.ranked()
    weakest, strongest = group.weakest(), group.strongest()
    assert len(weakest) >= 3 and len(strongest) >= 3 and not set(weakest) & set(strongest)
    assert max(i.shown_mean for i in weakest) < min(i.shown_mean for i in strongest)
    assert weakest == ranked[: len(weakest)] and strongest[0].shown_mean == ranked[-1].shown_mean
    # A tier (ideas at the same shown mean) is named whole or not at all.
    named = {i.key for i in weakest}
    assert all({i.key for i in tier} <= named or not {i.key for i in tier} & named for tier in group.tiers())

    actions = group.actions_by_horizon()
    assert sum(actions.values()) == sum(len(m.answers.toimenpiteet) for m in group.members)
    assert [p.otsikko for _, p in group.good_practices()] == [
        p.otsikko for m in group.members for p in m.answers.hyvat_kaytannot
    ]


def test_unanswered_is_shown_as_unanswered_not_zero(tmp_path, workbook) -> None:
    a, b = find_municipality("Tampere"), find_municipality("Nokia")
    [pa, pb] = generate(tmp_path, workbook, [a, b])
    with_level = load_answers(pa, workbook)
    with_level.answer("3").taso, with_level.answer("3").tavoitetaso = 4, 5
    without = load_answers(pb, workbook)
    without.answer("3").taso = without.answer("3").tavoitetaso = None
    without.answer("3").tavoitetila = ""
    comparison = compare([(pa, with_level), (pb, without)], workbook)
    idea = next(i for i in comparison.groups[0].ideas if i.key == "3")
    assert (idea.mean_current, idea.answered, idea.unanswered) == (4.0, 1, 1)

    context = comparison_context(comparison, workbook)
    nokia = next(k for k in context["ryhmat"][0]["kunnat"] if k["nimi"] == "Nokia")
    assert nokia["tasot"][2] == {"numero": "3", "taso": 0, "tavoitetaso": 0}
    [md] = write_comparison(comparison, workbook, tmp_path / "out", ["md"])
    text = md.read_text(encoding="utf-8")
    nokia_row = next(line for line in text.splitlines() if line.startswith("| Nokia |"))
    assert nokia_row.split("|")[5].strip() == "–"  # idea 3's column
    assert "0 → 0" not in text and "| 0 |" not in nokia_row
    assert "| Nokia | – | *(vastaamatta)* |" in text


def test_grouping_by_county_and_region_uses_the_register(tmp_path, workbook) -> None:
    chosen = [find_municipality(n) for n in ("Tampere", "Jyväskylä", "Nokia", "Maarianhamina", "Äänekoski")]
    paths = generate(tmp_path, workbook, chosen)
    by_county = compare(loaded(paths, workbook), workbook, "hyvinvointialue")
    assert [(g.name, [m.name for m in g.members]) for g in by_county.groups] == [
        (NO_COUNTY, ["Maarianhamina"]),
        ("Keski-Suomen hyvinvointialue", ["Jyväskylä", "Äänekoski"]),
        (COUNTY, ["Nokia", "Tampere"]),
    ]
    by_region = compare(loaded(paths, workbook), workbook, "maakunta")
    assert [g.name for g in by_region.groups] == ["Ahvenanmaa", "Keski-Suomi", "Pirkanmaa"]
    context = comparison_context(by_region, workbook)
    assert [a["nimi"] for a in context["alueet"]] == ["Ahvenanmaa", "Keski-Suomi", "Pirkanmaa"]
    assert context["alaotsikko"] == "5 kuntaa, 3 maakuntaa"
    with pytest.raises(UsageError):
        compare(loaded(paths, workbook), workbook, "kunta")


def test_the_same_municipality_twice_counts_once_with_its_newest_assessment(tmp_path, workbook) -> None:
    """Fails before issue 11: two assessments of one municipality were counted as two municipalities."""
    [path] = generate(tmp_path, workbook, [find_municipality("Tampere")])
    old, new = load_answers(path, workbook), load_answers(path, workbook)
    old.arviointi.pvm, new.arviointi.pvm = "2023-05-01", "2024-05-01"
    copy = tmp_path / "vanha" / path.name
    comparison = compare([(path, new), (copy, old)], workbook)
    assert [m.answers.arviointi.pvm for m in comparison.members] == ["2024-05-01"]
    assert [(old_path, new_path) for old_path, new_path, _ in comparison.replaced] == [(str(copy), str(path))]
    context = comparison_context(comparison, workbook)
    assert context["kuntia"] == 1 and context["korvatut"][0]["vanha_pvm_fi"] == "1.5.2023"


def _group_with(workbook, levels_by_municipality: dict[str, dict[str, int]]):
    """One group of municipalities whose current levels are given per idea; others unanswered."""
    loaded = []
    register = [m for m in load_register() if m.county == "Pirkanmaan hyvinvointialue"]
    for municipality, levels in zip(register, levels_by_municipality.values()):
        answers = new_answers(workbook, municipality)
        code = municipality.code
        for key, level in levels.items():
            answers.answer(key).taso = level
        loaded.append((f"{code}.yaml", answers))
    return compare(loaded, workbook).groups[0]


def test_ties_are_shown_as_ties_and_only_real_differences_are_ranked(workbook) -> None:
    """Fails before issue 11: with seven ideas tied at 2,0, idea 4 was "weakest" and +1 "strongest"."""
    tied = {key: 2 for key in ("1", "2", "3", "4", "5", "6", "7")}
    group = _group_with(workbook, {"A": tied, "B": tied, "C": tied})
    assert group.too_thin and group.weakest() == [] and group.strongest() == []
    context = comparison_context(compare([(f"{i}.yaml", m.answers) for i, m in enumerate(group.members)], workbook), workbook)
    assert context["ryhmat"][0]["liian_vahan"] is True

    levels = {"1": 1, "2": 1, "3": 3, "4": 5}
    group = _group_with(workbook, {"A": levels, "B": levels, "C": {**levels, "5": 4}})
    assert [i.key for i in group.weakest()] == ["1", "2"]  # the tie, whole
    assert [i.key for i in group.strongest()] == ["4"]
    assert "5" not in [i.key for i in group.ranked()]  # one municipality of three gave a level: too thin
    context = comparison_context(compare([(f"{i}.yaml", m.answers) for i, m in enumerate(group.members)], workbook), workbook)
    weakest = context["ryhmat"][0]["heikoimmat"]
    assert [(w["numero"], w["tasan"]) for w in weakest] == [("1", ["2"]), ("2", ["1"])]


def test_whom_to_learn_from_names_the_highest_levels_and_their_good_practices(workbook) -> None:
    group = _group_with(workbook, {"A": {"4": 1}, "B": {"4": 4}, "C": {"4": 4}})
    group.members[1].answers.hyvat_kaytannot.append(GoodPractice(otsikko="Järjestöfoorumi", kuvaus="x", idea="4"))
    context = comparison_context(compare([(f"{i}.yaml", m.answers) for i, m in enumerate(group.members)], workbook), workbook)
    [learn] = context["ryhmat"][0]["opittavaa"]
    assert learn["numero"] == "4" and learn["taso"] == 4
    names = [m.label for m in group.members]
    assert [(k["nimi"], [p["otsikko"] for p in k["kaytannot"]]) for k in learn["kunnat"]] == [(names[1], ["Järjestöfoorumi"]), (names[2], [])]


def test_documents_are_deterministic_and_independent_of_file_order(county_files, workbook, tmp_path) -> None:
    first = write_comparison(compare(loaded(county_files, workbook), workbook), workbook, tmp_path / "a", ["md", "html"])
    shuffled = list(reversed(county_files))
    second = write_comparison(compare(loaded(shuffled, workbook), workbook), workbook, tmp_path / "b", ["md", "html"])
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes()
    md = first[0].read_text(encoding="utf-8")
    assert f"{COUNTY}: 23 kuntaa" in md
    for m in load_register():
        if m.county == COUNTY:
            assert f"| {m.name} |" in md


def test_user_text_is_shown_literally_in_every_format(tmp_path, workbook) -> None:
    import pypdf

    [path] = generate(tmp_path, workbook, [find_municipality("Tampere")])
    answers = load_answers(path, workbook)
    answers.hyvat_kaytannot = [GoodPractice(otsikko=HOSTILE, kuvaus="rivi 1\n\n= ei otsikko", idea="+1")]
    answers.answer("4").tavoitetila = HOSTILE
    comparison = compare([(path, answers)], workbook)
    md, html, pdf = write_comparison(comparison, workbook, tmp_path / "out", ["md", "html", "pdf"])

    html_text = html.read_text(encoding="utf-8")
    assert "<script>" not in html_text and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    md_text = md.read_text(encoding="utf-8")
    assert r"\<script>" in md_text and "<script>" not in md_text.replace(r"\<", "")  # no tag a viewer would read
    assert r"\*lihava\*" in md_text and r"\| putki" in md_text
    cells = _markdown_cells(md_text)  # read back the way a Markdown viewer does
    assert HOSTILE in cells and "rivi 1\n= ei otsikko" in cells
    assert pdf.read_bytes().startswith(b"%PDF")
    extracted = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "#sys.exit()" in extracted and "*lihava*" in extracted and "= ei otsikko" in extracted


def _markdown_cells(source: str) -> list[str]:
    """The plain text of every table cell, as markdown-it reads the document."""
    from markdown_it import MarkdownIt

    cells, inside = [], False
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        if token.type in ("td_open", "th_open"):
            inside = True
        elif token.type in ("td_close", "th_close"):
            inside = False
        elif inside and token.type == "inline":
            cells.append("".join(_cell_text(child) for child in token.children or []))
    return cells


def _cell_text(token) -> str:
    """Text as text; ``<br>`` as a line break; any other markup as a marker, so it cannot pass as text."""
    if token.type == "text":
        return token.content
    if token.type == "html_inline" and token.content == "<br>":
        return "\n"
    return f"«{token.type}»"


def test_pdf_is_byte_identical(tmp_path, workbook) -> None:
    paths = generate(tmp_path, workbook, [find_municipality("Tampere"), find_municipality("Nokia")])
    comparison = compare(loaded(paths, workbook), workbook, "hyvinvointialue")
    [one] = write_comparison(comparison, workbook, tmp_path / "a", ["pdf"])
    [two] = write_comparison(comparison, workbook, tmp_path / "b", ["pdf"])
    assert one.read_bytes() == two.read_bytes()


# --- the command ----------------------------------------------------------------------------------

def test_compare_command(cli, tmp_path, workbook) -> None:
    paths = generate(tmp_path, workbook, [find_municipality("Tampere"), find_municipality("Nokia")])
    broken = tmp_path / "999-rikki.yaml"
    broken.write_text("kunta: [\n", encoding="utf-8")
    out = tmp_path / "out"

    result = cli("compare", *paths, broken, "-o", out, "-f", "md,html", "--by", "hyvinvointialue")

    assert result.exit_code == 1  # the readable files are compared, the broken one is named
    assert f"{broken}" in result.stderr and "YAML" in result.stderr
    assert (out / "vertailu.md").exists() and (out / "vertailu.html").exists()
    assert "## Pirkanmaan hyvinvointialue" in (out / "vertailu.md").read_text(encoding="utf-8")

    assert cli("compare", *paths, "-o", out, "--nimi", "pirkanmaa").exit_code == 0
    assert (out / "pirkanmaa.md").exists()
    nothing = cli("compare", broken, "-o", out)
    assert nothing.exit_code == 1 and M.NOTHING_TO_COMPARE in nothing.stderr
    assert cli("compare", *paths, "-f", "odt").exit_code == 2
    assert cli("compare", *paths, "-o", out, "-f", "typ,md").exit_code == 0
    assert (out / "vertailu.typ").read_text(encoding="utf-8").splitlines()[1].startswith("// Tuotettu")
    assert cli("compare", *paths, "--by", "kunta").exit_code == 2


def test_a_workbook_without_levels_still_compares_target_states(tmp_path, workbook) -> None:
    from jarjestotyokirja.workbook import load_workbook
    from jarjestotyokirja.yamlio.dumper import dump_yaml
    from jarjestotyokirja.yamlio.loader import read_yaml

    data = read_yaml(Path(workbook_path())).data
    del data["levels"]
    custom = tmp_path / "oma-tyokirja.yaml"
    custom.write_text(dump_yaml(data), encoding="utf-8")
    own = load_workbook(custom)
    answers = new_answers(own, find_municipality("Tampere"))
    answers.answer("5").tavoitetila = "Järjestöyhdyshenkilö nimetään."
    path = tmp_path / "837-tampere.yaml"
    save_answers(path, answers, own)

    comparison = compare([(path, load_answers(path, own))], own)
    written = write_comparison(comparison, own, tmp_path / "out", ["md", "html", "pdf"])

    md = written[0].read_text(encoding="utf-8")
    assert "Tasot kunnittain" not in md and "Heikoimmat" not in md
    assert "| Tampere | Järjestöyhdyshenkilö nimetään. |" in md
    assert written[2].read_bytes().startswith(b"%PDF")


def workbook_path() -> Path:
    from jarjestotyokirja.resources import bundled

    return bundled("workbook.yaml")
