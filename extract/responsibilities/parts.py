"""Where a document assigns duties: the parts of its body the responsibility reader reads.

Owns `body_parts` (the body without the header: issuer, motto, number and date, title, "Kính gửi" addressees) and
`implementation_parts` (the organisation, schedule, solution and reward parts of a plan; a decision's or Công văn's body
with its lead-in and annexes; a report's proposals, its other parts read for explicit asks only; the closing paragraph),
by the components of Nghị định 30/2020/NĐ-CP.
"""

from __future__ import annotations

import re
from typing import Optional

from vnplan.bodies import fold, loose_fold


# ---------------------------------------------------------------- where to read

# Roman numerals as OCR reads them too: "I11." is III, "Il." is II; a scan may lose the dot before a
# heading in capitals ("II TỔ CHỨC THỰC HIỆN").
_ROMAN = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?P<num>[IVX][IVXl1|]{0,3})(?:\s*\.\s*|[ \t]+(?=[A-ZĐÀ-Ỹ]{2,}[ \t,]+[A-ZĐÀ-Ỹ]{2,}))(?P<head>\S[^\n\f]*)(?=[\n\f]|\Z)")
# "Tổ chức thực hiện", "Tiến độ", "Giải pháp", "Khen thưởng", "Phân công", "Trách nhiệm", and a report's
# "Đề xuất, kiến nghị" (lc-bc-ks2025); not "Tình hình thực hiện trách nhiệm ..." (what was done).
_READ_HEADINGS = re.compile(r"^(?!tinh hinh).*(?:to chuc thuc hien|tien do|giai phap|^khen thuong|phan cong|trach nhiem|de xuat|kien nghi)")
# "Trên đây là ..." also as OCR leaves it ("Trốn đây là", "Tren day 1a").
_CLOSING = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?:(?P<strong>t[a-z]{2,4} day [l1]a\b)|can cu noi dung ke hoach|trong qua trinh (?:to chuc )?thuc hien)")
# A numbered item or article after a weak closing phrase ("Trong quá trình thực hiện nếu phát hiện ..." inside a decision's
# "Tổ chức thực hiện", before "Điều 3. Điều khoản thi hành" and its "2. Đề nghị Ủy ban Kiểm tra Tỉnh ủy ...": provincial
# investment decisions) shows the body goes on: that phrase opened a sentence of an item, not the closing paragraph.
_NUMBERED_AFTER = re.compile(r"(?m)^[ \t]*(?:\d+\s*[.,]\s+[A-ZĐÀ-Ỹ]|Điều\s+\d+|[IVX]+\.\s)")


def _closing(text: str, folded: str, start: int, limit: int):
    """The closing paragraph ("Trên đây là ...", "Trong quá trình thực hiện, nếu có vướng mắc ..."): a weak opening counts
    only when no numbered item or article follows it."""
    stop = _end_of_body(text, folded, start, limit)
    stop = stop.start() if stop else limit
    for m in _CLOSING.finditer(folded, start, limit):
        if m["strong"] or not _NUMBERED_AFTER.search(text, m.end(), max(m.end(), stop)):
            return m
    return None
# Where the body ends: "Nơi nhận" (also as OCR leaves it: "Xới nhận:"), a letter's "Trân trọng" (Nghị định 30/2020 Phụ lục
# I, the closing of a Công văn; bct-cv-813), and an e-office submission slip ("PHIẾU TRÌNH") filed after the document
# (bct-cv-logistic): not the document's text.
_END_OF_BODY = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*(?:noi nhan|\w{2,4} nhan[ \t]*:(?=.*\n(?:.*\n){0,2}[ \t]*[-–][ \t]*nhu tren)|tran trong[ .]*(?:/\.)?[ \t]*$|phieu trinh[ \t]*$)")

# The end of a document's content, "./." (Nghị định 30/2020, Phụ lục I: the mark after the last word of the body), at a line's
# end (a scan may leave a speck or a page number after it): a scan whose "Nơi nhận" OCR wrecked ("Nới nhận", "Nơi HHẬN")
# or read after its addressees' dashes still ends there (provincial decisions copied on office scanners).
_END_MARK = re.compile(r"(?m)\./\.?(?=[ \t]*\S{0,4}[ \t]*$)")


class _Stop:
    """The earliest end of the body after a position: "Nơi nhận" (and its kin) or the "./." mark."""

    def __init__(self, at: int):
        self._at = at

    def start(self) -> int:
        return self._at


def _end_of_body(text: str, folded: str, start: int, limit: Optional[int] = None):
    limit = len(text) if limit is None else limit
    ends = [m.start() for m in (_END_OF_BODY.search(folded, start, limit),) if m is not None]
    ends += [m.end() for m in (_END_MARK.search(text, start, limit),) if m is not None]
    return _Stop(min(ends)) if ends else None


# A submission to the writer's leaders, by its type line (Nghị định 30/2020 Phụ lục III: "Tờ trình"; a department's e-office
# "Phiếu trình giải quyết công việc", lc-pt-* kind): its heading in the document's first lines.
_SUBMISSION = re.compile(r"(?m)^[ \t]*(?:phieu trinh|to trinh)\b")


# The attendance part of minutes ("A. THÀNH PHẦN ĐOÀN LÀM VIỆC", "I. THÀNH PHẦN THAM DỰ": Nghị định 30/2020 Phụ lục III, the
# form of a Biên bản; inspection minutes of Sở Công Thương) runs to the next heading of the same kind ("B. NỘI DUNG KIỂM TRA").
_ATTENDANCE = re.compile(r"(?m)^[ \t]*(?P<mark>[A-Z]|[IVX]+)\.[ \t]*TH[AÀ]NH PH[AÂẦ]N\b")
_NEXT_HEADING = re.compile(r"(?m)^[ \t]*(?:[A-Z]|[IVX]+)\.[ \t]*[A-ZĐÀ-Ỹ]{2,}")


def _attendance(text: str, folded: str) -> list[tuple[int, int]]:
    spans = []
    for m in _ATTENDANCE.finditer(text):
        nxt = _NEXT_HEADING.search(text, m.end())
        spans.append((m.start(), nxt.start() if nxt else m.end()))
    return spans


_DUTY_LABELS = {"to_chuc_thuc_hien", "tien_do", "giai_phap", "khen_thuong"}
_KINH_GUI = re.compile(r"(?m)^[ \t]*kinh gui\s*:?")
_DECIDES = re.compile(r"(?m)^[ \t]*(?:quyet dinh\s*:|dieu\s+1\s*[.:])")


_MOTTO = re.compile(r"cong hoa xa hoi chu nghia")
_PLACE_DATE_LINE = re.compile(r"(?m)^.*[^\W\d]\s*,\s*ngay\s+\S{0,3}\s*thang\s+\S{0,3}\s*nam\s+(?:19|20)\d\d.*$")


def _after_addressees(folded: str, at: int) -> int:
    """The end of the "Kính gửi:" block that starts at `at`: its line and the dashed addressees under it."""
    pos = folded.find("\n", at)
    previous_ends = bool(folded[at : pos if pos >= 0 else len(folded)].split(":", 1)[-1].strip())
    while pos >= 0:
        nxt = folded.find("\n", pos + 1)
        line = folded[pos + 1 : nxt if nxt >= 0 else len(folded)].strip()
        if line and (line[0] in "-+•" or not previous_ends):
            previous_ends = line[-1:] in ".;" or line[0] not in "-+•"
        elif line:
            return pos + 1
        if nxt < 0:
            break
        pos = nxt
    return len(folded)


def body_parts(text: str, folded: str, sections) -> list[tuple[int, int]]:
    """The spans of the body, without the header (issuer, national motto, number and date, title, "Kính gửi"
    addressees): their bodies are not assigned duties there. A .docx whose header is a table may come out
    with the header after the body: both sides of it are read."""
    if sections:
        return [(sections[0].start, len(text))]
    motto = _MOTTO.search(folded)
    kinh_gui = _KINH_GUI.search(folded)
    decides = _DECIDES.search(folded)
    if motto is None:
        if kinh_gui is not None:
            before = [(0, kinh_gui.start())] if len(folded[: kinh_gui.start()].strip()) > 200 else []
            return before + [(_after_addressees(folded, kinh_gui.start()), len(text))]
        return [(decides.start() if decides else 0, len(text))]
    header_start = folded.rfind("\n", 0, max(0, folded.rfind("\n", 0, motto.start()))) + 1
    header_start = min(header_start, motto.start())
    if kinh_gui is not None and kinh_gui.start() > motto.start():
        body_start = _after_addressees(folded, kinh_gui.start())
    elif decides is not None and decides.start() > motto.start():
        body_start = decides.start()
    else:
        date_line = _PLACE_DATE_LINE.search(folded, motto.start())
        if date_line is not None and date_line.start() - motto.end() > 400:
            date_line = None  # a licence dated at its foot, above the signature (Bộ Công Thương's "Giấy phép" forms)
        body_start = date_line.end() if date_line else folded.find("\n", motto.end()) + 1
    parts = []
    if len(folded[:header_start].strip()) > 200:
        parts.append((0, header_start))
    parts.append((body_start, len(text)))
    return parts


# The kind of a part whose sentences count only when they ask bodies by name ("yêu cầu", "đề nghị", "giao", "kiến nghị").
ASKS_ONLY = "asks"


def implementation_parts(text: str, folded: str, sections=()) -> list[tuple[int, int, bool]]:
    """(start, end, is_closing) of the parts that assign duties.

    The section tree decides: the sections labelled organisation, schedule, solutions or rewards when the
    document has them; otherwise its whole body (a Công văn's requests, a decision's articles), from
    `_body_start` to the closing paragraph ("Trên đây là ...") or "Nơi nhận". Without a section tree, the
    Roman-numeral headings are read as the outline.
    """
    parts: list[tuple[int, int, bool]] = []
    # the body is the larger side of the header (a .docx header table may come out after the body)
    start, limit = max(body_parts(text, folded, sections), key=lambda span: len(folded[span[0] : span[1]].strip()))
    closing = _closing(text, folded, start, limit)
    body_end = closing.start() if closing else limit
    end_of_body = _end_of_body(text, folded, start, limit)
    if end_of_body is not None:
        body_end = min(body_end, end_of_body.start())
    if sections:
        # A plan (Kế hoạch, Chương trình: "I. MỤC ĐÍCH, YÊU CẦU" ... "V. TỔ CHỨC THỰC HIỆN") assigns duties in its
        # organisation, schedule and solution parts; a decision's articles, a Công văn's items, a directive's
        # numbered tasks assign them anywhere in the body.
        plan_like = any(sec.label == "muc_dich_yeu_cau" and re.fullmatch(r"[IVX]+", sec.number or "") for sec in sections)
        duty = [sec for sec in sections if sec.label in _DUTY_LABELS] if plan_like else []
        if plan_like and not duty:  # labels the segmenter left "other": the headings' words decide
            duty = [sec for sec in sections if _READ_HEADINGS.search(loose_fold(sec.heading or "").strip())]
        if not plan_like and any(_READ_HEADINGS.search(loose_fold(sec.heading or "").strip()) and re.fullmatch(r"[IVX]+", sec.number or "")
                                 for sec in sections):
            # a report's "IV. ĐỀ XUẤT, KIẾN NGHỊ" among its "Tình hình ..." parts
            duty = [sec for sec in sections if _READ_HEADINGS.search(loose_fold(sec.heading or "").strip())]
        if duty:
            for sec in duty:
                if sec.start >= body_end:
                    continue
                head_end = text.find("\n", sec.start)
                parts.append((head_end if 0 <= head_end < sec.end else sec.start, min(sec.end, body_end), False))
            if not plan_like:
                # A report's account of what was done ("I. CÔNG TÁC QUẢN LÝ ...") may still ask bodies to act: "Để tiếp tục
                # nâng cao công tác bảo vệ khoáng sản ..., tiếp tục yêu cầu các Sở, ban, ngành và địa phương:\n- Tăng cường
                # ..." (lc-bc-ks2025). Those parts are read for explicit asks only.
                pos = start
                for a, b in sorted((p[0], p[1]) for p in parts):
                    if a > pos:
                        parts.append((pos, min(a, body_end), ASKS_ONLY))
                    pos = max(pos, b)
                if pos < body_end:
                    parts.append((pos, body_end, ASKS_ONLY))
                parts.sort()
        else:
            # A Công văn's lead-in before its first numbered item asks too ("Sở ... yêu cầu các Tổ chức, cá nhân hoạt động
            # khoáng sản ... thực hiện nghiêm túc một số nội dung sau:", lc-cv-snnmt-dcks): the body starts after the
            # header, not at the first section; an annex after "Nơi nhận" ("PHỤ LỤC ... đề nghị Công ty bổ sung ...",
            # bct-cv-logistic) is read as well.
            lead, _ = max(body_parts(text, folded, ()), key=lambda span: len(folded[span[0] : span[1]].strip()))
            if lead < start and not _DECIDES.search(folded, lead, start):
                # the lead-in states grounds and the letter answered; only its explicit asks count
                parts.append((lead, start, ASKS_ONLY))
                closing = _closing(text, folded, lead, limit)
                body_end = min(closing.start() if closing else limit, end_of_body.start() if end_of_body else limit)
            parts.append((start, body_end, False))
            annexes = [sec for sec in sections if sec.start >= body_end and fold(sec.heading or "").lower().startswith("phu luc")]
            if annexes:
                stop = _END_OF_BODY.search(folded, annexes[0].start)
                parts.append((annexes[0].start, stop.start() if stop else len(text), False))
    else:
        heads = [h for h in _ROMAN.finditer(text, start, limit)]
        plan_like = any(loose_fold(h["head"]).strip().startswith("muc dich") for h in heads)
        others = []
        for i, h in enumerate(heads):
            if h.start() >= body_end:
                break
            end = min(heads[i + 1].start() if i + 1 < len(heads) else len(text), body_end)
            if _READ_HEADINGS.search(loose_fold(h["head"]).strip()):
                parts.append((h.end(), end, False))
            else:
                others.append((h.end(), end, ASKS_ONLY))
        if not heads or not parts:
            parts.append((start, body_end, False))
        elif not plan_like:
            parts = sorted(parts + others)  # a report's account parts, read for explicit asks (as with a section tree)
    if closing:
        stop = _end_of_body(text, folded, closing.end())
        parts.append((closing.start(), stop.start() if stop else len(text), True))
    for a, b in _attendance(text, folded):
        # the attendance list of minutes names who was there, not who must act
        parts = [piece for p_start, p_end, kind in parts
                 for piece in ((p_start, min(p_end, a), kind), (max(p_start, b), p_end, kind)) if piece[0] < piece[1]]
    if _SUBMISSION.search(folded[:800]):
        # a submission recounts the writer's own work ("Phòng Quản lý Công nghiệp thẩm định Phương án ...") and asks its
        # leaders to decide ("Kính trình Lãnh đạo Sở chấp thuận, ..."): only its asks are duties
        parts = [(a, b, ASKS_ONLY if c is False else c) for a, b, c in parts]
    return parts
