"""Unaccepted text kept beside the answers file, so that nothing typed is lost.

The interview writes a draft when the user presses Ctrl-C or quits mid-text, leaves a question with
changed text, or when saving the answers fails. The draft file sits next to the answers file
(``091-helsinki.yaml`` → ``.091-helsinki.yaml.jtk-draft``), is written atomically, and maps question
keys (``4.nykytila``, ``toimenpiteet.uusi.teksti``) to the text as typed. The next interview offers
each draft back, prefilled; accepting the question removes its draft, and the file goes when empty.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from jarjestotyokirja.errors import InvalidContent, JtkError, M
from jarjestotyokirja.files import atomic_write
from jarjestotyokirja.yamlio.dumper import dump_yaml
from jarjestotyokirja.yamlio.loader import read_yaml

DRAFT_SUFFIX = ".jtk-draft"
HEADER = (
    "# jtk: haastattelun tallentamattomat luonnokset. jtk interview tarjoaa ne takaisin;\n"
    "# hyväksytty vastaus poistaa luonnoksen. Tiedoston voi poistaa, kun sitä ei enää tarvita.\n"
)
_KEY = "luonnokset"


def draft_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.name}{DRAFT_SUFFIX}")


def load_drafts(path: str | Path) -> dict[str, str]:
    """The drafts of the answers file ``path``; empty when there are none."""
    target = draft_path(path)
    if not target.exists():
        return {}
    try:
        data = read_yaml(target).data
    except JtkError as exc:
        raise InvalidContent(M.DRAFT_FILE.format(reason=exc.problems[0].message, path=target)) from None
    drafts = data.get(_KEY) if isinstance(data, dict) else None
    if not isinstance(drafts, dict) or not all(isinstance(v, str) for v in drafts.values()):
        raise InvalidContent(M.DRAFT_FILE.format(reason=M.EXPECTED_MAPPING, path=target))
    return dict(drafts)


def save_drafts(path: str | Path, drafts: dict[str, str]) -> None:
    """Write the drafts of ``path`` atomically; remove the file when there are none."""
    target = draft_path(path)
    if drafts:
        atomic_write(target, dump_yaml({_KEY: dict(drafts)}, header=HEADER), like=path)
    else:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
