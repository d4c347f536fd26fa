"""How fast ``jtk report`` makes a whole country's reports: all 309 municipalities of the register.

Run: ``python benchmarks/bench_report.py [--files 309] [--runs 3] [--jobs 2] [--keep DIR]``.

1. Generates one complete answers file per municipality: by default the bundled complete example
   (``examples/901-esimerkkila.yaml``) cloned for each municipality, so the text is what consultants
   type (lists, asterisks, quotes, ampersands, names, "ry"); with ``--generated`` the older generated
   text (3–6 plain sentences per field, 8–14 actions; fixed seed, so every run has the same files).
2. Times whole ``jtk report`` runs as a user starts them (a new process, start-up included; jtk's
   modules compiled to bytecode first, as pip does; jtk's cache in a folder of the benchmark, the
   compiled templates in it from the second run on, as for a user):
   all Markdown with the default (one worker per CPU) twice: over new files (no reports yet, none
   of the files' data in the cache) and again with nothing changed (the data from the cache, no
   report to write again); again with ``-j 1``; all PDFs with ``-j 1`` and with ``-j JOBS``.
3. Times a bare Typst compile of the very same documents (the ``.typ`` sources ``jtk report -f typ``
   writes) with the ``typst`` package, same fonts and PDF standards, in one process: the floor jtk's
   PDF time is compared with.

Prints a table and exits 1 if a target is missed (issue 11's goals): Markdown again with the default
``-j`` ≤ ``--md-limit`` s (default 1.0: "about 1 s"), PDF with ``-j JOBS`` ≤ 30 s, jtk's time per PDF
≤ 1.15 × the bare compile. Every jtk run's CPU time (user + system of jtk and its workers) is printed
beside its wall time, and the load average before and after: on a shared machine the CPU time is
the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SENTENCES = [
    "{kunta} tekee yhteistyötä noin {n} yhdistyksen kanssa, ja yhteistyö painottuu liikuntaan, kulttuuriin ja ikäihmisten palveluihin.",
    "Järjestöjen rooli tunnistetaan kuntastrategiassa, mutta konkreettisia tavoitteita ei ole johdettu toimialojen suunnitelmiin.",
    "Avustusperiaatteet vaihtelevat lautakunnittain, ja järjestöt kokevat päätökset vaikeasti ennakoitaviksi.",
    "Kylätalot ja koulujen tilat ovat monen yhdistyksen ainoa toimintaympäristö, joten tilojen hinnoittelu vaikuttaa suoraan toimintaan.",
    "Hyvinvointikoordinaattori vastaa järjestöyhteistyöstä muiden tehtäviensä ohessa, ja siihen on varattu noin {p} % työajasta.",
    "Vapaaehtoisten ikääntyminen ja uusien hallitusjäsenten puute ovat järjestöjen suurimmat huolet.",
    "Nuoret osallistuvat mieluummin yksittäisiin tapahtumiin kuin sitoutuvat pitkäaikaiseen yhdistystoimintaan.",
    "Tavoitteena on, että vuoteen {v} mennessä järjestöyhteistyö on kirjattu valtuuston hyväksymiin periaatteisiin.",
    "Kunta ja {alue} sopivat kirjallisesti, miten järjestöjen avustaminen ja tilat jaetaan uudessa rakenteessa.",
    "Järjestöfoorumi kokoontuu kahdesti vuodessa, ja sen muistiot julkaistaan kunnan verkkosivuilla.",
    "Seurannasta vastaa hyvinvointiryhmä, joka raportoi etenemisestä hyvinvointikertomuksen yhteydessä.",
    "Mittareina käytetään avustusten kokonaismäärää, tilojen käyttöastetta ja järjestökyselyn tuloksia.",
    "Sähköinen avustushaku ja yhteinen tapahtumakalenteri keventävät pienten yhdistysten hallinnollista työtä.",
    "Hankintalain mahdollisuudet ja reunaehdot käydään läpi seudullisen hankintayksikön kanssa ennen seuraavaa kilpailutusta.",
    "Maahanmuuttajien omat yhdistykset ja vapaat kansalaisryhmät kutsutaan mukaan yhteistyöhön aiempaa aktiivisemmin.",
]
ACTIONS = [
    "Nimetään järjestöyhdyshenkilö ja kirjataan tehtävä tehtävänkuvaan.",
    "Laaditaan yhtenäiset avustusperiaatteet ja yhteinen hakuaika.",
    "Käynnistetään järjestöfoorumi, joka kokoontuu kahdesti vuodessa.",
    "Päivitetään yhdistysluettelo ja otetaan käyttöön yhteinen tapahtumakalenteri.",
    "Sovitaan hyvinvointialueen kanssa avustamisen työnjaosta.",
    "Järjestetään järjestökuuleminen talousarvion valmistelun alussa.",
    "Arvioidaan ostopalveluiden hankintatapa hankinta-asiantuntijan kanssa.",
    "Otetaan käyttöön sähköinen avustushaku ja tilavaraus.",
    "Kokeillaan nuorten keikkavapaaehtoisuutta seurojen kanssa.",
    "Perustetaan seudullinen järjestöfoorumi naapurikuntien kanssa.",
    "Arvioidaan järjestöyhteistyön vaikutuksia hyvinvointikertomuksessa.",
    "Koulutetaan yhdistysten hallituksia talous- ja hankinta-asioissa.",
    "Avataan koulujen tilat maksutta lasten ja nuorten ohjattuun toimintaan.",
    "Julkaistaan järjestöyhteistyön periaatteet selkokielisenä tiivistelmänä.",
]
HORIZONS = ("lyhyt", "keskipitkä", "pitkä")
STATUSES = ("suunniteltu", "käynnissä", "valmis")


def _text(rng: random.Random, municipality, low: int = 3, high: int = 6) -> str:
    values = {"kunta": municipality.name, "n": rng.randint(20, 400), "p": rng.choice((10, 20, 30, 50)),
              "v": rng.choice((2027, 2028, 2029, 2030)), "alue": municipality.county or "maakunta"}
    picked = rng.sample(SENTENCES, rng.randint(low, high))
    paragraphs = [" ".join(s.format(**values) for s in picked[:2]), " ".join(s.format(**values) for s in picked[2:])]
    return "\n\n".join(p for p in paragraphs if p)


def generate(folder: Path, count: int) -> list[Path]:
    """One complete answers file per municipality of the register (the first ``count``)."""
    from jarjestotyokirja.answers import Action, GoodPractice, Participant, new_answers
    from jarjestotyokirja.register import load_register
    from jarjestotyokirja.store.answers_files import save_answers
    from jarjestotyokirja.workbook import load_workbook

    workbook = load_workbook()
    ideas = [idea.number for idea in workbook.ideas]
    paths = []
    for municipality in load_register()[:count]:
        rng = random.Random(municipality.code)
        answers = new_answers(workbook, municipality, pvm=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                              konsultti="Tiina Harjuniemi, Kehittämistoimisto Harjuniemi Oy")
        answers.arviointi.osallistujat = [
            Participant(nimi=f"Osallistuja {i}", rooli=rng.choice(("hyvinvointikoordinaattori", "sivistysjohtaja",
                        "toiminnanjohtaja", "puheenjohtaja")), organisaatio=f"{municipality.name}n kunta")
            for i in range(1, rng.randint(4, 7))
        ]
        for item in workbook.items:
            answer = answers.answer(item.key)
            for field in item.fields:
                setattr(answer, field.id, _text(rng, municipality))
            if item.has_levels:
                answer.taso = rng.randint(1, 4)
                answer.tavoitetaso = rng.randint(answer.taso, 5)
        answers.toimenpiteet = [
            Action(teksti=text, aikavali=rng.choice(HORIZONS), idea=rng.choice(ideas), vastuutaho="Hyvinvointiryhmä",
                   maaraaika=f"{rng.randint(2026, 2029)}-{rng.randint(1, 12):02d}-28",
                   mittari="Toteutuminen raportoitu hyvinvointilautakunnalle.", tila=rng.choice(STATUSES))
            for text in rng.sample(ACTIONS, rng.randint(8, 14))
        ]
        answers.hyvat_kaytannot = [
            GoodPractice(otsikko=f"Hyvä käytäntö {i}", kuvaus=_text(rng, municipality, 2, 3), idea=rng.choice(ideas))
            for i in range(1, rng.randint(2, 5))
        ]
        answers.lopuksi.yhteenveto = _text(rng, municipality, 4, 6)
        answers.lopuksi.seuranta = _text(rng, municipality, 2, 4)
        path = folder / municipality.file_name
        save_answers(path, answers, workbook)
        paths.append(path)
    return paths


def clone_example(folder: Path, count: int) -> list[Path]:
    """The bundled complete example's own content, cloned for the first ``count`` municipalities:
    the municipality's code, name, region and county, its name in the text instead of the example's."""
    from jarjestotyokirja.register import load_register
    from jarjestotyokirja.store.answers_files import load_answers, save_answers
    from jarjestotyokirja.workbook import load_workbook

    workbook = load_workbook()
    example = Path(__file__).resolve().parent.parent / "examples" / "901-esimerkkila.yaml"
    source = load_answers(example, workbook)
    text = source.model_dump_json()
    paths = []
    for municipality in load_register()[:count]:
        answers = type(source).model_validate_json(text.replace("Esimerkkilä", municipality.name))
        answers.kunta.koodi, answers.kunta.nimi = municipality.code, municipality.name
        answers.kunta.maakunta, answers.kunta.hyvinvointialue = municipality.region, municipality.county
        path = folder / municipality.file_name
        save_answers(path, answers, workbook)
        paths.append(path)
    return paths


CPU: dict[str, float] = {}  # median CPU seconds of each timed command, by its arguments


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str], runs: int, *, label: str = "", before: Callable[[], None] | None = None) -> float:
    """Median wall time of a whole ``jtk`` run (new process each time); its CPU time goes to ``CPU``
    under ``label`` (default the arguments). ``before`` runs before each run, untimed."""
    times, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        started, cpu_before = time.perf_counter(), _children_cpu()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - cpu_before)
    CPU[label or " ".join(args[-4:])] = statistics.median(cpu)
    return statistics.median(times)


def _cpu_of(args: list[str] | str) -> str:
    label = args if isinstance(args, str) else " ".join(args[-4:])
    return f"{CPU.get(label, float('nan')):.2f} s"


def time_bare_typst(sources: list[Path], runs: int) -> float:
    """Median time to compile every ``.typ`` with the typst package alone (one process, same fonts,
    the same PDF standards jtk asks for: PDF/UA-1 and PDF/A-2a, checked while writing)."""
    from jarjestotyokirja.render.typst import PDF_STANDARDS

    code = (
        "import sys, time, typst\n"
        "from pathlib import Path\n"
        f"root = {str(_templates())!r}\n"
        "fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[root + '/fonts'])\n"
        "sources = [Path(p).read_bytes() for p in sys.argv[1:]]\n"
        "started = time.perf_counter()\n"
        "for src in sources:\n"
        "    typst.compile(src, root=root, font_paths=fonts, ignore_system_fonts=True, timestamp=0,\n"
        f"                  pdf_standards={list(PDF_STANDARDS)!r})\n"
        "print(time.perf_counter() - started)\n"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code, *map(str, sources)], check=True, capture_output=True, text=True)
        times.append(float(out.stdout))
    return statistics.median(times)


def _templates() -> Path:
    from jarjestotyokirja.resources import bundled

    return bundled("templates")


def _compile_jtk() -> None:
    """jtk's modules as bytecode, as an installed jtk has them (pip compiles them): in a checkout
    with PYTHONDONTWRITEBYTECODE set, every run would otherwise compile the changed modules again."""
    import compileall

    import jarjestotyokirja

    compileall.compile_dir(Path(jarjestotyokirja.__file__).parent, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=309, help="montako kuntaa (rekisterissä 309)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--md-limit", type=float, default=1.0, help="Markdown-ajon yläraja sekunteina (tavoite noin 1 s)")
    parser.add_argument("--keep", type=Path, help="jätä vastaukset ja raportit tähän kansioon")
    parser.add_argument("--generated", action="store_true", help="tuotettu teksti esimerkin sisällön sijaan")
    args = parser.parse_args()
    _compile_jtk()

    work = args.keep or Path(tempfile.mkdtemp(prefix="jtk-bench-"))
    answers_dir, out, cache = work / "vastaukset", work / "raportit", work / "välimuisti"
    os.environ["JTK_CACHE_DIR"] = str(cache)  # jtk's cache of this benchmark, not the user's
    answers_dir.mkdir(parents=True, exist_ok=True)
    try:
        files = generate(answers_dir, args.files) if args.generated else clone_example(answers_dir, args.files)
        jtk = [sys.executable, "-m", "jarjestotyokirja", "report", *map(str, files), "-o", str(out)]
        sizes = [p.stat().st_size for p in files]
        print(f"{len(files)} vastaustiedostoa, keskimäärin {statistics.mean(sizes) / 1024:.1f} kt; kone: {os.cpu_count()} ydintä")
        print("kuormitus alussa (1, 5, 15 min): " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))

        # The first run over new files: no report yet, nothing of them in jtk's cache (the templates
        # compiled, as for anyone who has run jtk before). Then the same command again, nothing
        # changed: the files' data from the cache, every report already as it would be written.
        def new_files() -> None:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache / "data", ignore_errors=True)

        md_first = time_command([*jtk, "-f", "md"], args.runs, label="first", before=new_files)
        md = time_command([*jtk, "-f", "md"], args.runs)
        md_1 = time_command([*jtk, "-f", "md", "-j", "1"], args.runs)
        pdf_j = time_command([*jtk, "-f", "pdf", "-j", str(args.jobs)], args.runs)
        subprocess.run([*jtk, "-f", "typ"], check=True, stderr=subprocess.DEVNULL)
        sources = sorted(out.glob("*.typ"))
        # jtk -j 1 and the bare compile take turns, so a busy moment on the machine hits both alike.
        pairs = [(time_command([*jtk, "-f", "pdf", "-j", "1"], 1), time_bare_typst(sources, 1)) for _ in range(args.runs)]
        pdf_1 = statistics.median(j for j, _ in pairs)
        bare = statistics.median(b for _, b in pairs)
        ratio = pdf_1 / bare
        print("kierrokset (jtk -j 1 / paljas Typst): " + ", ".join(f"{j:.1f}/{b:.1f} s" for j, b in pairs))
        pages = _pages(sorted(out.glob("*.pdf"))[0])
        per_jtk, per_bare = pdf_1 / len(files), bare / len(files)
        md_args, md1_args = [*jtk, "-f", "md"], [*jtk, "-f", "md", "-j", "1"]
        pdfj_args, pdf1_args = [*jtk, "-f", "pdf", "-j", str(args.jobs)], [*jtk, "-f", "pdf", "-j", "1"]
        rows = [
            (f"jtk report -f md ({len(files)} uutta tiedostoa)", f"{md_first:.2f} s", _cpu_of("first"), "", True),
            (f"jtk report -f md ({len(files)} tiedostoa, uudelleen)", f"{md:.2f} s", _cpu_of(md_args), f"≤ {args.md_limit} s", md <= args.md_limit),
            ("jtk report -f md -j 1 (uudelleen)", f"{md_1:.2f} s", _cpu_of(md1_args), "", True),
            ("jtk report -f pdf -j 1", f"{pdf_1:.2f} s", _cpu_of(pdf1_args), "", True),
            (f"jtk report -f pdf -j {args.jobs}", f"{pdf_j:.2f} s", _cpu_of(pdfj_args), "≤ 30 s", pdf_j <= 30),
            ("paljas Typst-käännös (sama .typ, yksi prosessi)", f"{bare:.2f} s", "", "", True),
            ("jtk / PDF (-j 1, käynnistys mukana)", f"{per_jtk * 1000:.0f} ms", "", "", True),
            ("paljas Typst / PDF", f"{per_bare * 1000:.0f} ms", "", "", True),
            ("suhde jtk / paljas (mediaanit)", f"{ratio:.2f}", "", "≤ 1.15", ratio <= 1.15),
        ]
        print(f"PDF: {pages} sivua; mediaani {args.runs} ajosta; kuormitus lopussa: "
              + ", ".join(f"{v:.2f}" for v in os.getloadavg()) + "\n")
        print(f"{'':<52} {'seinäkello':>10}  {'CPU':>8}")
        for name, value, cpu, target, ok in rows:
            print(f"{name:<52} {value:>10}  {cpu:>8}  {target:<8} {'' if not target else ('ok' if ok else 'YLITTYY')}")
        return 0 if all(ok for *_, ok in rows) else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


if __name__ == "__main__":
    sys.exit(main())
