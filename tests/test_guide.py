"""The user guide (docs/guide): every picture and file it links to is there, in both languages,
and the script that makes the pictures is the one named in the guide."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "guide"


def links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [t for t in re.findall(r"\]\(([^)#]+)\)", text) if "://" not in t]


def test_every_link_of_the_guide_leads_somewhere() -> None:
    missing = [
        f"{page.name}: {target}"
        for page in (GUIDE / "README.md", GUIDE / "zh-HK.md")
        for target in links(page)
        if not (page.parent / target).exists()
    ]
    assert missing == []


def test_each_english_picture_has_its_chinese_twin_and_the_script_makes_both() -> None:
    english = {p.name for p in (GUIDE / "img" / "en").glob("*.png")}
    chinese = {p.name for p in (GUIDE / "img" / "zh-HK").glob("*.png")}
    assert english and english == chinese
    script = (REPO / "tools" / "make_docs.py").read_text(encoding="utf-8")
    made = set(re.findall(r'"(\d\d-[a-z-]+)"', script)) | {
        f"2{i}-workspace-{n}"
        for i, n in enumerate(("attendees", "actions", "decisions", "safety", "details"))
    }
    assert {name.removesuffix(".png") for name in english} == made
    assert "tools/make_docs.py" in (GUIDE / "README.md").read_text(encoding="utf-8")
