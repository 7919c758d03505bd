"""Fill the Chinese catalogue from its translations table: ``python tools/translate_ts.py``.

The table ``resources/i18n/mdcc_zh_HK.tsv`` is where the translations are written and kept; the
``.ts`` file is made from the code (``tools/update_ts.py``, which calls this script after
``pyside6-lupdate``) and filled from the table. The table has three tab-separated columns:

    context <TAB> source <TAB> translation

with ``\\n``, ``\\t`` and ``\\\\`` for a new line, a tab and a backslash. A message takes the row of
its own context and source; else the first row with the same source text (so a string used in
several windows is translated once; add a row with the other context only where the Chinese must
differ, as "Review" does: a conference type in ``Labels``, a due date in ``ActionsPanel``). A
plural (numerus) message takes one translation: Chinese has one form, with ``%n`` in it.

``--add-missing`` appends a row with an empty translation for every source the table lacks, under
the context it was found in, for a translator to fill in. Exit code 1 while any message of the
catalogue is left without a translation (they are listed), 0 when all are translated, 2 when a
file is missing.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS_FILE = I18N / "mdcc_zh_HK.ts"
TABLE = I18N / "mdcc_zh_HK.tsv"
HEADER = "context\tsource\ttranslation"
XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def unescape(text: str) -> str:
    out, chars = [], iter(text)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "\\")
        out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
    return "".join(out)


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


@dataclass
class Table:
    exact: dict[tuple[str, str], str]
    by_source: dict[str, str]
    sources: set[str]  # every source with a row, translated or not

    def lookup(self, context: str, source: str) -> str:
        """The translation of ``source`` in ``context``; "" when the table has none."""
        return self.exact.get((context, source)) or self.by_source.get(source, "")


def read_table(path: Path = TABLE) -> Table:
    exact: dict[tuple[str, str], str] = {}
    by_source: dict[str, str] = {}
    sources: set[str] = set()
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) == 2:  # a row added by --add-missing, not filled in yet
            fields.append("")
        if len(fields) != 3:
            raise ValueError(f"{path.name} line {number}: expected 3 tab-separated columns")
        context, source, translation = (unescape(f) for f in fields)
        sources.add(source)
        if translation:
            exact[(context, source)] = translation
            by_source.setdefault(source, translation)
    return Table(exact, by_source, sources)


def messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def set_translation(message: ET.Element, text: str) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
        for extra in forms[1:]:  # Chinese has one plural form
            translation.remove(extra)
        forms[0].text = text
    else:
        translation.text = text
    if not text:
        translation.set("type", "unfinished")


def fill(ts_file: Path = TS_FILE, table_file: Path = TABLE) -> list[tuple[str, str]]:
    """Write the table's translations into ``ts_file``; the (context, source) pairs left
    without one, in the catalogue's order."""
    table = read_table(table_file)
    tree = ET.parse(ts_file)
    untranslated = []
    for context, message in messages(tree.getroot()):
        source = message.findtext("source") or ""
        text = table.lookup(context, source)
        set_translation(message, text)
        if not text:
            untranslated.append((context, source))
    ts_file.write_text(lupdate_style(tree.getroot()), encoding="utf-8")
    return untranslated


def lupdate_style(root: ET.Element) -> str:
    """The catalogue written as ``pyside6-lupdate`` writes it, so that regenerating it changes
    only what changed in the code."""
    body = ET.tostring(root, encoding="unicode")
    body = body.replace(
        '<translation type="unfinished" />', '<translation type="unfinished"></translation>'
    )
    body = body.replace("<numerusform />", "<numerusform></numerusform>")
    body = body.replace(" />", "/>")
    body = re.sub(
        r">([^<]*)<",
        lambda m: ">" + m.group(1).replace("'", "&apos;").replace('"', "&quot;") + "<",
        body,
    )
    return XML_HEAD + body + "\n"


def add_missing(untranslated: list[tuple[str, str]], table_file: Path = TABLE) -> int:
    """Append an empty row for each source the table does not have yet; how many."""
    known = read_table(table_file).sources
    rows, seen = [], set()
    for context, source in untranslated:
        if source in known or source in seen:
            continue
        seen.add(source)
        rows.append(f"{context}\t{escape(source)}\t")
    if rows:
        with table_file.open("a", encoding="utf-8") as out:
            out.write("\n".join(rows) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help=f"default: {TS_FILE}")
    parser.add_argument("--table", type=Path, default=TABLE, help=f"default: {TABLE}")
    parser.add_argument(
        "--add-missing",
        action="store_true",
        help="append an empty row to the table for each source it lacks",
    )
    args = parser.parse_args(argv)
    for path in (args.ts, args.table):
        if not path.is_file():
            print(f"translate_ts: {path} does not exist", file=sys.stderr)
            return 2
    try:
        untranslated = fill(args.ts, args.table)
    except (ValueError, ET.ParseError) as exc:
        print(f"translate_ts: {exc}", file=sys.stderr)
        return 2
    total = len(messages(ET.parse(args.ts).getroot()))
    print(f"{total - len(untranslated)} of {total} messages translated")
    if args.add_missing:
        added = add_missing(untranslated, args.table)
        print(f"{added} empty rows added to {args.table.name}: fill in their third column")
    for context, source in untranslated:
        print(f"  untranslated [{context}] {escape(source)}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
