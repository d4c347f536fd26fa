"""The shape of the code: layers you can see in the folder names, no import cycles, small modules, and
exit codes decided only by the command line.

Imports are read with ``ast`` from every module of the package, those inside functions included (a lazy
import is still a dependency); imports under ``if TYPE_CHECKING:`` are not (they never run). A module is named by its dotted path; a package's ``__init__`` by the
package's name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import jarjestotyokirja

PACKAGE = Path(jarjestotyokirja.__file__).parent
NAME = "jarjestotyokirja"

# Lower layers never import higher ones. Each entry: the layer's modules (dotted, without the package
# name; a trailing "." takes a whole subpackage) from the bottom up.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("models", ("errors", "messages.", "messages", "os_messages", "cache_folder", "dates", "language", "conventions", "files", "resources",
                "yamlio.", "yamlio", "register", "workbook", "validation", "answers", "progress", "schema", "results")),
    ("store and render", ("store.", "store", "render.", "render")),
    ("features", ("report.", "report", "region.", "region", "versions.", "versions", "exchange.", "exchange",
                  "interview.", "interview")),
    ("cli", ("cli.", "cli", "__main__", "__init__")),
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_only(tree: ast.Module) -> set[int]:
    """The ids of the import nodes under ``if TYPE_CHECKING:``: types for annotations, not imports
    that run (they are how a module names a type without depending on its module at run time)."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            ids.update(id(sub) for sub in ast.walk(node) if isinstance(sub, (ast.Import, ast.ImportFrom)))
    return ids


def _imports(name: str, path: Path) -> set[str]:
    """Modules of the package that ``name`` imports, anywhere in it (type-only imports aside)."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == NAME or node.module.startswith(NAME + "."):
                base = node.module[len(NAME) + 1:]
                for alias in node.names:
                    full = f"{base}.{alias.name}" if base else alias.name
                    found.add(full if full in MODULES else base)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(NAME + "."):
                    found.add(alias.name[len(NAME) + 1:])
    found.discard("")
    found.discard(name)
    return {m for m in found if m in MODULES}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    for index, (_, members) in enumerate(LAYERS):
        for member in members:
            if name == member or (member.endswith(".") and name.startswith(member)):
                return index
    raise AssertionError(f"module {name} belongs to no layer: add it to LAYERS")


def test_every_module_has_a_layer():
    for name in MODULES:
        _layer(name)


def test_no_module_imports_a_higher_layer():
    wrong = [
        f"{name} ({LAYERS[_layer(name)][0]}) imports {other} ({LAYERS[_layer(other)][0]})"
        for name, imported in GRAPH.items() for other in sorted(imported) if _layer(other) > _layer(name)
    ]
    assert wrong == []


def test_no_import_cycle():
    """Tarjan's strongly connected components; every component must be a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(GRAPH[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_under_400_lines(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines < 400, f"{name}: {lines} lines"


def _exits(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("Exit", "exit") and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in (("typer", "Exit"), ("sys", "exit"), ("os", "_exit")):
                found.append(f"{node.value.id}.{node.attr} at line {node.lineno}")
        elif isinstance(node, ast.Name) and node.id in ("SystemExit", "exit", "quit") and isinstance(node.ctx, ast.Load):
            found.append(f"{node.id} at line {node.lineno}")
    return found


def test_exit_codes_only_in_the_command_line():
    """``typer.Exit``, ``SystemExit`` and ``sys.exit`` only in ``cli/`` and ``__main__.py``; the library
    raises typed errors (:mod:`jarjestotyokirja.errors`) and the command line decides the code."""
    outside = {
        name: _exits(path) for name, path in MODULES.items()
        if not (name == "cli" or name.startswith("cli.") or name == "__main__")
    }
    assert {name: found for name, found in outside.items() if found} == {}


def test_one_place_decides_exit_codes():
    """Inside ``cli/`` too, only :mod:`jarjestotyokirja.cli.exit_codes` ends a command with a code."""
    found = {name: _exits(path) for name, path in MODULES.items() if name != "cli.exit_codes"}
    assert {name: where for name, where in found.items() if where} == {}
