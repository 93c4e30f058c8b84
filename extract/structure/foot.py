"""The foot of an administrative document: the signature block and the recipients.

Owns, after Nghị định 30/2020, Phụ lục I: the signer's authority and position lines (ô 7a,
"KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"; authority prefixes TM., KT., TL., TUQ., Q.) and name (ô 7b);
the "Nơi nhận:" list (ô 9b, each line "- ...;" to "- Lưu: VT, ...") and, for a Công văn, Tờ
trình or Báo cáo, the "Kính gửi:" addressees (ô 9a). The signature block sits beside the
recipients: in the text its lines may come interleaved with them ("- Như trên; PHÓ GIÁM ĐỐC"),
after a tab (.docx tables) or after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from vnplan.lexicon import load
from vnplan.structure.header_top import addressee_match
from vnplan.structure.noise import is_scanner_mark
from vnplan.structure.placenames import skeleton
from vnplan.text import DocView, Line, collapse, fold, is_valid_syllable
from vnplan.models import Span, Warning


@lru_cache(maxsize=1)
def _foot() -> dict:
    foot = load("foot")
    prefixes = sorted({re.sub(r"[^a-z/]", "", e["value"].lower()) for e in foot["authority"]}, key=len, reverse=True)
    return {
        # a scan may read the prefix's dot as a comma ("KT, CHỦ TỊCH", lc-gp-2507)
        "prefix": re.compile(r"^(?P<p>" + "|".join(re.escape(p) for p in prefixes) + r")\b(?P<dot>\s*[.,])?(?P<sp>\s*)(?P<rest>.*)$"),
        "positions": [(e["value"], e["form"]) for e in foot["positions"]],
        "collectives": [(e["value"], e["form"]) for e in foot["collective_heads"]],
        "head": re.compile(foot["recipients_head"]["pattern"]),
        "archive": foot["archive_line"]["value"],
        "signed": tuple(e["value"] for e in foot["signed_marks"]),
        "surnames": tuple(foot["surnames"].split()),
    }


@dataclass
class Foot:
    signer_title: Optional[tuple[str, int, int]] = None
    signer_name: Optional[tuple[str, int, int]] = None
    recipients: list[list] = None  # [text, start, end]


def signer_title_part(fragment: str) -> Optional[str]:
    """A signature-block line in its written form ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), or None.

    The line is upper case; after an optional authority prefix it names a position, or after
    "TM." a collective; damaged words ("TM UY BAN NHAN DAN") take the lexicon's written form."""
    frag = fragment.strip(" \t:;,")
    letters = [c for c in frag if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.7 or len(frag) > 60:
        return None
    f = collapse(fold(frag))
    lex = _foot()
    m = lex["prefix"].match(f)
    prefix, rest, rest_raw = "", f, frag
    if m and (m["dot"] or m["sp"]) and m["rest"]:
        sep = "" if m["dot"] and not m["sp"] else " "
        prefix = m["p"].upper() + "." + sep
        rest = m["rest"]
        rest_raw = collapse(frag)[m.start("rest") :]
    candidates = lex["positions"] + (lex["collectives"] if prefix.startswith(("TM", "T/M")) else [])
    best, score, exact = None, 0.0, False
    for key, form in candidates:
        if rest == key or rest.startswith(key + " "):
            if not exact or len(key) > len(best[0]):
                best, score, exact = (key, form), 100.0, True
            continue
        if exact:
            continue
        s = fuzz.ratio(rest, key)
        if s > score:
            best, score = (key, form), s
    if not best or score < 80:
        # an enterprise signs under its name, above the position ("CÔNG TY CP ... / TỔNG GIÁM ĐỐC",
        # dn-qd-89): the TM.-less collective line of a company
        if not prefix and re.match(r"(tong )?cong ty\b", f):
            return frag
        return None
    key, form = best
    if exact:
        # as written, when its marks are whole; else the lexicon's form and the rest as written
        written = rest_raw.strip()
        if _has_all_marks(written, form):
            return prefix + written
        extra = written.split()[len(key.split()) :]
        return prefix + " ".join([form] + extra)
    return prefix + form


def _has_all_marks(written: str, form: str) -> bool:
    return written.upper().startswith(form)


def looks_like_name(fragment: str) -> bool:
    words = fragment.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(not w[:1].isupper() or any(c.isdigit() or c in ",;:()/." for c in w) for w in words):
        return False
    letters = sum(c.isalpha() for c in fragment.replace(" ", ""))
    if letters < 0.85 * len(fragment.replace(" ", "")):
        return False
    return all(w[1:] == w[1:].lower() for w in words)


def fix_surname(name: str, warnings: list[Warning], span: Optional[Span] = None) -> str:
    """`name` with its family name put right when repair gave it marks no surname has and its
    letters fit exactly one surname ("Họ Tiến Thiệu" -> "Hồ Tiến Thiệu"); a warning says so."""
    words = name.split()
    surnames = _foot()["surnames"]
    if not words or words[0] in surnames:
        return name
    fits = {s for s in surnames if skeleton(s) == skeleton(words[0])}
    if len(fits) != 1:
        return name
    fixed = " ".join([fits.pop()] + words[1:])
    warnings.append(Warning(code="signer_name_corrected",
                            message=f"signer {name!r}: family name read as in {fixed!r}; the other words may be misread too", span=span))
    return fixed


# Characters no recipient line has; a scan puts them where the stamp or the signature is.
_NOISE_CHARS = re.compile(r"[‹›%”`|\\?—~®Ÿ^*#=_<>{}\[\]¿§°]")


def is_noise(fragment: str) -> bool:
    """Whether text after a recipient's ";" is scan noise rather than more of the list (ND30 II.9.d:
    each line ends with ";"): odd characters, or fewer than two Vietnamese syllables."""
    if _NOISE_CHARS.search(fragment):
        return True
    words = re.findall(r"[^\W\d_]+", fragment)
    valid = [w for w in words if is_valid_syllable(w) or (w.isupper() and len(w) <= 6)]
    return len(valid) < 2 or len(valid) < 0.6 * len(fragment.split())


def cut_noise(item: str) -> str:
    """A recipient line cut where scan noise starts ("Lưu: VT, TTPVHCC, KT. \\ CÀ Xu 2T", lc-gp-2507)."""
    tokens = list(re.finditer(r"\S+", item))
    for k, tok in enumerate(tokens[1:], start=1):
        if _NOISE_CHARS.search(tok.group(0)):
            return item[: tokens[k - 1].end()]
    return item


_ANNEX_GLUED = re.compile(r"(?<=[a-zà-ỹ])(?=PHỤ LỤC|Phụ lục|PHU LUC)")
_BULLET = re.compile(r"\s*[-_–—•+]\s*")


def read_foot(view: DocView, start: int, end: Optional[int] = None) -> Foot:
    """Signature and "Nơi nhận" list from offset `start` on (the end of the body)."""
    lex = _foot()
    lines = [ln for ln in view.lines if ln.start >= start and (end is None or ln.start < end)]
    head_k = next((k for k, ln in enumerate(lines) if not ln.blank and lex["head"].match(ln.folded)), None)
    titles: list[tuple[str, int, int]] = []
    name: list = []
    recipients: list[list] = []
    closed, closed_at = False, -1

    def fragment(frag: str, frag_start: int) -> bool:
        glued = _ANNEX_GLUED.search(frag)
        if glued:
            frag = frag[: glued.start()]
        stripped = frag.strip(" \t:;,")
        if not stripped:
            return True
        if closed and re.match(r"[-–]\s*\S", stripped):
            stripped = stripped.lstrip("-– ")  # after "Lưu: ...", a dash before the name is the scan's
        off = frag_start + frag.index(stripped[0])
        t = signer_title_part(stripped)
        if t and not name:
            titles.append((t, off, off + len(stripped)))
            return True
        if (titles and not name and re.match(r"(tong )?cong ty\b", collapse(fold(titles[-1][0]))) and len(stripped) <= 60
                and sum(c.isupper() for c in stripped if c.isalpha()) >= 0.8 * max(1, sum(c.isalpha() for c in stripped))):
            # an enterprise signs under its whole name, wrapped over lines ("CÔNG TY CP ĐẦU TƯ XÂY
            # DỰNG" / "HẠ TẦNG VÀ GIAO THÔNG" / "TỔNG GIÁM ĐỐC"; the signer of a company's Phương án)
            titles[-1] = (collapse(titles[-1][0] + " " + stripped), titles[-1][1], off + len(stripped))
            return True
        named = re.sub(r"(?<=[^\W\d_])\d{1,3}$", "", stripped)  # a page number glued to the name ("Nguyễn Tuấn Anh6", a scan)
        if looks_like_name(named) and titles and not name:
            name.append((collapse(named), off, off + len(named)))
            return True
        if fold(stripped).lstrip("(").startswith(lex["signed"]):
            return True
        return False

    def cells(ln: Line) -> list[tuple[str, int]]:
        out, pos = [], ln.start
        for part in ln.text.split("\t"):
            if part.strip():
                out.append((part, pos))
            pos += len(part) + 1
        return out

    def add_item(body: str, body_start: int) -> None:
        semi = body.rfind(";")
        tail = body[semi + 1 :] if semi >= 0 else ""
        if semi >= 0 and tail.strip() and (fragment(tail, body_start + semi + 1) or is_noise(tail)):
            body = body[:semi]  # a signature fragment, or a scan's stamp and signature read as letters
        body = cut_noise(body)
        # the signature column read into the line: "Công ty TNHH ... Vận Trình THỨ TRƯỞNG Quý Châu;"
        # (bct-gp-thongdat scan): an upper-case run naming a position ends the item
        for run in re.finditer(r"(?<!\S)(?:[A-ZĐÀ-Ỹ.]{1,}\s+){1,4}[A-ZĐÀ-Ỹ.]{2,}(?!\S)", body):
            if run.start() > 0 and signer_title_part(run.group(0)) and not fold(run.group(0)).startswith(("ubnd", "hdnd")):
                fragment(run.group(0), body_start + run.start())
                body = body[: run.start()]
                break
        item = body.rstrip(" \t;")
        recipients.append([item, body_start, body_start + len(item)])

    if head_k is None:
        for ln in lines:
            for part, pos in cells(ln):
                fragment(part, pos)
            if name:
                break
    else:
        for k, ln in enumerate(lines[head_k:]):
            if ln.blank or is_scanner_mark(ln.text):
                continue  # a scanning app's page footer inside the list is no recipient
            parts = cells(ln)
            if not parts:
                continue
            if k == 0:
                m = lex["head"].match(ln.folded)
                rest_start = ln.start + m.end()
                first_rest = view.text[rest_start : ln.end]
                for part in first_rest.split("\t"):
                    if part.strip() and not fragment(part, rest_start + first_rest.find(part)):
                        # OCR joined the signature column to the head without a tab ("Nơi nhận:Đã _ “QjẢj CHỦ
                        # TỊCH", lc-qd-2338 scan): the upper-case run that names a position is the title
                        for run in re.finditer(r"(?<!\S)(?:[A-ZĐÀ-Ỹ.]{1,}\s+){0,4}[A-ZĐÀ-Ỹ.]{2,}(?!\S)", part):
                            if signer_title_part(run.group(0)):
                                fragment(run.group(0), rest_start + first_rest.find(part) + run.start())
                                break
                continue
            first, first_pos = parts[0]
            for part, pos in parts[1:]:
                fragment(part, pos)
            bullet = _BULLET.match(first)
            if bullet and not closed:
                add_item(first[bullet.end() :], first_pos + bullet.end())
                if fold(recipients[-1][0]).startswith(lex["archive"]):
                    closed, closed_at = True, k
                continue
            if fragment(first, first_pos):
                if name:
                    break
                continue
            if recipients and (not closed or (first.lstrip().startswith("(") and k == closed_at + 1)):
                semi = first.rfind(";")
                if semi >= 0 and first[semi + 1 :].strip() and (fragment(first[semi + 1 :], first_pos + semi + 1)
                                                                or is_noise(first[semi + 1 :])):
                    first = first[:semi]
                item = first.strip().rstrip(" \t;.")
                if item and not (closed and not first.lstrip().startswith("(")):
                    prev = recipients[-1]
                    prev[0] = collapse(prev[0].rstrip(" .;") + item if item.startswith("(") else prev[0].rstrip() + " " + item)
                    prev[2] = first_pos + first.index(item[0]) + len(item)
                    if fold(item).startswith(lex["archive"]):
                        closed, closed_at = True, k
                continue
            if name:
                break
    out = Foot(recipients=[r for r in recipients if r[0].strip(" ;.,:")])
    if titles:
        out.signer_title = (" / ".join(t for t, _, _ in titles), titles[0][1], titles[-1][2])
    if name:
        out.signer_name = name[0]
    return out


def read_addressees(view: DocView, limit: Optional[int] = None) -> tuple[list[list], Optional[Line]]:
    """The "Kính gửi:" addressees (ND30 II.9.b): on its line when one, else one per dash line
    under it; [text, start, end] each, without the dash and the final ";" or "."."""
    for ln in view.lines:
        if limit is not None and ln.start >= limit:
            break
        m = addressee_match(ln) if not ln.blank else None
        if not m:
            continue
        out: list[list] = []
        rest = view.text[ln.start + m.end() : ln.end]
        rest_strip = rest.strip(" \t")
        if rest_strip and not rest_strip.startswith("-"):
            item = rest_strip.split("\t")[0].rstrip(" .;")
            s = ln.start + m.end() + rest.find(rest_strip)
            return [[item, s, s + len(item)]], ln
        for nxt in view.lines[ln.index + 1 : ln.index + 40]:
            if is_scanner_mark(nxt.text):
                continue
            if nxt.blank:
                if out:
                    break
                continue
            b = _BULLET.match(nxt.text)
            if b and nxt.text[b.end() :].strip():
                body = nxt.text[b.end() :].split("\t")[0]
                item = body.rstrip(" .;")
                s = nxt.start + b.end()
                out.append([item, s, s + len(item)])
                if body.rstrip().endswith("."):
                    break
            elif out and not out[-1][0].endswith((";",)) and nxt.text[:1].islower():
                cont = nxt.text.split("\t")[0].rstrip(" .;")
                out[-1][0] = collapse(out[-1][0] + " " + cont)
                out[-1][2] = nxt.start + len(cont)
                if nxt.text.rstrip().endswith("."):
                    break
            else:
                break
        return out, ln
    return [], None


def name_is_doubtful(name: str) -> bool:
    return not all(is_valid_syllable(w) for w in name.split())


# ----------------------------------------------------------------------------------------------
# Signature blocks side by side (Biên bản, Phiếu trình)


@lru_cache(maxsize=1)
def _blocks() -> list[tuple[list[str], bool, bool]]:
    """(folded words, takes an object, maker) of each block head, longest first."""
    out = [(e["value"].split(), bool(e.get("object")), bool(e.get("maker"))) for e in load("foot")["signature_blocks"]]
    return sorted(out, key=lambda b: -len(b[0]))


def _head_words(s: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), re.sub(r"[^a-z0-9]", "", fold(m.group(0)))) for m in re.finditer(r"[^\s,;:]+", s)]


def split_blocks(line: str, heads: Optional[list[tuple[list[str], bool, bool]]] = None) -> Optional[list[tuple[int, int, bool]]]:
    """The blocks of an upper-case row of signature heads: (start, end, maker) in `line`, or None
    when the row does not open with a head or holds words no head accounts for. A head that takes
    an object ("ĐẠI DIỆN", "Ý KIẾN CỦA") keeps the words after it up to the next head:
    "ĐD SỞ CÔNG THƯƠNG ĐẠI DIỆN CÔNG TY ABC" is two blocks, "ĐẠI DIỆN ĐOÀN KIỂM TRA" one."""
    heads = heads if heads is not None else _blocks()
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return None
    words = _head_words(line)
    blocks: list[list] = []  # [start, end, maker, needs object, words taken]
    i = 0
    while i < len(words):
        hit = next(((seq, obj, maker) for seq, obj, maker in heads if [w[2] for w in words[i : i + len(seq)]] == seq), None)
        if hit and not (blocks and blocks[-1][3] and blocks[-1][4] == 0):
            seq, obj, maker = hit
            blocks.append([words[i][0], words[i + len(seq) - 1][1], maker, obj, 0])
            i += len(seq)
            continue
        if not blocks:
            return None
        blocks[-1][1] = words[i][1]
        blocks[-1][4] += 1
        i += 1
    if not blocks or any(b[3] and b[4] == 0 for b in blocks):
        return None
    return [(b[0], b[1], b[2]) for b in blocks]


def _split_positions(line: str) -> Optional[list[str]]:
    """An upper-case row of positions under a row of blocks ("GIÁM ĐỐC TRƯỞNG ĐOÀN"), one per
    block, in their written form; None when a word belongs to no position."""
    heads = [(key.split(), False, False) for key, _ in _foot()["positions"]]
    found = split_blocks(line, sorted(heads, key=lambda h: -len(h[0])))
    if not found:
        return None
    return [collapse(line[a:b]) for a, b, _ in found]


# Given names that are also family names ("Văn" of the surname list is far more often a middle
# name): a name does not start there when another split exists.
_MIDDLE = {"Văn", "Thị"}


def split_names(line: str, k: Optional[int] = None) -> Optional[list[str]]:
    """Full names written side by side on one line ("Đỗ Mạnh Cường Nguyễn Ngọc Chỉnh"): each of 2-4
    capitalised syllables starting with a family name; `k` names when given. Splits that give
    three-syllable names (the common length) and do not start a name at "Văn"/"Thị" are preferred.
    None when the line is no row of names."""
    # a scan's stray marks between the names ("Đỗ Mạnh Cường „ Nguyễn Ngọc Chỉnh") are no words
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if not words or any(not (w[:1].isupper() and w.isalpha() and (len(w) == 1 or w[1:] == w[1:].lower())) for w in words):
        return None
    if any(not is_valid_syllable(w) for w in words):
        return None
    surnames = set(_foot()["surnames"])
    best: Optional[tuple[float, list[str]]] = None

    def walk(i: int, parts: list[list[str]], score: float) -> None:
        nonlocal best
        if i == len(words):
            if k is None or len(parts) == k:
                if best is None or score > best[0]:
                    best = (score, [" ".join(p) for p in parts])
            return
        if words[i] not in surnames:
            return
        longest = 5 if (k == 1 or (k is None and i == 0)) else 4
        for n in range(2, longest + 1):
            if i + n > len(words):
                break
            bonus = (2 if n == 3 else 1 if n in (2, 4) else 0.5) - (1.5 if words[i] in _MIDDLE and i else 0)
            walk(i + n, parts + [words[i : i + n]], score + bonus)

    walk(0, [], 0.0)
    return best[1] if best else None


@dataclass
class Row:
    signer_title: Optional[tuple[str, int, int]] = None
    signer_name: Optional[tuple[str, int, int]] = None
    blocks: int = 0
    first_line: int = 0  # index of the row's head line
    last_line: int = 0  # index of its names' line
    maker: bool = False


def read_signature_row(view: DocView, start: int) -> Optional[Row]:
    """The signer of a row of signature blocks after offset `start`: the row of block heads
    ("ĐD SỞ CÔNG THƯƠNG  ĐẠI DIỆN CÔNG TY ...", "NGƯỜI LẬP PHIẾU TRÌNH  Ý KIẾN CỦA LÃNH ĐẠO PHÒNG"),
    rows of positions under it, then the names, on one line when the columns were read across
    ("Đỗ Mạnh Cường Nguyễn Ngọc Chỉnh": split by the name grammar). The signer is the maker's block
    when one is (NGƯỜI LẬP PHIẾU), else the first. Scan noise and "(ký, ghi rõ họ tên)" lines
    between are passed over. None when no row with a name under it is found."""
    from vnplan.structure.noise import is_noise_line

    lex = _foot()
    lines = view.lines
    found: list[Row] = []
    for ln in lines:
        if ln.start < start or ln.blank:
            continue
        cell = ln.text.split("\t")
        row_text = " ".join(c for c in cell if c.strip())
        blocks = split_blocks(row_text) if not is_noise_line(ln.text) else None
        if not blocks:
            continue
        k = len(blocks)
        pick = next((j for j, b in enumerate(blocks) if b[2]), 0)
        titles = [[collapse(row_text[a:b])] for a, b, _ in blocks]
        name = None
        last_index = ln.index
        for nxt in lines[ln.index + 1 : ln.index + 10]:
            if nxt.blank or is_noise_line(nxt.text):
                continue
            t = " ".join(c.strip() for c in nxt.text.split("\t") if c.strip())
            if fold(t).lstrip("(").startswith(lex["signed"]):
                continue
            positions = _split_positions(t)
            if positions and len(positions) == k and not name:
                for j, p in enumerate(positions):
                    titles[j].append(p)
                continue
            if split_blocks(t) is None and sum(c.isupper() for c in t if c.isalpha()) >= 0.8 * max(1, sum(c.isalpha() for c in t)):
                # a block's body name wrapped onto the next line ("ĐẠI DIỆN CÔNG TY CP" / "KHOÁNG SẢN
                # MÔNG SƠN"): part of the one block's title, else of a column it cannot be told
                if k == 1 and len(titles[0]) == 1:
                    titles[0][0] = collapse(titles[0][0] + " " + t)
                continue
            names = split_names(t, k) or split_names(t)
            free = split_names(t)
            if names and free and len(free) > len(names) and any(len(n.split()) > 4 for n in names):
                # more names under the row than block heads OCR kept ("ĐD SỞ ..." alone over "Vũ Việt Linh
                # Triệu Vũ", lc-bb-yenthanh): a five-syllable name is two names
                names = free
            if names:
                who = names[pick] if len(names) == k else names[0]
                off = nxt.start + nxt.text.find(who.split()[0])
                end = off + len(who)
                if view.text[off:end] != who:
                    # the name's words are spread by tabs or double spaces: keep the span on its first word
                    end = off + len(who.split()[0])
                name = (who, off, end)
                last_index = nxt.index
                break
            if len(t.split()) <= 3 and not t.rstrip().endswith((".", ":", ";", ",")):
                continue  # a signature or stamp read as a short run of letters ("Hưng Ad")
            break
        if name is None:
            continue
        a, b, _ = blocks[pick]
        tstart = ln.start + ln.text.find(row_text[a:b].split()[0]) if row_text[a:b] == ln.text[a:b] else ln.start
        title = " / ".join(titles[pick])
        found.append(Row((title, tstart, tstart + len(row_text[a:b]) if view.text[tstart : tstart + len(row_text[a:b])] == row_text[a:b] else tstart),
                         name, k, ln.index, last_index, blocks[pick][2]))
    if not found:
        return None
    makers = [r for r in found if r.maker]
    if makers:
        return makers[0]
    # the signatures are the last run of rows (a row within a few lines of the one before): a
    # body line that looks like a row ("ĐẠI DIỆN SỞ CÔNG THƯƠNG" above a name in the list of
    # participants) comes before them; the first row of that run signs first
    k = len(found) - 1
    while k > 0 and found[k].first_line - found[k - 1].last_line <= 4:
        k -= 1
    return found[k]
