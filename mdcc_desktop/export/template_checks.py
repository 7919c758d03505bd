"""What a Word template may do, checked before and while it is filled in.

A template can come from a user's folder, so it is treated as a program that may be wrong or
hostile. Before rendering: it must declare what it is for (``{# mdcc kind: minutes #}`` or
``letter``) and its tags must parse and name only fields the document has; a mistake is reported
with the tag as the user typed it in Word, not a line of the .docx's internal XML. While
rendering (:class:`LimitedEnvironment`): Jinja's sandbox, an unknown field is an error rather
than a blank (StrictUndefined), ``range()`` and repetition (``"x" * n``) are bounded and the
filled-in text has a size limit. The time limit and the memory limit are the separate process's
(``export/rendering.py``): only a process can really be stopped in the middle of a loop.
"""

from __future__ import annotations

import html
import math
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg

KINDS = ("minutes", "letter")
KIND_TAG = re.compile(r"\{#\s*mdcc\s+kind\s*:\s*([A-Za-z]+)\s*#\}", re.IGNORECASE)

# Generous for any real conference, small enough that a mistake stops in seconds.
MAX_RANGE = 10_000
MAX_REPEAT = 1_000_000  # characters or items one "*" may make
MAX_OUTPUT_CHARS = 200_000_000  # the filled-in XML of one part of the document

# docxtpl's own tags: {%p if %} {%tr for %} {%tc %} {%r %} {{r x }} {{p x }}
_DOCXTPL_PREFIX = re.compile(r"^\{([%{])-?(?:p|tr|tc|r)\s")
_DOCXTPL_ONLY = re.compile(r"^\{%\s*(?:colspan|cellbg|vm|hm)\b")
_TAG_IN_LINE = re.compile(r"\{\{.*?(?:\}\}|$)|\{%.*?(?:%\}|$)|\{#.*?(?:#\}|$)")
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>|<w:p/>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*)\.xml")


class BrokenTemplateError(ValidationError):
    """A template cannot be used; the message says what is wrong and where."""


class LimitError(SecurityError):
    """A template asked for more than a document can hold (a huge range, repetition, output)."""


def part_lines(path: Path) -> list[tuple[str, list[str]]]:
    """The text of each part of the .docx that docxtpl fills in, one line per paragraph, as
    the user sees it in Word (runs joined, entities decoded)."""
    parts = []
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if _PARTS.fullmatch(n))
        names.sort(key=lambda n: n != "word/document.xml")
        for name in names:
            xml = z.read(name).decode("utf-8", "replace")
            lines = [html.unescape("".join(_TEXT.findall(p))) for p in _PARAGRAPH.findall(xml)]
            parts.append((name, lines))
    return parts


def declared_kind(lines: Iterable[tuple[str, list[str]]]) -> str | None:
    for _, paragraphs in lines:
        for line in paragraphs:
            found = KIND_TAG.search(line)
            if found:
                return found.group(1).lower()
    return None


def _tags(paragraphs: list[str]) -> list[str]:
    return [t for line in paragraphs for t in _TAG_IN_LINE.findall(line)]


def _jinja(tag: str) -> str:
    """A tag as Jinja reads it: docxtpl's p/tr/tc/r prefixes dropped, its own tags blanked."""
    if _DOCXTPL_ONLY.match(tag):
        return ""
    return _DOCXTPL_PREFIX.sub(lambda m: "{" + m.group(1) + " ", tag, count=1)


def check(path: Path, kind: str | None, fields: Iterable[str], env: SandboxedEnvironment) -> None:
    """Refuse a template for the wrong document, with a broken tag or an unknown field, naming
    the template and the tag as the user wrote it. ``kind`` None: no kind is required."""
    name = path.name
    parts = part_lines(path)
    if kind is not None:
        declared = declared_kind(parts)
        if declared is None or declared not in KINDS:
            raise BrokenTemplateError(msg("template_no_kind", template=name))
        if declared != kind:
            raise BrokenTemplateError(
                msg("template_wrong_kind", template=name, declared=declared, wanted=kind)
            )
    known = set(fields) | set(env.globals)
    for _, paragraphs in parts:
        tags = _tags(paragraphs)
        # One tag a line: a syntax error's line number is the tag's index.
        source = "\n".join(_jinja(t) for t in tags)
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            line = exc.lineno or 0
            if line > len(tags) or "end of template" in (exc.message or "").lower():
                raise BrokenTemplateError(
                    msg("template_unclosed", template=name, error=exc.message or "")
                ) from exc
            raise BrokenTemplateError(
                msg(
                    "template_syntax",
                    template=name,
                    tag=tags[line - 1].strip() if line else "",
                    error=exc.message or "",
                )
            ) from exc
        unknown = sorted(meta.find_undeclared_variables(tree) - known)
        if unknown:
            tag = _first_use(tree, tags, unknown[0])
            raise BrokenTemplateError(
                msg(
                    "template_unknown_field",
                    template=name,
                    tag=tag.strip(),
                    name=unknown[0],
                    fields=", ".join(sorted(fields)),
                )
            )


def _first_use(tree: nodes.Template, tags: list[str], name: str) -> str:
    """The first tag (one a line of the parsed source) that reads the field ``name``: found
    in the parsed template, so a row's attribute of that name (``d.venue``), a string or a
    loop's own variable is never taken for it, as a search of the text took them."""
    lines = [n.lineno for n in tree.find_all(nodes.Name) if n.name == name and n.ctx == "load"]
    line = min(lines, default=0)
    return tags[line - 1] if 0 < line <= len(tags) else ""


class _LimitedTemplate(Template):
    """Renders in pieces, stopping when the text grows past the limit."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        limit = getattr(self.environment, "max_output_chars", MAX_OUTPUT_CHARS)
        context = self.new_context(dict(*args, **kwargs))
        pieces: list[str] = []
        size = 0
        try:
            for piece in self.root_render_func(context):
                size += len(piece)
                if size > limit:
                    raise LimitError(f"the filled-in text passed {limit:,} characters")
                pieces.append(piece)
        except Exception:
            self.environment.handle_exception()
        return "".join(pieces)


def _bounded_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitError(f"range() of {len(numbers):,} numbers (at most {MAX_RANGE:,})")
    return numbers


class LimitedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, strict about unknown fields and bounded in what one tag can make."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, max_output_chars: int = MAX_OUTPUT_CHARS) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.template_class = _LimitedTemplate
        self.max_output_chars = max_output_chars
        self.globals["range"] = _bounded_range

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                big = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if big and len(seq) * times > MAX_REPEAT:
                    raise LimitError(
                        f"a repetition of {len(seq) * times:,} (at most {MAX_REPEAT:,})"
                    )
        numbers = isinstance(left, int | float) and isinstance(right, int | float)
        huge = numbers and abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > 4096
        if operator == "**" and huge:
            raise LimitError("a power too large to print")
        return super().call_binop(context, operator, left, right)
