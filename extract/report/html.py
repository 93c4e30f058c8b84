"""The frame every page shares: styles, colours per kind and per verdict, and span highlighting.

Spans are drawn as nested `<mark>`s, as displaCy draws entities: each kind has its colour and a
small label. Spans of a document may overlap (a deadline inside a responsibility, a target inside
an aligned passage); a span that would cross the end of an open one is cut there, so the HTML is
always well nested and every character of the text is printed once, escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

# displaCy's default palette, one colour per kind of span
KIND_COLOURS = {
    "target": "#7aecec", "legal_reference": "#bfeeb7", "deadline": "#feca74", "responsibility": "#c887fb",
    "section": "#e4e7d2", "subject": "#ff9561", "calendar": "#aa9cfc", "passage": "#f2f2f2",
}
KIND_LABELS = {"target": "TARGET", "legal_reference": "REF", "deadline": "DATE", "responsibility": "BODY",
               "section": "SECTION", "subject": "SUBJECT", "calendar": "REVIEW", "passage": "PASSAGE"}
VERDICT_COLOURS = {
    "stricter": "#2e7d32", "looser": "#e65100", "missing": "#c62828", "same": "#1565c0", "not_comparable": "#616161",
    "extra": "#6a1b9a", "match": "#1565c0", "differs": "#e65100", "unknown": "#616161", "flagged": "#c62828",
    "present": "#1565c0", "not_applicable": "#616161", "by_reference": "#00838f", "undated": "#616161",
    "direct": "#2e7d32", "indirect": "#00838f", "none": "#c62828", "wrong_decision": "#c62828",
}

CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.2em;color:#222;line-height:1.45;font-size:14px}
h1{font-size:1.35em;margin:.2em 0} h2{font-size:1.15em;margin:1em 0 .4em} h3{font-size:1em;margin:.8em 0 .3em}
table{border-collapse:collapse;margin:.4em 0 1em;width:100%} th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3} th.sortable{cursor:pointer} th.sortable:after{content:" \\2195";color:#999}
.meta td:first-child{width:14em;color:#555}
.verdict{display:inline-block;padding:0 .45em;border-radius:3px;color:#fff;font-weight:bold;font-size:.9em;white-space:nowrap}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:1em;align-items:start}
.col{border:1px solid #ccc;border-radius:4px;padding:.5em .8em;background:#fff;min-width:0}
.doc{white-space:pre-wrap;font-family:"DejaVu Serif",Georgia,serif;line-height:1.9;overflow-wrap:anywhere}
mark.ent{padding:.1em .25em;border-radius:.3em;line-height:1.2;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.ent .lbl{font-size:.62em;font-weight:bold;font-family:Arial,sans-serif;margin-left:.3em;vertical-align:middle;text-transform:uppercase;opacity:.75}
mark.ent-passage{background:transparent;border-left:3px solid #90a4ae;padding-left:.3em;border-radius:0}
mark.ent:target,.doc :target{outline:3px solid #d50000}
mark[data-verdict]{border-bottom:3px solid var(--v)}
.legend span{margin-right:.6em;padding:0 .4em;border-radius:.3em}
.note{color:#555;font-size:.92em}
a.jump{font-size:.8em;margin-left:.2em;text-decoration:none}
"""


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def verdict_badge(status: str, words: str | None = None) -> str:
    colour = VERDICT_COLOURS.get(status, "#616161")
    return f'<span class="verdict v-{esc(status)}" style="background:{colour}">{esc(words or status.replace("_", " "))}</span>'


def legend(kinds: list[str]) -> str:
    return '<p class="legend">' + "".join(
        f'<span style="background:{KIND_COLOURS[k]}">{esc(KIND_LABELS[k])}</span>' for k in kinds) + "</p>"


def page(title: str, body: str, script: str = "") -> str:
    tail = f"<script>{script}</script>" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head>\n<body>\n{body}\n{tail}</body></html>\n")


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    id: str | None = None
    title: str | None = None
    verdict: str | None = None
    link: str | None = None
    attrs: dict = field(default_factory=dict)


def _open(m: Mark) -> str:
    style = f"background:{KIND_COLOURS.get(m.kind, '#eee')}"
    extra = ""
    if m.verdict:
        extra += f' data-verdict="{esc(m.verdict)}"'
        style += f";--v:{VERDICT_COLOURS.get(m.verdict, '#616161')}"
    if m.id:
        extra += f' id="{esc(m.id)}"'
    if m.title:
        extra += f' title="{esc(m.title)}"'
    return f'<mark class="ent ent-{esc(m.kind)}" style="{style}"{extra}>'


def _close(m: Mark) -> str:
    label = "" if m.kind == "passage" else f'<span class="lbl">{esc(KIND_LABELS.get(m.kind, m.kind))}</span>'
    link = f'<a class="jump" href="#{esc(m.link)}">&#8599;</a>' if m.link else ""
    return f"{label}{link}</mark>"


def highlight(text: str, marks: list[Mark]) -> str:
    """`text` escaped, with each mark drawn around its span; crossing spans cut to stay nested."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end))
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0

    def close_until(limit: int):
        nonlocal pos
        while stack and stack[-1].end <= limit:
            m = stack.pop()
            out.append(esc(text[pos:m.end]))
            pos = m.end
            out.append(_close(m))

    for m in marks:
        close_until(m.start)
        out.append(esc(text[pos:m.start]))
        pos = m.start
        if stack and m.end > stack[-1].end:
            m = Mark(**{**m.__dict__, "end": stack[-1].end})
        if m.end <= m.start:
            continue
        out.append(_open(m))
        stack.append(m)
    close_until(len(text))
    out.append(esc(text[pos:]))
    return "".join(out)


def document_marks(doc, prefix: str = "") -> list[Mark]:
    """The spans the pipeline found in a document, one mark each, ids `{prefix}{kind}-{n}`."""
    marks: list[Mark] = []
    for kind, items in (("legal_reference", doc.legal_references), ("deadline", doc.deadlines),
                        ("responsibility", doc.responsibilities), ("target", doc.targets)):
        for n, item in enumerate(items):
            title = {"legal_reference": lambda i: f"{i.key or ''} ({i.relation})",
                     "deadline": lambda i: f"{i.kind} {i.date or ''} {i.recurrence or ''}".strip(),
                     "responsibility": lambda i: f"{i.body}: {i.role}",
                     "target": lambda i: f"{i.direction} {i.indicator} {i.value:g}{'-' + format(i.value_max, 'g') if i.value_max is not None else ''} {i.unit}"}[kind](item)
            marks.append(Mark(item.start, item.end, kind, id=f"{prefix}{kind}-{n}", title=title))
    return marks


def section_marks(doc, prefix: str = "") -> list[Mark]:
    """Each top-level section's heading line, marked and anchored `{prefix}section-{label}`."""
    marks, seen = [], set()
    for s in doc.sections:
        line_end = doc.text.find("\n", s.start, s.end)
        end = line_end if line_end > s.start else s.end
        anchor = f"{prefix}section-{s.label}" if s.label not in seen else None
        seen.add(s.label)
        marks.append(Mark(s.start, min(end, s.start + 160), "section", id=anchor, title=" / ".join([s.label, *s.labels])))
    return marks
