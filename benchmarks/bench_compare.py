"""``jtk compare`` over all 309 municipalities of Finland, in Markdown (the issue asks for about 2 s).

Run: ``python benchmarks/bench_compare.py [--runs 5] [--by hyvinvointialue] [--limit 2.0]``.
Generates one realistic answers file per municipality of the register into a temporary folder
(texts of a few sentences in every field, levels for most ideas, actions, some good practices),
then times the installed command end to end (start-up, loading, roll-up, rendering, atomic write)
and, in-process, each step. Exits 1 when the median end-to-end time exceeds ``--limit`` seconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "Järjestöt tuottavat kunnassa harrastus-, vertais- ja vapaaehtoistoimintaa, joka täydentää kunnan palveluja.",
    "Yhteistyö perustuu vakiintuneisiin tapaamisiin, mutta vastuut eivät ole kaikille selviä.",
    "Avustusten hakuaika, kriteerit ja päätökset julkaistaan kunnan verkkosivuilla.",
    "Tavoitteena on, että järjestöt osallistuvat strategian ja hyvinvointisuunnitelman valmisteluun.",
    "Seurataan vuosittain hyvinvointikertomuksen yhteydessä; vastuu on hyvinvointikoordinaattorilla.",
)


def generate(folder: Path, seed: int = 309) -> list[Path]:
    from jarjestotyokirja.answers import Action, GoodPractice, new_answers
    from jarjestotyokirja.register import load_register
    from jarjestotyokirja.store.answers_files import save_answers
    from jarjestotyokirja.workbook import load_workbook

    workbook = load_workbook()
    rnd = random.Random(seed)
    paths = []
    for municipality in load_register():
        answers = new_answers(workbook, municipality, pvm=f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
        for item in workbook.items:
            answer = answers.answer(item.key)
            for field in item.fields:
                if rnd.random() < 0.85:
                    setattr(answer, field.id, " ".join(rnd.sample(SENTENCES, 3)))
            if item.has_levels and rnd.random() < 0.85:
                answer.taso = rnd.randint(1, 4)
                answer.tavoitetaso = rnd.randint(answer.taso, 5)
        for number in range(rnd.randint(2, 10)):
            answers.toimenpiteet.append(Action(
                teksti=f"Toimenpide {number + 1}: {rnd.choice(SENTENCES)}",
                aikavali=rnd.choice(["lyhyt", "keskipitkä", "pitkä"]),
                idea=rnd.choice([i.number for i in workbook.ideas]),
                tila=rnd.choice(["suunniteltu", "käynnissä", "valmis"]),
            ))
        for _ in range(rnd.randint(0, 2)):
            answers.hyvat_kaytannot.append(GoodPractice(otsikko=f"{municipality.name}: järjestöfoorumi", kuvaus=rnd.choice(SENTENCES)))
        path = folder / municipality.file_name
        save_answers(path, answers, workbook)
        paths.append(path)
    return paths


def end_to_end(paths: list[Path], out: Path, by: str, runs: int) -> list[float]:
    command = [sys.executable, "-m", "jarjestotyokirja", "compare", *map(str, paths), "-o", str(out), "-f", "md"]
    if by:
        command += ["--by", by]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def steps(paths: list[Path], out: Path, by: str) -> dict[str, float]:
    from jarjestotyokirja.region.comparison import compare
    from jarjestotyokirja.region.document import comparison_context, write_comparison
    from jarjestotyokirja.render.environment import render_template
    from jarjestotyokirja.results import succeeded
    from jarjestotyokirja.store.answers_files import load_many
    from jarjestotyokirja.workbook import load_workbook

    workbook = load_workbook()
    timings = {}
    started = time.perf_counter()
    loaded = succeeded(load_many(paths, workbook))
    timings["lataus (309 tiedostoa)"] = time.perf_counter() - started
    started = time.perf_counter()
    comparison = compare(loaded, workbook, by)
    context = comparison_context(comparison, workbook)
    timings["kokoaminen"] = time.perf_counter() - started
    started = time.perf_counter()
    render_template("compare.md.j2", context, "md")
    timings["Markdown (2. kerta)"] = time.perf_counter() - started  # the first call compiled the template
    started = time.perf_counter()
    write_comparison(comparison, workbook, out, ["md"])
    timings["kokoaminen + Markdown + kirjoitus"] = time.perf_counter() - started
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--by", default="", choices=["", "hyvinvointialue", "maakunta"])
    parser.add_argument("--limit", type=float, default=2.0, help="seconds allowed for the median end-to-end run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "vastaukset").mkdir()
        paths = generate(folder / "vastaukset")
        size = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} vastaustiedostoa, yhteensä {size / 1e6:.1f} Mt")
        for name, seconds in steps(paths, folder / "out", args.by).items():
            print(f"  {name:<36} {seconds:6.3f} s")
        times = end_to_end(paths, folder / "out", args.by, args.runs)
        median = statistics.median(times)
        document = (folder / "out" / "vertailu.md").stat().st_size
        print(f"jtk compare -f md{' --by ' + args.by if args.by else ''}: mediaani {median:.3f} s "
              f"({args.runs} ajoa, min {min(times):.3f} s), vertailu.md {document / 1e6:.1f} Mt")
    if median > args.limit:
        print(f"Hitaampi kuin {args.limit} s.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
