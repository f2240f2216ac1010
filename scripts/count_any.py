"""Count the explicit ``Any`` in the project's annotations, per package (docs/types.md).

    .venv/bin/python scripts/count_any.py            # the table
    .venv/bin/python scripts/count_any.py --list     # every occurrence, file:line

An occurrence is one ``Any`` (``Any`` or ``typing.Any``) written in a type: a parameter's or
a return's annotation (*signature*), a variable's or a field's annotation (*annotation*,
TypedDict and dataclass fields included), or a type given as a value: an alias, ``cast()``,
a ``TypeVar`` bound, a ``TypedDict("N", {...})`` (*other*). Strings and ``from __future__
import annotations`` annotations are parsed too. Only what the source says is counted; the
implicit ``Any`` of a bare ``dict`` is mypy's ``disallow_any_generics`` to find.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("client", "rows", "hub", "commandpost", "bench", "testkit", "console", "widgets",
            "main.py")
KINDS = ("signature", "annotation", "other")


def _any_in(node: ast.AST | None) -> Iterator[int]:
    """Line numbers of every ``Any`` inside a type expression (string annotations parsed)."""
    if node is None:
        return
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id == "Any":
            yield sub.lineno
        elif isinstance(sub, ast.Attribute) and sub.attr == "Any" \
                and isinstance(sub.value, ast.Name) and sub.value.id in ("typing", "t"):
            yield sub.lineno
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            try:
                parsed = ast.parse(sub.value, mode="eval")
            except SyntaxError:
                continue
            for line in _any_in(parsed):
                yield sub.lineno + line - 1


def _is_call_to(node: ast.Call, *names: str) -> bool:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else \
        func.attr if isinstance(func, ast.Attribute) else ""
    return name in names


def occurrences(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """(kind, line) of each explicit ``Any`` in one module."""
    body = tree.body if isinstance(tree, ast.Module) else []
    aliases = {id(node) for node in body
               if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Subscript,
                                                                            ast.BinOp))}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = node.args
            every = [*args.posonlyargs, *args.args, *args.kwonlyargs,
                     *([args.vararg] if args.vararg else []),
                     *([args.kwarg] if args.kwarg else [])]
            for arg in every:
                for line in _any_in(arg.annotation):
                    yield "signature", line
            if not isinstance(node, ast.Lambda):
                for line in _any_in(node.returns):
                    yield "signature", line
        elif isinstance(node, ast.AnnAssign):
            for line in _any_in(node.annotation):
                yield "annotation", line
            # `X: TypeAlias = dict[str, Any]`: the value is a type as well
            if isinstance(node.annotation, ast.Name) and node.annotation.id == "TypeAlias":
                for line in _any_in(node.value):
                    yield "other", line
        elif isinstance(node, ast.Assign) and id(node) in aliases:
            # `JSON = dict[str, Any]`: an alias written as a plain module-level assignment
            for line in _any_in(node.value):
                yield "other", line
        elif isinstance(node, ast.Call):
            if _is_call_to(node, "cast") and node.args:
                for line in _any_in(node.args[0]):
                    yield "other", line
            elif _is_call_to(node, "TypeVar", "NewType", "TypedDict", "NamedTuple"):
                for part in [*node.args[1:], *(kw.value for kw in node.keywords)]:
                    for line in _any_in(part):
                        yield "other", line


def files(package: str) -> list[Path]:
    path = ROOT / package
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


def count(packages: tuple[str, ...]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = {}
    for package in packages:
        kinds: Counter[str] = Counter()
        for path in files(package):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            kinds.update(kind for kind, _ in occurrences(tree))
        table[package] = kinds
    return table


def listing(packages: tuple[str, ...]) -> Iterator[str]:
    for package in packages:
        for path in files(package):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for kind, line in sorted(occurrences(tree), key=lambda o: o[1]):
                yield f"{path.relative_to(ROOT)}:{line}: {kind}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", default=list(PACKAGES))
    parser.add_argument("--list", action="store_true", help="every occurrence, file:line")
    options = parser.parse_args(argv)
    packages = tuple(options.packages)
    if options.list:
        for row in listing(packages):
            print(row)
        return 0
    table = count(packages)
    print(f"{'package':<12} {'signature':>9} {'annotation':>10} {'other':>6} {'total':>6}")
    totals: Counter[str] = Counter()
    for package, kinds in table.items():
        totals.update(kinds)
        print(f"{package:<12} " + " ".join(f"{kinds[k]:>{len(k) if k != 'other' else 6}}"
                                          for k in KINDS) + f" {sum(kinds.values()):>6}")
    print(f"{'all':<12} " + " ".join(f"{totals[k]:>{len(k) if k != 'other' else 6}}"
                                    for k in KINDS) + f" {sum(totals.values()):>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
