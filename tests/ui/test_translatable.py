"""Every text handed to Qt's translation functions can reach a translation file.

``pyside6-lupdate`` reads the source, not the running program: it extracts ``self.tr("...")``,
``QCoreApplication.translate("Context", "...")`` and ``QT_TRANSLATE_NOOP("Context", "...")`` only
when the texts (and the context) are string literals. A variable, an f-string or a label made from
an enum value is translated at run time against a catalogue that can never hold it. A module-level
``tr`` helper is worse: lupdate files its calls under an empty context while the helper looks
them up under its own, so they are extracted and still never translated; ``window.tr("...")``
likewise is filed under a context named "window".

This test parses every module of the package and fails on any of those. The one exception is
narrow and named: the helpers of ``ui/labels.py`` and ``ui/messages.py`` that translate an entry
of the ``QT_TRANSLATE_NOOP`` tables of ``ui/labels.py`` and ``domain/messages.py`` (which lupdate
extracts from the tables).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import mdcc_desktop

PACKAGE = Path(mdcc_desktop.__file__).parent
QT_APPLICATIONS = {"QCoreApplication", "QGuiApplication", "QApplication"}

# (module relative to the package, function) -> the module whose QT_TRANSLATE_NOOP tables it
# translates: these functions alone may call QCoreApplication.translate with a text that is not
# a literal, and only under a literal context those tables use (so lupdate has extracted every
# text they can be given from the tables themselves).
TABLE_TRANSLATORS = {
    ("ui/labels.py", "_translate"): "ui/labels.py",
    ("ui/labels.py", "_translate_header"): "ui/labels.py",
    ("ui/labels.py", "_translate_shortcut"): "ui/labels.py",
    ("ui/messages.py", "_translate"): "domain/messages.py",
    ("ui/settings/dialog.py", "_translate"): "settings.py",
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


def _is_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _call_kind(call: ast.Call, qt_names: set[str]) -> str | None:
    """'tr', 'translate', 'noop', 'tr_noop' or None for a call that is none of Qt's."""
    func = call.func
    if isinstance(func, ast.Attribute):
        if func.attr == "tr":
            return "tr"
        if (
            func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in QT_APPLICATIONS
        ):
            return "translate"
        if func.attr in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"):
            return "noop"
        if func.attr == "QT_TR_NOOP":
            return "tr_noop"
        return None
    if isinstance(func, ast.Name):
        if func.id == "tr":
            return "tr"
        if func.id == "translate" and "translate" in qt_names:
            return "translate"
        if func.id in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"):
            return "noop"
        if func.id == "QT_TR_NOOP":
            return "tr_noop"
    return None


def _noop_contexts(tree: ast.Module) -> set[str]:
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _call_kind(node, set()) == "noop"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


class _Checker(ast.NodeVisitor):
    def __init__(self, rel: str, tree: ast.Module, root: Path | None) -> None:
        self.root = root
        self.tree = tree
        self.rel = rel
        self.findings: list[Finding] = []
        self.functions: list[str] = []
        self.classes = 0
        self.qt_names = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")
            for alias in node.names
        }
        self.used_exceptions: set[tuple[str, str]] = set()

    def _add(self, node: ast.AST, problem: str) -> None:
        self.findings.append(Finding(self.rel, getattr(node, "lineno", 0), problem))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes += 1
        self.generic_visit(node)
        self.classes -= 1

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        if node.name == "tr" and self.classes == 0:
            self._add(
                node,
                "a tr() helper outside a class: lupdate files its calls under an empty context",
            )
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if self.classes == 0 and any(
            isinstance(t, ast.Name) and t.id == "tr" for t in node.targets
        ):
            self._add(node, "a module-level name 'tr': lupdate cannot see its context")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        kind = _call_kind(node, self.qt_names)
        args = node.args
        if kind == "tr" and isinstance(node.func, ast.Attribute) and not _is_self(node.func.value):
            receiver = ast.unparse(node.func.value)
            self._add(node, f"{receiver}.tr(): lupdate files it under the context {receiver!r}")
        if kind in ("tr", "tr_noop"):
            if not args or not _is_literal(args[0]):
                self._add(node, f"{kind}() given {ast.unparse(args[0]) if args else 'nothing'}")
            elif len(args) > 1 and not (_is_literal(args[1]) or _is_none(args[1])):
                self._add(node, "tr() given a disambiguation that is not a literal")
        elif kind in ("translate", "noop"):
            if len(args) < 2:
                self._add(node, f"{kind}() without a context and a text")
            elif not _is_literal(args[0]):
                self._add(node, f"{kind}() given the context {ast.unparse(args[0])}")
            elif not _is_literal(args[1]) and not self._table_entry(node, kind):
                self._add(node, f"{kind}() given the text {ast.unparse(args[1])}")
        self.generic_visit(node)

    def _table_entry(self, node: ast.Call, kind: str) -> bool:
        """The narrow exception: a table translator of labels.py / messages.py translating
        an entry under a context its own module's QT_TRANSLATE_NOOP tables use."""
        if kind != "translate" or not self.functions:
            return False
        key = (self.rel, self.functions[-1])
        context = node.args[0]
        if key not in TABLE_TRANSLATORS:
            return False
        self.used_exceptions.add(key)
        table = TABLE_TRANSLATORS[key]
        if table == self.rel or self.root is None:
            tree = self.tree
        else:
            tree = ast.parse((self.root / table).read_text(encoding="utf-8"))
        return isinstance(context, ast.Constant) and context.value in _noop_contexts(tree)


def _is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def check_source(
    rel: str, source: str, root: Path | None = None
) -> tuple[list[Finding], set[tuple[str, str]]]:
    tree = ast.parse(source)
    checker = _Checker(rel, tree, root)
    checker.visit(tree)
    return checker.findings, checker.used_exceptions


def check_package(root: Path = PACKAGE) -> tuple[list[Finding], set[tuple[str, str]]]:
    findings: list[Finding] = []
    used: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        found, exceptions = check_source(rel, path.read_text(encoding="utf-8"), root)
        findings += found
        used |= exceptions
    return findings, used


def test_every_translated_text_is_a_literal_or_a_table_entry() -> None:
    findings, _ = check_package()
    assert not findings, "texts lupdate cannot extract:\n" + "\n".join(map(str, findings))


def test_the_exception_is_used_and_only_where_named() -> None:
    # A stale entry would widen the exception silently: each named helper must exist and use it.
    _, used = check_package()
    assert used == set(TABLE_TRANSLATORS)


def test_the_checker_catches_what_lupdate_cannot_extract() -> None:
    bad = """
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
def tr(text):
    return QCoreApplication.translate("Ctx", text)
class W:
    CONTEXT = "W"
    def f(self, role, label, name):
        self.tr(label)
        self.tr(role.value.replace("_", " "))
        self.tr(f"hello {name}")
        self.tr("a " + "b")
        QCoreApplication.translate(self.CONTEXT, "x")
        QCoreApplication.translate("Ctx", label)
        QT_TRANSLATE_NOOP("Ctx", label)
        self.window.tr("text")
"""
    findings, _ = check_source("x.py", bad)
    assert [f.line for f in findings] == [3, 4, 8, 9, 10, 11, 12, 13, 14, 15]


def test_the_checker_accepts_literals() -> None:
    good = """
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
T = {1: QT_TRANSLATE_NOOP("Ctx", "one")}
class W:
    def tr_helper(self):
        self.tr("literal %1").replace("%1", "x")
        self.tr("literal", "disambiguation")
        QCoreApplication.translate("Ctx", "text")
        "abc".translate({})
"""
    assert check_source("x.py", good)[0] == []


def test_the_table_exception_is_narrow() -> None:
    # The same call is refused in any other function, and in the named one under a context that
    # is not its module's table context.
    source = """
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
T = {1: QT_TRANSLATE_NOOP("Labels", "one")}
def _translate(text):
    return QCoreApplication.translate("Labels", text)
def other(text):
    return QCoreApplication.translate("Labels", text)
def _translate_header(text):
    return QCoreApplication.translate("Other", text)
"""
    findings, used = check_source("ui/labels.py", source)
    assert [f.line for f in findings] == [7, 9]
    assert used == {("ui/labels.py", "_translate"), ("ui/labels.py", "_translate_header")}
    findings, _ = check_source("ui/elsewhere.py", source)
    assert [f.line for f in findings] == [5, 7, 9]
