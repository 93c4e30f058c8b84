"""Learn the glyph-id -> letter table of Times New Roman from PDFs that carry ToUnicode maps.

Offices export Times New Roman as CID fonts (`Identity-H`): the CID of a glyph is its glyph id in
the font file. Some exports drop the ToUnicode map (pdfplumber then prints `(cid:54)`), others
keep it. The maps of the PDFs that keep one say which letter each glyph id of the same font
draws; `extract.pdflayer` applies the table to layers that lack the map
(../shared/notes/pdf-text-layers.md). A glyph id that two maps disagree on is left out: decoding
must be certain, and the page is OCR'd otherwise, unless one reading is backed by at least
MAJORITY times as many documents as every other (bct-cv-1178, a Word 2010 export, maps glyph
1133 to "ƣ" U+01A3 and bold 209 to "Õ" where seven documents of the same offices map "ư" and
"Ò", the letters the page shows: SOURCES.md notes its "HÕA" for "HÒA").

    .venv/bin/python scripts/build_glyph_table.py ../shared/realdocs/*.pdf -o extract/data/glyphs_times.json
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnplan.pdflayer import font_face  # noqa: E402


MAJORITY = 3


def maps_of(path: Path):
    """(face, glyph id, letter) for every CID font with a ToUnicode map in one PDF."""
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdftypes import resolve1

    manager = PDFResourceManager()
    seen: set[int] = set()
    with path.open("rb") as fh:
        document = PDFDocument(PDFParser(fh))
        for page in PDFPage.create_pages(document):
            fonts = resolve1((page.resources or {}).get("Font")) or {}
            for ref in fonts.values():
                objid = getattr(ref, "objid", None)
                if objid in seen:
                    continue
                seen.add(objid)
                spec = resolve1(ref)
                if not isinstance(spec, dict) or resolve1(spec.get("Subtype")).name != "Type0":
                    continue
                encoding = resolve1(spec.get("Encoding"))
                if getattr(encoding, "name", None) != "Identity-H" or "ToUnicode" not in spec:
                    continue
                font = manager.get_font(objid, spec)
                face = font_face(font.basefont if isinstance(font.basefont, str) else str(font.basefont))
                if face is None or not isinstance(font, PDFCIDFont) or font.unicode_map is None:
                    continue
                for cid, text in font.unicode_map.cid2unichr.items():
                    text = unicodedata.normalize("NFC", text)
                    if len(text) == 1 and text.isprintable():
                        yield face, cid, text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "extract" / "data" / "glyphs_times.json")
    args = parser.parse_args(argv)
    seen: dict[str, dict[int, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    for path in sorted(args.pdfs):
        if path.suffix.lower() != ".pdf":
            continue
        try:
            for face, cid, text in maps_of(path):
                seen[face][cid][text].add(path.stem)
        except Exception as exc:  # a damaged PDF teaches nothing; say so and go on
            print(f"skipped {path.name}: {type(exc).__name__}", file=sys.stderr)
    table: dict[str, dict[str, str]] = {}
    conflicts: dict[str, dict[str, dict[str, list[str]]]] = {}
    for face in sorted(seen):
        table[face] = {}
        for cid in sorted(seen[face]):
            letters = seen[face][cid]
            ranked = sorted(letters.items(), key=lambda kv: -len(kv[1]))
            if len(ranked) == 1 or len(ranked[0][1]) >= MAJORITY * len(ranked[1][1]):
                table[face][str(cid)] = ranked[0][0]
            if len(ranked) > 1:
                conflicts.setdefault(face, {})[str(cid)] = {k: sorted(v) for k, v in sorted(letters.items())}
    data = {
        "about": "glyph id -> letter of Times New Roman faces, learned from the ToUnicode maps of "
        "PDFs that have them; ids the maps disagree on are listed under conflicts, used only when one reading has MAJORITY (3) times the documents of any other",
        "built_by": "python scripts/build_glyph_table.py ../shared/realdocs/*.pdf -o extract/data/glyphs_times.json",
        "sources": sorted({p.stem for p in args.pdfs if p.suffix.lower() == ".pdf"}),
        "faces": table,
        "conflicts": conflicts,
    }
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    for face in table:
        print(f"{face:12} {len(table[face]):5} glyphs  {len(conflicts.get(face, {}))} conflicting ids")
    return 0


if __name__ == "__main__":
    sys.exit(main())
