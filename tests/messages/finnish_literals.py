"""Find Finnish user-facing string literals in the package, outside the catalogue (``messages/``).

A heuristic: a string constant that is not a docstring, not a Typer ``help=``/``metavar=`` text (those
go through gettext) and contains ä, ö or å, or a common Finnish word in a phrase.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "jarjestotyokirja"

_LETTERS = re.compile("[äöåÄÖÅ]")
_WORDS = re.compile(
    r"\b(ei|on|tai|ja|eikä|anna|virhe|vihje|luotu|tuotu|kirjoitettu|tallennettu|päivitetty|poistettu|lisätty|"
    r"valmis|tiedosto|tiedostoon|tiedostoa|kohta|kohtaan|kunnan|rivi|avain|versio|kysymys|vastaus|"
    r"vastaukset|toimenpide|idea|ideaa|taso|tasot|kunta|teksti|vaihe|arviointi|uusi|kysymykseen|vastattu|"
    r"pakollinen|palautettu|valitse|jatka|osio|tilannekuva|lopuksi|seuranta)\b",
    re.IGNORECASE,
)
# Texts that Typer and Click show (13ui moves them to gettext catalogues), not messages of jtk's own.
_TYPER_KEYWORDS = {"help", "metavar", "rich_help_panel", "short_help", "epilog"}


def looks_finnish(text: str, *, in_fstring: bool = False) -> bool:
    """ä, ö or å; or a common Finnish word in a phrase (or in a piece of an f-string, ``f"Luotu {path}"``)."""
    phrase = in_fstring or " " in text.strip()
    return bool(_LETTERS.search(text)) or (phrase and bool(_WORDS.search(text)))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        # an attribute docstring: a string expression right after an assignment
        body = getattr(node, "body", None)
        for index, child in enumerate(body if isinstance(body, list) else []):
            if (index and isinstance(child, ast.Expr) and isinstance(child.value, ast.Constant)
                    and isinstance(body[index - 1], (ast.Assign, ast.AnnAssign))):
                found.add(id(child.value))
    return found


def _typer_texts(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in _TYPER_KEYWORDS:
            found.update(id(n) for n in ast.walk(node.value))
    return found


def finnish_literals(root: Path = PACKAGE) -> Iterator[tuple[str, int, str]]:
    """``(path relative to the package, line, text)`` of every Finnish-looking literal outside messages/."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith("messages/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _typer_texts(tree)
        pieces = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and looks_finnish(node.value, in_fstring=id(node) in pieces)):
                yield relative, node.lineno, node.value
