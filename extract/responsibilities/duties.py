"""Reading the duty parts: items, sentences and clauses, who is told to do what, and the output items.

Owns `find_responsibilities(text) -> (responsibilities, bodies per item)`: each numbered or dashed item is split into
sentences and clauses; a clause that starts with a list of bodies names its subjects, one that does not inherits the
subjects of its item, of the item's heading ("1. Đối với các phòng ...") or of the sentence that announced the items
("... yêu cầu X thực hiện một số nội dung sau:"); bodies asked ("đề nghị X"), sent a file ("gửi X để xem xét") or told
("thông báo cho X được biết, thực hiện") get the duty that follows. Also `team_members` and `listed_departments`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from vnplan.bodies import other_heads, canonical_body, fold, loose_fold, near, same_body, squash
from vnplan.models import Responsibility
from vnplan.responsibilities.parts import ASKS_ONLY, implementation_parts
from vnplan.responsibilities.names import (
    BodyList, Tok, _BODY_WORDS, _FIELD_LINE, _KNOWN_NAMES, _LEX, _PRED_PROPER, _PRED_TUPLES, _enterprise_end,
    _full_enterprise, _phrase_at, _resolve, _spelt_as, _words, aliases, is_head, is_predicate, known_names,
    parse_bodies, position_at, tokens
)
from vnplan.responsibilities.roles import (
    Assignment, _ADVERBS, _DECIDING, _DUTY_MARKERS, _MONITOR, _OPENINGS, _later_report, _skip_adverbs, _task,
    classify
)


# ---------------------------------------------------------------- reading a part

# Bullets as OCR reads them too: "_", "–", "—", "=" for "-".
_ITEM_START = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?:(?P<num>Điều[ \t]+\d+[ \t]*[.:]|(?:\d+\.)+\d*|[a-zđ]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|\d{1,2})\)\.?)|(?P<dash>[-+•_–—=~]))[ \t]*(?=\S)")
# Lines are also started by a page break ("\f"). An item a scan glued to the end of the line before: "... Xã hội.- Phối hợp với ...", "... bền vững.2. Ủy ban ...".
_GLUED_ITEM = re.compile(r"(?<=[^\W\d_][.;])[ \t]*(?:(?P<num>\d+\.)|(?P<dash>[-–—]))[ \t]*(?=[A-ZĐ])")
# A full stop may carry a footnote mark glued to it, or the page's number after a page break ("... có thẩm quyền.\f3\nSau
# khi ...", lc-cv-2826).
# Not after a person's title ("ông. Đỗ Quang Nhõn" with an OCR speck, "TS. Nguyễn ...", bct-qd-26).
_SENTENCE_BREAK = re.compile(r"(?<![Oo]ng)(?<![ÔôBb][nà])(?<![ÔôBb]ng)(?<!TS)(?<!GS)(?<!ThS)\.\s+(?=[A-ZĐÀ-Ỹ])|(?<=[^\W\d_])\.[ \t]*\f?[ \t]*\d{1,3}\s+(?=[A-ZĐÀ-Ỹ])|\./\.|:\s+|\n[ \t]*\n(?=[ \t]*[A-ZĐÀ-Ỹ])")
# A line break before a capital ends a sentence when the line before it is a heading (short, without a word that
# needs what follows): "1. Về phổ biến Văn bản quy phạm pháp luật mới\nĐề nghị các Sở, ngành ..." (Công văn items
# whose heading line has no colon, lc-cv-hoachat).
_LINE_BREAK = re.compile(r"\n(?=[ \t]*[A-ZĐÀ-Ỹ])")
# A line that cannot end a sentence or a heading: it ends with a hyphen, a comma or a word that needs what follows.
_CONTINUES = re.compile(r"(?:[-–,]|(?<!\w)(?:voi|va|cua|cac|cho|ve|de|theo|tai|trong|tu|den|nhung|hoac|qua|chu tri|phoi hop|tham muu))[ \t]*\Z")
_FULL_LINE = 60
# The small words of `_CONTINUES` as they are spelt: the folded match must be one of these in the text.
_SMALL_WORDS = {"voi": ("với",), "va": ("và",), "cua": ("của",), "cac": ("các",), "cho": ("cho",), "ve": ("về",), "de": ("để",),
                "theo": ("theo",), "tai": ("tại",), "trong": ("trong",), "tu": ("từ",), "den": ("đến",), "nhung": ("những",),
                "hoac": ("hoặc",), "qua": ("qua",)}


def _in_parentheses(text: str, start: int, at: int) -> bool:
    """`at` is inside a parenthesis opened on its line."""
    line_start = max(start, text.rfind("\n", 0, at) + 1)
    before = text[line_start:at]
    return before.count("(") > before.count(")")


def _continues(text: str, folded: str, start: int, at: int) -> bool:
    """The line ending at `at` runs on past the blank line after it: it ends with a word that needs what follows,
    or it is a full line of a paragraph (a heading is short) without a closing mark."""
    m = _CONTINUES.search(folded, max(start, at - 12), at)
    if m and text[m.start() : m.end()].strip().lower() in _SMALL_WORDS.get(m.group().strip(), (text[m.start() : m.end()].strip().lower(),)):
        return True  # "tư" (Nhà đầu tư) is not "từ" (lc-qd-2463)
    line_start = text.rfind("\n", start, at) + 1 or start
    line = text[max(line_start, start) : at].rstrip()
    return len(line) >= _FULL_LINE and line[-1:] not in ".:;!?"


def _opens_with_verb(text: str, folded: str, at: int) -> bool:
    """The line at `at` opens with a duty verb in sentence case ("Tăng cường giám sát ...", "Chủ trì, phối hợp ..."): a new
    sentence, so the long line before it was a heading ("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính
    trị - xã hội tỉnh" over its paragraph), not a line a scan wrapped mid-sentence."""
    before = text[max(0, at - 40) : at].rstrip().rsplit(None, 1)[-1:] or [""]
    if not before[0][:1].islower() or _CONTINUES.search(folded[max(0, at - 40) : at].rstrip()):
        return False  # "... với Ban\nChỉ đạo", "... theo\nHướng dẫn của ...": the capital goes on a name the line began
    line_end = text.find("\n", at)
    toks = tokens(text, folded, at, line_end if line_end >= 0 else len(text))[:4]
    if not toks or not toks[0].text[:1].isupper():
        return False
    return is_predicate([Tok(toks[0].text.lower(), toks[0].fold, toks[0].start, toks[0].end)] + toks[1:], 0)


_CLAUSE_BREAK = re.compile(r";|,\s*(?=đồng thời|dong thoi)")
_SUBJECT_PREFIX = re.compile(r"^\s*(?:giao|de nghi|yeu cau|doi voi)\s+")


@dataclass
class Item:
    start: int
    end: int
    dash: bool
    subjects: list[tuple[int, int]] = field(default_factory=list)
    letter: bool = False  # "a)", "b)": under a numbered heading ("2. Giám đốc Sở Công Thương:"), it inherits its body


def _items(text: str, folded: str, start: int, end: int) -> list[Item]:
    marks = []
    for m in _ITEM_START.finditer(text, start, end):
        if m["dash"] and not text[m.end() : m.end() + 1].isupper():
            continue  # "... các tổ chức chính trị\n- xã hội": a line broken at a hyphen
        marks.append((m.start(), m.end(), bool(m["dash"])))
    for m in _GLUED_ITEM.finditer(text, start, end):
        if m["num"] and m["num"] != "1." and not any(text[a:b].strip().rstrip(".").isdigit() for a, b, _ in marks):
            continue  # a glued number only among numbered items
        marks.append((m.start(), m.end(), bool(m["dash"])))
    marks.sort()
    items = []
    if not marks or marks[0][0] > start:
        items.append(Item(start, marks[0][0] if marks else end, False))
    for k, (s, body_start, dash) in enumerate(marks):
        e = marks[k + 1][0] if k + 1 < len(marks) else end
        items.append(Item(body_start, e, dash, letter=bool(re.match(r"[ \t]*(?:[a-zđ]\)|\([ivx\d]+\))", text[s:body_start]))))
    return items


# A member of a team named by person (lc-qd-kthoachat, lc-bb-yenthanh): "1. Ông: Hoàng Văn Thuân - Phó Giám đốc
# Sở Công Thương, Trưởng đoàn;", "- Bà Nguyễn Thị Loan - Chuyên viên ..., Thư ký".
_MEMBER = re.compile(
    r"(?m)^[ \t]*(?:\d+[.)]|[-+•])?[ \t]*(?:Ông|Bà|Ông/Bà|Đ/c|Đồng chí)[ \t]*:?[ \t]*"
    r"(?P<name>[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,4})[ \t]*[-–:,][ \t]*(?P<role>[^\n]*)"
)


# "Giám đốc các Sở, ngành: Tài chính, Xây dựng, ..., Công an tỉnh, Thanh tra tỉnh" in a decision's closing article
# (lc-qd-2463, lc-qd-2336): each name is a Sở unless it carries its own head.
_SO_LIST = re.compile(r"(?:Giám\s+đốc|Thủ\s+trưởng)\s+các\s+[Ss]ở(?:\s*,\s*(?:ban,\s*)?ngành)?\s*:\s*(?P<names>[^;:.]+?)(?=\s*;|\s+(?:có|chịu)\s+trách)")
_OWN_HEADS = re.compile(r"(?:Ban|Công an|Thanh tra|Trưởng|Cục|Chi cục|Kho bạc|Bộ|Văn phòng|Trung tâm|Đài|Báo)\b")


# Names of departments and ministries that hold a comma ("Văn hóa, Thể thao và Du lịch"): one piece of a list.
_COMMA_NAMES = _LEX["comma_names"]["words"]
_NAME_PIECE = re.compile(r"(?:" + "|".join(r"\s*" + r",?\s+".join(re.escape(w) for w in n.split()).replace(r"\,", ",")
                                           for n in _COMMA_NAMES) + r")(?=\s*(?:,|$))|[^,]+", re.I)


def listed_departments(text: str) -> list[Responsibility]:
    """The departments named after "Giám đốc các Sở, ngành:", each told to carry out the decision."""
    out = []
    for m in _SO_LIST.finditer(text):
        pos = m.start("names")
        for piece in _NAME_PIECE.finditer(m["names"]):
            name = squash(piece.group())
            start = pos + piece.start() + (len(piece.group()) - len(piece.group().lstrip()))
            if not name or not name[:1].isupper():
                continue
            body = canonical_body(name if _OWN_HEADS.match(name) else "Sở " + name)
            out.append(Responsibility(text=text[start : start + len(piece.group().strip())], start=start,
                                      end=start + len(piece.group().strip()), body=body, role="implement"))
    return out


def team_members(text: str) -> list[Responsibility]:
    """Members of an inspection or working team: the head ("Trưởng đoàn") leads, the others implement."""
    out = []
    for m in _MEMBER.finditer(text):
        described = fold(m["role"])
        head = re.search(r"(?<!pho )truong doan", described) is not None
        out.append(Responsibility(text=m["name"], start=m.start("name"), end=m.end("name"), body=m["name"],
                                  role="lead" if head else "implement", task=squash(m["role"]).strip(" ;.,") or None))
    return out


def find_responsibilities(text: str, folded: Optional[str] = None, skip: list[tuple[int, int]] = (),
                          sections=()) -> tuple[list[Responsibility], list[tuple[int, int, list[str]]]]:
    """Responsibilities, and the bodies named in each item (for deadlines' `responsible`)."""
    folded = folded if folded is not None else fold(text)
    folded = loose_fold(text)  # verbs and heads read through OCR digits ("c6 trách nhiệm", "t6 chức")
    token = _KNOWN_NAMES.set(known_names(text, folded, aliases(text)))
    try:
        return _find_responsibilities(text, folded, skip, sections)
    finally:
        _KNOWN_NAMES.reset(token)


def _find_responsibilities(text, folded, skip, sections):
    so_lists = list(_SO_LIST.finditer(text))
    assignments: list[Assignment] = []
    item_bodies: list[tuple[int, int, list[tuple[int, int]]]] = []
    sentence_no = 0
    carried: list[tuple[int, int]] = []  # a lead-in's "yêu cầu X thực hiện ... sau:" owns the next part's items
    for p_start, p_end, closing in implementation_parts(text, folded, sections):
        heading_subjects: list[tuple[int, int]] = []
        part_subjects, carried = carried, []
        for item in _items(text, folded, p_start, p_end):
            sub = item.dash or item.letter
            inherited = heading_subjects if sub else []
            named: list[tuple[int, int]] = []
            pos = item.start
            sentences = []
            breaks = sorted(list(_SENTENCE_BREAK.finditer(text, pos, item.end)) + list(_LINE_BREAK.finditer(text, pos, item.end)),
                            key=lambda m: m.start())
            for m in breaks:
                if m.start() < pos:
                    continue
                if m.group().startswith(":") and _in_parentheses(text, item.start, m.start()):
                    continue  # "Cục Hóa chất (mã số: 112166) trong thời hạn ..." (bct-qd-26): an aside, not a field's label
                if m.group().startswith(":") and any(d.start() <= m.start() < d.start("names") for d in so_lists):
                    continue  # "Giám đốc các Sở, ngành: Tài chính, ..." is one list of the sentence's subjects (lc-qd-2463)
                if m.group().startswith("\n") and _continues(text, folded, item.start, m.start()) \
                        and not _FIELD_LINE.match(text, m.end()) and not _opens_with_verb(text, folded, m.end()):
                    continue  # a scan's blank line inside a sentence: "phối hợp với\n\nPhòng Nội vụ", "Sở Lao động -\n\nThương binh"
                if m.re is _LINE_BREAK and (text[max(item.start, text.rfind("\n", 0, m.start()) + 1) : m.start()].rstrip()[-1:] in (".", ";", ":", "")
                                            or not text[m.end() : m.end() + 1].isupper()):
                    # the sentence already ended there, or the line before is blank (a blank line is `_SENTENCE_BREAK`'s
                    # and `_continues`' call); a small letter goes on ("À-Ỹ" spans small letters too)
                    continue
                sentences.append((pos, m.start()))
                pos = m.end()
            sentences.append((pos, item.end))
            whole_item_is_subject = False
            listed = False  # the sentence before ended with a colon and said no duty: this one is its list, not a duty
            announced: list[tuple[int, int]] = []  # bodies whose duties a colon announced
            for s_start, s_end in sentences:
                sentence_no += 1
                given = inherited or named or heading_subjects if sub else (named or inherited)
                if item.letter and named:
                    # a lettered item that names its own body ("b) Hội Liên hiệp Phụ nữ tỉnh: Vận động ...") gives the rest
                    # of the item to that body, not to the one the lettered item before it named
                    given = named
                # a dash under a heading that names its bodies ("1. Sở Tài chính" / "yêu cầu Công ty X:") is a duty whatever
                # its verb; a sentence running on after one that named its subject must show a verb of duty
                listed_under = bool(sub and inherited)
                if not given and part_subjects:
                    given, listed_under = part_subjects, True
                if listed and text[s_start : s_start + 1].islower():
                    given = []  # "... có thể bao gồm ... các công việc sau: kiểm tra, quan trắc, ..." (a footnote quoting a law, lc-cv-2826)
                if announced:
                    given, listed_under = announced, True  # "..., Nhà đầu tư nghiêm túc thực hiện: (i) Báo cáo ..." (lc-qd-2463)
                subj, roles = _read_sentence(text, folded, s_start, s_end, given, closing, skip, listed_under)
                listed = text[s_end : s_end + 1] == ":" and not roles and subj is None
                if text[s_end : s_end + 1] == ":" and not roles and subj is not None and subj["spans"] and not subj.get("heading"):
                    announced = subj["spans"]
                    if subj.get("announces") and not sub:
                        part_subjects = announced  # "... yêu cầu X thực hiện một số nội dung sau:" owns the items after it
                        if closing == ASKS_ONLY and not text[s_end + 1 : p_end].strip():
                            carried = announced
                if subj is not None and subj.get("heading"):
                    whole_item_is_subject = True
                if subj is not None and subj["spans"]:
                    named = subj["spans"]
                for span, role, task in roles:
                    assignments.append(Assignment(span, role, task, sentence_no))
            if item.letter:
                if whole_item_is_subject:
                    heading_subjects = named  # "a) Đối với các sở, ngành:" heads the dashes under it
            elif not item.dash:
                heading_subjects = named if (whole_item_is_subject or named) else []
            item_bodies.append((item.start, item.end, named or inherited))
    items = [r for r in _to_items(text, assignments)
             if not any(m.start() <= r.start < m.start("names") for m in _SO_LIST.finditer(text))]  # "Giám đốc các Sở, ngành:" heads a list
    members = [r for r in team_members(text) + listed_departments(text) if not any(i.start <= r.start < i.end for i in items)]
    return sorted(items + members, key=lambda r: r.start), [(s, e, [canonical_body(text[a:b]) for a, b in spans]) for s, e, spans in item_bodies]


_ASKING = [("de", "nghi"), ("yeu", "cau"), ("doi", "voi")]
# Words before the bodies a sentence or heading is about ("Giao Sở ...", "1. Trách nhiệm của chủ đầu tư", "2. Các điều
# kiện đối với nhà đầu tư thực hiện dự án"): data, with their why, in the lexicon.
_SUBJECT_LEADS = sorted((tuple(p.split()) for p in _LEX["subject_leads"]["words"]), key=len, reverse=True)


def _strip_prefixes(text: str, folded: str, toks: list[Tok], skip: list[tuple[int, int]]) -> int:
    i = 0
    while i < len(toks):
        t = toks[i]
        span = next(((a, b) for a, b in skip if a <= t.start < b), None)
        if span is not None:  # a time expression heading the sentence: "Năm 2018", "Trước ngày 10/11 hằng năm,"
            while i < len(toks) and toks[i].start < span[1]:
                i += 1
            while i < len(toks) and toks[i].text in (",", ":"):
                i += 1
            continue
        if _phrase_at(toks, i, _SUBJECT_LEADS):
            p = _phrase_at(toks, i, _SUBJECT_LEADS)
            if is_head(toks, i + len(p), True):
                return i + len(p)
        if i == 0 and is_head(toks, 2, True) and any(near(" ".join(_words(toks, 0, 2)), " ".join(p)) for p in _ASKING):
            return 2  # "Độ nghị Ủy ban ...": "Đề nghị" one OCR slip off, before a body
        if _words(toks, i, 2) == ("can", "cu") and t.text[:1].isupper():
            k = next((k for k in range(i, len(toks)) if toks[k].text == ","), None)
            if k is not None:
                i = k + 1
                continue
        break
    return i


def _sent_to(toks: list[Tok], first: int, any_role: bool = False) -> list[tuple[tuple[int, int], str, str]]:
    """The bodies a thing is sent to, and what they are to do with it, from token `first` on.

    "... về Ban Thi đua - Khen thưởng, Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh" (seeds); "... gửi Sở Công thương, Ban
    Quản lý Khu kinh tế, UBND xã ... để theo dõi, quản lý", "trao đổi ngay với Bộ Chỉ huy quân sự tỉnh và các cơ quan chức
    năng của địa phương để cùng phối hợp giải quyết" (lc-qd-2463, lc-gcn-banqua). A decision's closing lines "Gửi cho Kho
    bạc Nhà nước Khu vực I để thu tiền phạt", "Gửi cho Sở Công Thương để biết và phối hợp" (bct-qd-26; Nghị định
    118/2021 form of a sanction decision) start the sentence (`first` 0): there the duty may be any ("implement"); inside a
    sentence only watching, reporting or working with count. "để biết" alone is no duty.
    """
    roles = []
    if first == 0:  # a closing line's last word keeps its full stop ("để biết.", "phối hợp."): read it without
        toks = [Tok(t.text, t.fold[:-1], t.start, t.end) if t.fold[-1:] == "." and t.fold[:1].isalpha() else t for t in toks]
    for k in range(first, 1 if first == 0 else len(toks)):
        if toks[k].fold in ("ve", "qua", "gui", "voi", "den") and toks[k].text.lower() in ("về", "qua", "gửi", "với", "đến"):
            q = k + 1 + (1 if _words(toks, k + 1, 1) == ("cho",) else 0)
            objects = parse_bodies(toks, q, True)
            if not objects or _words(toks, objects.end_token, 1) != ("de",):
                continue
            at = objects.end_token + 1 + (1 if _words(toks, objects.end_token + 1, 1) == ("cung",) else 0)
            again = parse_bodies(toks, at, True)
            if again is not None and len(again.spans) == 1 and again.end_token - at <= 2:
                at = again.end_token  # "về Sở Công Thương để Sở tiếp nhận, xem xét" (lc-cv-2826): the same body again
            elif _words(toks, at, 1) == ("duoc",) and _phrase_at(toks, at + 1, _ACTING_ON_A_FILE):
                at += 1  # "gửi Sở Công Thương để được xem xét, có ý kiến" (lc-cv-2826): the sender is to be answered
            acts = _phrase_at(toks, at, _ACTING_ON_A_FILE) is not None
            if _words(toks, at, 1) == ("biet",):
                if _words(toks, at + 1, 3) != ("va", "phoi", "hop"):
                    continue
                at += 2
            if _words(toks, at, 2) == ("tong", "hop"):
                sent_role = "report"
            else:
                sent_role, _ = classify(toks, at)
                if sent_role is None or (first > 0 and not any_role and not acts
                                         and sent_role not in ("monitor", "coordinate", "lead", "advise")):
                    continue
            for span in objects.spans:
                roles.append((span, sent_role, _task(toks, at)))
                if _later_report(toks, at):
                    roles.append((span, "report", _task(toks, at)))
            if sent_role == "lead":
                # "... đến Sở Công Thương để chủ trì, phối hợp với cơ quan liên quan xem xét, ..., báo cáo UBND tỉnh" (lc-pc-466)
                for pk in range(at, len(toks)):
                    if _words(toks, pk, 3) == ("phoi", "hop", "voi"):
                        helpers = parse_bodies(toks, pk + 3, True)
                        for span in helpers.spans if helpers else []:
                            roles.append((span, "coordinate", _task(toks, helpers.end_token)))
                        break
    return roles


# What an authority does with a file sent to it ("gửi Sở Công Thương để được xem xét, có ý kiến", "về Sở ... để Sở tiếp nhận,
# xem xét", lc-cv-2826): a duty of the body sent to, inside a sentence too.
_ACTING_ON_A_FILE = sorted((tuple(p.split()) for p in _LEX["acting_on_a_file"]["words"]), key=len, reverse=True)


def _informed(toks: list[Tok], q: int) -> list[tuple[tuple[int, int], str, str]]:
    """From token `q`: "(cho|để|tới) <bodies> (được) biết, <verb> ..." — the bodies told, and what they are to do (nothing
    if only to know). Nghị định 30/2020 Phụ lục I: the closing of a Công văn or Thông báo names whom it is for."""
    purpose = _words(toks, q, 1) == ("de",)
    if _words(toks, q, 1) in (("cho",), ("de",), ("toi",), ("den",)):
        q += 1
    objects = parse_bodies(toks, q, True)
    if objects is None or objects.end_token >= len(toks):
        return []
    at = objects.end_token + (1 if _words(toks, objects.end_token, 1) == ("duoc",) else 0)
    if _words(toks, at, 1) == ("biet",):
        at += 1
        while at < len(toks) and (toks[at].text in (",", "và") or toks[at].fold == "va"):
            at += 1
        if at >= len(toks):
            return []
    elif not purpose or not is_predicate(toks, at):
        return []  # "thông báo cho Ủy ban nhân dân các cấp nơi có mỏ trước khi thực hiện" (lc-cv-snnmt-dcks) tells, asks nothing
    role, at = classify(toks, at)
    if role is None:
        return []
    return [(span, role, _task(toks, at)) for span in objects.spans]


def _for_whom(toks: list[Tok]) -> list[tuple[tuple[int, int], str, str]]:
    """"... để <bodies> <verb>" in a closing paragraph ("để Quý Sở nghiên cứu, thực hiện", bct-cv-1178)."""
    for k in range(1, len(toks) - 2):
        if toks[k].text == "để":
            found = _informed(toks, k)
            if found:
                return found
    return []


# The writer tells ("Sở Công Thương thông báo cho Công ty ... được biết, tổ chức thực hiện", lc-tb-ngoinhu; "Sở Công Thương
# phúc đáp để Công ty Cổ phần Mông Sơn biết, thực hiện", lc-cv-2826): the duty is the addressee's, not the writer's.
_TELLING = [("thong", "bao"), ("phuc", "dap"), ("tra", "loi")]


def _item_letter(text: str, tok: Tok) -> bool:
    """The token is a lettered item's mark: "i.", and "a)", whose bracket the tokens leave out (a letter followed by ")" in the
    text: "b) Hội Liên hiệp Phụ nữ tỉnh: Vận động ...", the lettered tasks of a plan's organisation part)."""
    return bool(re.fullmatch(r"[a-zđ]\)|[ivx]+\.?", tok.text)
                or (re.fullmatch(r"[a-zđ]|[ivx]+", tok.text) and text[tok.end : tok.end + 1] == ")"))


def _after_field_label(text: str, folded: str, at: int) -> bool:
    """The sentence at `at` follows "<label>:" on its line, and the label is not a body ("2. Bộ Công Thương: Chủ trì ..."
    gives its duties to the body; "Địa chỉ thường trú: phường ..." is a field of an identity block, lc-qd-2463)."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip()
    if not before.endswith(":") or text[:line_start].rstrip()[-1:] not in (".", ";", ":", ""):
        return False  # "... Nhà đầu tư nghiêm\ntúc thực hiện: (i) Báo cáo ...": a running sentence, not a field
    toks = tokens(text, folded, line_start, line_start + len(before) - 1)
    if len(toks) > 14 or _asked_at(toks, 0, text) is not None:
        return False  # "- Khi triển khai thi công, yêu cầu nhà thầu thi công: (1) Lập ..." asks; it is no field (appraisal notices)
    k = 0
    while k < len(toks) and not toks[k].fold[:1].isalpha():
        k += 1  # the item's mark: "2.", "-", "a)"
    if k < len(toks) and _item_letter(text, toks[k]):
        k += 1
    k = _strip_prefixes(text, folded, toks[k:], []) + k
    return parse_bodies(toks, k, True) is None and not is_predicate(toks, k) and not _phrase_at(toks, k, _ADVERBS)


_FIELD_LABELS = sorted((tuple(p.split()) for p in _LEX["field_labels"]["words"]), key=len, reverse=True)


def _field_value(text: str, folded: str, at: int) -> bool:
    """The sentence at `at` is the value of a field on its line ("- Chủ đầu tư: Ban Quản lý dự án ...", "13. Hình thức tổ
    chức quản lý dự án được áp dụng: Chủ đầu tư trực tiếp quản lý dự án"): the label names a role or a field of an
    identity or project block; a body named there is identified, not given a duty."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at].rstrip()
    if not before.endswith(":"):
        return False
    toks = tokens(text, folded, line_start, line_start + len(before) - 1)
    if not toks or len(toks) > 14:
        return False
    k = 0
    while k < len(toks) and not toks[k].fold[:1].isalpha():
        k += 1  # the item's mark: "2.", "-", "a)"
    if k < len(toks) and _item_letter(text, toks[k]):
        k += 1
    return _phrase_at(toks, k, _FIELD_LABELS) is not None


def _directed(toks: list[Tok], first: int) -> list[tuple[tuple[int, int], str, str]]:
    """Bodies a duty-holder is told to direct, and what they are to do: "Chỉ đạo Ban quản lý KKT, KCN và các sở, ngành
    liên quan tuân thủ ..." (ttg-ct-07), "có ý kiến chỉ đạo Cục Đăng kiểm Việt Nam và các cơ quan đăng kiểm địa phương tổ
    chức kiểm tra ..." (lc-cv-3686). The bodies must be followed by their verb (not "chỉ đạo các đơn vị." alone)."""
    roles = []
    for k in range(first, len(toks) - 2):
        if _words(toks, k, 2) != ("chi", "dao") or not _spelt_as(toks[k], "chỉ"):
            continue
        objects = parse_bodies(toks, k + 2, True)
        if objects is None or objects.end_token >= len(toks) or not is_predicate(toks, objects.end_token):
            continue
        last = [t.fold for t in toks if objects.spans[-1][0] <= t.start < objects.spans[-1][1]]
        if len(last) <= 3 and last[:1] == ["cac"]:
            continue  # "chỉ đạo các cơ quan tuyên truyền đẩy mạnh ...": the verb may be the end of the name (seed 002)
        role, at = classify(toks, objects.end_token)
        if role is None:
            continue
        for span in objects.spans:
            roles.append((span, role, _task(toks, at)))
    return roles


def _reported_for_decision(toks: list[Tok]) -> list[tuple[tuple[int, int], str, str]]:
    """A submission's "Kính trình Lãnh đạo Sở chấp thuận, báo cáo UBND tỉnh Lào Cai xem xét, phê duyệt ..." (a department's
    Phiếu trình or Tờ trình, Nghị định 30/2020 Phụ lục III): the body the matter is reported up to is asked to decide."""
    if not any(_words(toks, k, 2) == ("kinh", "trinh") for k in range(len(toks))):
        return []
    roles = []
    for k in range(len(toks) - 2):
        if _words(toks, k, 2) != ("bao", "cao") or not toks[k].text[:1].islower():
            continue
        objects = parse_bodies(toks, k + 2, True)
        if objects is None or not _phrase_at(toks, objects.end_token, _ACTING_ON_A_FILE):
            continue
        for span in objects.spans:
            roles.append((span, "implement", _task(toks, objects.end_token)))
    return roles


def _asks_for_list(text: str, toks: list[Tok], k: int, s_end: int) -> bool:
    """"..., tiếp tục yêu cầu các Sở, ban, ngành và địa phương:" (lc-bc-ks2025): the bodies asked run to the colon that
    ends the sentence, and the dashed duties under it are theirs."""
    if text[s_end : s_end + 1] != ":" or _words(toks, k, 2) not in (("yeu", "cau"), ("de", "nghi")):
        return False
    asked = parse_bodies(toks, k + 2, True)
    return asked is not None and asked.end_token >= len(toks)


def _subject_after_opening(toks: list[Tok], i: int) -> Optional[BodyList]:
    """The bodies after an opening phrase and its comma, when a duty follows them: "Quyết định này có hiệu lực ..., các Phó
    tổng giám đốc, các phòng ban trong Công ty chịu trách nhiệm thi hành" (dn-qd-89), "Trong quá trình tồn tại của dự án,
    Nhà đầu tư nghiêm túc thực hiện: ..." (lc-qd-2463), "Sau thời hạn nêu trên, tổ chức, cá nhân ... phải tạm dừng"
    (lc-cv-snnmt-dcks): the Vietnamese sentence puts its time, condition or ground before the subject."""
    if i >= len(toks) or _phrase_at(toks, i, _OPENINGS) is None:
        return None
    for k in range(i + 1, len(toks) - 1):
        if toks[k].text == ";" or (_phrase_at(toks, k, _DUTY_MARKERS) and toks[k].text[:1].islower()):
            return None  # "Sau khi hoàn thành ... phải báo cáo chính quyền địa phương, cơ quan ...": the duty is said, the rest are its objects
        if toks[k].text not in (",", "thì"):
            continue  # "Khi có lệnh của chỉ huy nổ mìn thì thợ mìn thực hiện khởi nổ" (blasting plans): "thì" ends the condition
        found = parse_bodies(toks, k + 1, True)
        if found is None or found.end_token >= len(toks):
            continue
        at = found.end_token
        if _words(toks, at, 2) == ("duoc", "giao") or _words(toks, at, 3) == ("duoc", "phan", "cong"):
            return found  # "Để đạt mục tiêu, Sở ... được giao tham mưu ...": assigned, its duty follows
        if _phrase_at(toks, at, _DUTY_MARKERS) and toks[at].text[:1].islower() or is_predicate(toks, at):
            return found
    return None


_ANNOUNCING = [("thuc", "hien"), ("co", "trach", "nhiem"), ("chiu", "trach", "nhiem"), ("co", "nhiem", "vu")]


def _announces(toks: list[Tok], i: int) -> bool:
    """The predicate from `i` is only "(nghiêm túc) thực hiện", "có trách nhiệm" (with "các nội dung sau", "như sau"): it
    announces the duties listed after its colon."""
    i = _skip_adverbs(toks, i)
    p = _phrase_at(toks, i, _ANNOUNCING)
    if p is None:
        return False
    rest = [t.fold for t in toks[i + len(p) :] if t.text not in ",;"]
    return len(rest) <= 6 and (not rest or rest[-1] in ("sau", "sau:") or rest[:2] == ["nghiem", "tuc"])


def _lists_after(toks: list[Tok], i: int) -> bool:
    """The predicate from `i` ends with "... (các nội dung, nhiệm vụ) sau (đây)" before the sentence's colon: "quán triệt và
    thực hiện các nhiệm vụ sau đây:" (ttg-ct-07), "thực hiện nghiêm túc một số nội dung sau:" (lc-cv-snnmt-dcks). The duties
    are the items listed after it."""
    if _phrase_at(toks, i, [("co", "y", "kien")]):
        return False  # "Sở ... có ý kiến tham gia như sau:" (lc-cv-6791): the writer's own answer follows
    words = [t.fold for t in toks[i:] if t.text not in ",;:"]
    return len(words) <= 14 and (words[-1:] == ["sau"] or words[-2:] == ["sau", "day"])


def _says_a_duty(toks: list[Tok], i: int) -> bool:
    """A sentence without its own subject inherits one only if it has a verb of duty and does not open with a field's
    label: "Bể nước, cát chữa cháy" (a heading of a description), "Diện tích xây dựng 9,0 m2" (dn-qd-89) say no duty."""
    if _phrase_at(toks, i, _FIELD_LABELS) and toks[i].text[:1].isupper():
        return False
    return any(is_predicate(toks, k) or _phrase_at(toks, k, _DECIDING) or (k == i and _phrase_at(toks, k, _PRED_TUPLES))
               or _phrase_at(toks, k, _ADVERBS) for k in range(i, len(toks)))


def _names_a_thing(toks: list[Tok], i: int) -> bool:
    """The sentence opens with a proper name or an address, not a verb: "Tầng 24, Tòa nhà Intracom, ..." (the value of an
    address field, dn-qd-89), "Đỗ Thanh Hà" (a signer's name, bct-cv-logistic). It inherits no duty-holder."""
    if i + 1 >= len(toks) or not toks[i].text[:1].isupper() or _phrase_at(toks, i, _ADVERBS):
        return False
    verb = _phrase_at(toks, i, _PRED_TUPLES)
    if verb and all(_spelt_as(toks[i + k], w) for k, w in enumerate(_PRED_PROPER.get(verb) or ())):
        return False  # "Tầng 24" is not "tặng"
    nxt = toks[i + 1].text
    return nxt[:1].isdigit() or (nxt[:1].isupper() and nxt[1:2].islower())


# Who petitions rather than assigns: an enterprise or a person asking a public body ("Công ty đề nghị Sở Công Thương hướng
# dẫn ...", the incoming letter a Công văn answers, lc-cv-2826).
_PETITIONERS = {"cong ty", "doanh nghiep", "nha dau", "chu dau", "hop tac", "ong", "ba"}


def _asked_at(toks: list[Tok], s_end: int, text: str) -> Optional[int]:
    """Where the bodies a sentence asks by name start ("... yêu cầu các Sở, ban, ngành và địa phương:", "Đề nghị Bộ ..."), or
    None."""
    for k in range(len(toks) - 2):
        if _words(toks, k, 2) in (("yeu", "cau"), ("de", "nghi"), ("kien", "nghi"), ("kinh", "trinh")) and is_head(toks, k + 2, True) \
                and (k == 0 or toks[k].text[:1].islower()):
            return k + 2
        if toks[k].fold == "giao" and toks[k].text.lower() == "giao" and is_head(toks, k + 1 + (_words(toks, k + 1, 1) == ("cho",)), True):
            return k + 1
    return None


def _asker_after_opening(toks: list[Tok], i: int, k: int) -> bool:
    """The body that asks at `k` is named right after the comma that closes an opening phrase: "Thực hiện Quyết định số
    666/QĐ-TTg ..., UBND tỉnh yêu cầu các sở, ban, ngành ... khẩn trương ...", "Để ..., Chủ tịch UBND tỉnh đề nghị ..." (the
    lead-in of a Công văn đôn đốc, Nghị định 30/2020 Phụ lục I: a letter's grounds, then its ask)."""
    for c in range(k - 1, max(i, k - 12) - 1, -1):
        if toks[c].text == ",":
            at = c + 1
            # a leader speaking for the body ("Phát biểu chỉ đạo, Phó Chủ tịch UBND tỉnh yêu cầu ...", news pages)
            while at < k and toks[at].fold in _LEADER_WORDS:
                at += 1
            asker = parse_bodies(toks, at, True)
            return asker is not None and asker.end_token == k
    return False


# Words of a leader's title before the body it leads: "Phó Chủ tịch UBND tỉnh", "Giám đốc Sở", "Bí thư Tỉnh ủy".
_LEADER_WORDS = set(_LEX["leader_words"]["words"])


def _after_condition(toks: list[Tok], i: int, k: int) -> bool:
    """The ask at `k` follows a condition that opens the sentence: "Trong quá trình triển khai thực hiện, nếu có vướng mắc
    ... đề nghị các đơn vị phản hồi về Sở" (lc-cv-hoachat), "Trường hợp không có nhu cầu tiếp tục gia hạn đề nghị tổ chức,
    cá nhân thực hiện ..." (lc-cv-snnmt-dcks)."""
    return any(t.fold in ("neu", "khi") or (t.fold == "truong" and q + 1 < k and toks[q + 1].fold == "hop")
               for q, t in enumerate(toks[i:k], start=i) if t.text[:1].lower() == t.text[:1])  \
        or (i < len(toks) and toks[i].fold == "truong" and _words(toks, i + 1, 1) == ("hop",))


def _read_sentence(text, folded, s_start, s_end, inherited, closing, skip, listed_under=False):
    toks = tokens(text, folded, s_start, s_end)
    if not toks:
        return None, []
    if closing == ASKS_ONLY:
        asked = _asked_at(toks, s_end, text)
        if asked is None and not inherited:
            return None, []  # an account of what was done, not a request
        closing = False
    i = _strip_prefixes(text, folded, toks, skip)
    # "..., Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành ... triển khai thực hiện": the bodies asked to act
    asking = parse_bodies(toks, i, True)
    asked_mid_sentence = False
    for k in range(i, len(toks)):
        # "<issuer> yêu cầu <bodies> ...", the closing paragraph's "..., yêu cầu <bodies> ...", and a letter's
        # "Để ..., Ủy ban nhân dân tỉnh trân trọng đề nghị Bộ Xây dựng:" (lc-cv-3686): the bodies asked to act
        if not closing and (asking is None or asking.end_token != k) and not _words(toks, k - 2, 2) == ("tran", "trong") \
                and not (k > i and toks[k - 1].text == ",") and not _asks_for_list(text, toks, k, s_end) \
                and not _after_condition(toks, i, k) and not _asker_after_opening(toks, i, k):
            continue
        if toks[k].fold == "giao" and toks[k].text == "giao" and k > i and is_head(toks, k + 1, True) \
                and asking is not None and asking.end_token == k:
            # "UBND tỉnh giao Sở Lao động - Thương binh và Xã hội tham mưu ..." (news pages and plans): the body the
            # issuer assigns is the subject, not the issuer
            i = k + 1
            asked_mid_sentence = True
            break
        if _words(toks, k, 2) in (("yeu", "cau"), ("de", "nghi"), ("kien", "nghi")) and toks[k].text[:1].islower() and is_head(toks, k + 2, True):
            if asking is not None and asking.end_token == k and _words(toks, i, 1)[:1] and " ".join(_words(toks, i, 2)) in _PETITIONERS:
                break  # "Trong đó Công ty đề nghị Sở Công Thương hướng dẫn ..." (lc-cv-2826): an enterprise's petition, told
            i = k + 2
            asked_mid_sentence = True
            break
    subjects = parse_bodies(toks, i, True)
    if subjects is None and not closing:
        subjects = _subject_after_opening(toks, i)
    info = None
    if subjects is not None and _field_value(text, folded, s_start):
        # identified, not given a duty; what the item says next is about it ("1. Nhà đầu tư\nTên doanh nghiệp: Công ty
        # ...\nGiấy chứng nhận đăng ký doanh nghiệp số ...", lc-qd-2463)
        return {"spans": subjects.spans, "heading": False}, []
    if subjects is not None:
        spans = subjects.spans
        i = subjects.end_token
        # "Khi triển khai thi công, yêu cầu nhà thầu thi công: (1) Lập hồ sơ ..." (appraisal notices): the bodies asked
        # before a colon are told the duties after it, not a heading
        info = {"spans": spans, "heading": i >= len(toks) and not (asked_mid_sentence and text[s_end : s_end + 1] == ":")}
        if i >= len(toks):
            return info, []
        if text[s_end : s_end + 1] == ":" and (_announces(toks, i) or _lists_after(toks, i)):
            info["announces"] = True
            return info, []  # "Nhà đầu tư nghiêm túc thực hiện: (i) Báo cáo ..." (lc-qd-2463): the duties follow the colon
    elif closing:
        # "Trong quá trình thực hiện nếu phát hiện ... phải trao đổi ngay với Bộ Chỉ huy quân sự tỉnh ... để cùng phối
        # hợp giải quyết" (lc-gcn-banqua): the bodies worked with, even in a closing paragraph; and the letter's own
        # closing formula, "Trên đây là ý kiến của Cục Hóa chất, gửi Công ty để thực hiện" (bct-cv-logistic), "... để Quý
        # Sở nghiên cứu, thực hiện" (bct-cv-1178): whom it is for, and what they are to do
        # (a closing's "báo cáo ... về UBND tỉnh (qua Ban Thi đua - Khen thưởng) để tổng hợp" names where reports go, the
        # issuer's own office; the seeds' gold gives it no duty, 004)
        sent = [r for r in _sent_to(toks, 1, any_role=_words(toks, 0, 3) != ("trong", "qua", "trinh"))
                if r[1] == "coordinate" or (_words(toks, 0, 3) != ("trong", "qua", "trinh") and r[1] != "report")]
        return None, sent + _for_whom(toks)
    elif text[s_end : s_end + 1] == ":" and i < len(toks) and not is_predicate(toks, i) and not _phrase_at(toks, i, _ADVERBS):
        return None, []  # a field's label ("Chức danh: Tổng Giám đốc.", "Địa chỉ: ..."), not a duty of the body before it
    elif _after_field_label(text, folded, s_start):
        return None, []  # the value of such a field ("Địa chỉ thường trú: phường Hà Đông.")
    else:
        spans = list(inherited) if not _names_a_thing(toks, i) and (listed_under or _says_a_duty(toks, i)) else []
    if not spans:
        # "Thực hiện ..., Văn phòng UBND tỉnh chuyển Văn bản nêu trên đến Sở Công Thương để chủ trì, ..." (lc-pc-466)
        return info, _sent_to(toks, 0) + _sent_to(toks, 1)
    roles: list[tuple[tuple[int, int], str, str]] = _sent_to(toks, 0)
    clause_start = i
    clause_tok_ranges = []
    k = i
    while k < len(toks):
        if toks[k].text == ";" or (toks[k].text == "," and _words(toks, k + 1, 2) == ("dong", "thoi")):
            clause_tok_ranges.append((clause_start, k))
            clause_start = k + 1
        k += 1
    clause_tok_ranges.append((clause_start, len(toks)))
    has_lead = False
    pending: list[tuple[int, int]] = []
    for c_index, (a, b) in enumerate(clause_tok_ranges):
        ctoks = toks[a:b]
        if not ctoks:
            continue
        # a clause that names its own subject ("...; Phòng Nội vụ tổng hợp ...") is read on its own
        own = parse_bodies(ctoks, 0, True) if c_index > 0 else None
        subject_spans = spans
        start_at = 0
        if own is not None and own.end_token >= len(ctoks) and c_index + 1 < len(clause_tok_ranges):
            # "...; Chủ tịch UBND xã Võ Lao; Chủ tịch UBND xã Tằng Loong và Công ty ... có trách nhiệm thi hành":
            # a clause that is only names joins the subjects of the clause after it (lc-qd-2463)
            pending += own.spans
            continue
        if own is not None and own.end_token < len(ctoks):
            subject_spans, start_at = pending + own.spans, own.end_token
        pending = []
        told = _phrase_at(ctoks, _skip_adverbs(ctoks, start_at), _TELLING)
        if told is not None and subject_spans is spans:
            q = _skip_adverbs(ctoks, start_at) + len(told)
            roles += _informed(ctoks, q)
            continue  # the writer's own act of telling is no duty
        role, at = classify(ctoks, start_at)
        if closing and role != "implement" and not (role == "report" and c_index == 0):
            # a closing paragraph asks to carry out, or to report as its one duty ("đề nghị Sở Công thương tổng hợp, báo
            # cáo theo quy định", lc-cv-6791); a plan's closing "...; báo cáo định kỳ ..." after the ask is its routine
            # reporting line, which the seeds' gold does not count (004)
            continue
        if closing and {t.fold for t in ctoks[at:] if t.text not in ",."} <= {"xem", "xet", "tong", "hop", "va", "/"}:
            continue  # a report's "trân trọng đề nghị Bộ ... xem xét, tổng hợp./." hands the report up; no duty (lc-bc-ks2025)
        if role is None:
            continue
        task = _task(ctoks, at)
        if role == "lead":
            has_lead = True
        subject_role = role
        # "phối hợp (chặt chẽ) (với) <bodies> <duty>" anywhere in the clause
        for pk in range(len(ctoks)):
            if _words(ctoks, pk, 2) == ("phoi", "hop") and (ctoks[pk].text[:1].islower() or pk == at):
                q = pk + 2
                tight = _words(ctoks, q, 2) == ("chat", "che")
                if tight:
                    q += 2
                elif _words(ctoks, q + 2, 1) == ("voi",) and not is_head(ctoks, q, True) and all(
                    t.text[:1].islower() and t.text not in ",;:" for t in ctoks[q : q + 2]
                ):
                    tight, q = True, q + 2  # "phối hợp chặt chẽ với" as OCR left it ("phối hợp chữ chế với")
                if _words(ctoks, q, 1) == ("voi",):
                    q += 1
                objects = parse_bodies(ctoks, q, True)
                rest_role = None
                if objects is not None and role == "coordinate" and _words(ctoks, objects.end_token, 2) in (("trong", "viec"), ("trong", "cong")):
                    # "phối hợp với Sở Công Thương trong việc tuyên truyền ...": the task is the named body's, the
                    # subject helps (lc-cv-hoachat)
                    for span in objects.spans:
                        roles.append((span, "implement", _task(ctoks, objects.end_token + 2)))
                    for span in subject_spans:
                        roles.append((span, "coordinate", task))
                    subject_role = None
                    break
                if objects is not None:
                    for span in objects.spans:
                        roles.append((span, "coordinate", _task(ctoks, objects.end_token)))
                    rest = objects.end_token
                    if rest < len(ctoks):
                        if ctoks[rest].text == ",":
                            rest_role, _ = classify(ctoks, rest + 1)
                        elif not tight:
                            rest_role, _ = classify(ctoks, rest)
                if role == "coordinate" and objects is None:
                    # "Ủy ban Kiểm tra Tỉnh ủy ... phối hợp kiểm tra, giám sát": the subject coordinates, and the
                    # verb after it says how (lc-qd-2463)
                    rest_role, _ = classify(ctoks, q)
                    for span in subject_spans:
                        roles.append((span, "coordinate", task))
                        if rest_role not in (None, "implement", "coordinate"):
                            roles.append((span, rest_role, task))
                    subject_role = None
                elif role == "coordinate":
                    subject_role = None
                    if tight:
                        for span in subject_spans:
                            roles.append((span, "coordinate", task))
                    if rest_role:
                        for span in subject_spans:
                            roles.append((span, rest_role, _task(ctoks, objects.end_token) if objects else task))
                elif tight and role != "lead":
                    for span in subject_spans:
                        roles.append((span, "coordinate", task))
                    if rest_role and rest_role != role:
                        for span in subject_spans:
                            roles.append((span, rest_role, task))
                break
        if subject_role is not None:
            if has_lead and subject_role == "implement" and subject_spans is spans:
                if _later_report(ctoks, at - 1):  # "Chủ trì ...; trên cơ sở đó đề xuất ..., báo cáo Thủ tướng" (ttg-ct-07)
                    for span in subject_spans:
                        roles.append((span, "report", task))
                continue
            for span in subject_spans:
                roles.append((span, subject_role, task))
            if subject_role in ("implement", "advise") and any(
                ctoks[k].text == "," and _phrase_at(ctoks, k + 1, _MONITOR) for k in range(at, min(len(ctoks), at + 8))
            ):
                # "Chịu trách nhiệm hướng dẫn, kiểm tra, theo dõi ...", "tham mưu quản lý, giám sát ...": the listed
                # verbs include watching over (lc-gp-2507)
                for span in subject_spans:
                    roles.append((span, "monitor", task))
            if subject_role != "report" and _later_report(ctoks, at):
                # "... chỉ đạo thực hiện tốt chỉ thị này và báo cáo kết quả ...", "..., kịp thời báo cáo Thủ tướng"
                for span in subject_spans:
                    roles.append((span, "report", task))
    roles += [r for r in _sent_to(toks, 1) if not (closing and r[1] == "report")]  # (a closing's report collector: see above)
    roles += _directed(toks, i)
    roles += _reported_for_decision(toks)
    if info is not None and not roles and subjects is not None and _phrase_at(toks, subjects.end_token, [("co", "y", "kien")]):
        info["spans"] = []  # "Sở Công Thương có ý kiến như sau:": the writer speaks; what follows is not its duty
    return info, roles


_TOO_VAGUE = {"van phong", "doan", "so", "bo", "cuc", "phong", "ban", "hoi", "uy ban"}
_QUOTE = re.compile(r"“[^“”]{20,3000}”")  # an opening quote OCR left unclosed does not run on into the next quote


def _one_spelling(a: str, b: str) -> bool:
    """Two spellings of one body: as many words (OCR slips), with or without "các" ("Bộ ngành liên quan"), or the later
    mention leaving out the parent body ("trực thuộc (Sở)"); not "các Bộ, ngành liên quan (khác)", "(các) địa phương"."""
    if other_heads(a, b):
        return False  # "Bộ Lao động - Thương binh và Xã hội" asked in a report's proposals is not its "Sở" (a report's asks)
    wa, wb = (re.findall(r"\w+", fold(x).lower()) for x in (a, b))
    wa, wb = (w[1:] if w[:1] == ["cac"] else w for w in (wa, wb))
    short, long = sorted((wa, wb), key=len)
    return len(wa) == len(wb) or (long[: len(short)] == short and all(w in _BODY_WORDS for w in long[len(short) :]))


def _to_items(text: str, assignments: list[Assignment]) -> list[Responsibility]:
    out: list[Responsibility] = []
    seen: set[tuple[int, str]] = set()
    names: list[str] = []
    known = aliases(text)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    for a in assignments:
        start, end = a.body_span
        if any(qs < start < qe for qs, qe in quotes):
            continue  # duties inside a quoted article are the content of the law quoted, not this document's
        while end > start and text[end - 1] in " \t\n,;:.":
            end -= 1
        cut = text.find("(", start, end)
        if cut > start and text.find(")", cut, end) < 0:
            end = cut  # "Cục Hóa chất (mã số ...": an aside the clause cut open
            while end > start and text[end - 1] in " \t\n,;:.":
                end -= 1
        whole = _enterprise_end(text, start)
        if whole is not None and whole > end:
            end = whole  # "Công ty Cổ phần Khai thác vật liệu xây dựng Miền Bắc": the verb inside is the name's
        if text[start : start + 6].lower() == "người " and position_at(tokens(text[start + 6 : end], fold(text[start + 6 : end]), 0, end - start - 6), 0):
            start += 6  # "người chỉ huy nổ mìn" is the Chỉ huy nổ mìn (blasting plans)
        name = canonical_body(text[start:end])
        if fold(name) in _TOO_VAGUE:
            continue  # "Văn phòng", "Đoàn": a head without its name says nobody in particular
        resolved = _resolve(name, known)
        if resolved != name:
            name = resolved
        elif fold(name) == "cong ty":
            name = _full_enterprise(text, start) or name
        if not name or fold(name) in ("ong", "ba", "cac"):
            continue  # "1. Ông: Hoàng Văn Thuân - ...": the person is read by `team_members`
        if fold(name).startswith("don vi "):  # "..., đơn vị trực thuộc Sở": a class of units, as its siblings
            name = "Các " + name[:1].lower() + name[1:]
        # one spelling per body: OCR variants of a name ("Phòng Nội vu", "Phòng Nội vụ") and a name whose tail a later
        # mention leaves out ("các đơn vị sự nghiệp trực thuộc (Sở)", seed 003) are one; a name with a word more or less
        # inside is written as the document writes it ("các Bộ, ngành và (các) địa phương liên quan", ttg-ct-07)
        same = next((n for n in names if n != name and _one_spelling(n, name) and same_body(n, name)), None)
        if same is not None:
            name = same  # one spelling per body in a document
        elif name not in names:
            names.append(name)
        if (start, a.role) in seen:
            continue
        seen.add((start, a.role))
        out.append(Responsibility(text=text[start:end], start=start, end=end, body=name, role=a.role, task=a.task or None))
    return out
