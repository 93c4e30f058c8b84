"""`vnplan compare`: the right national plan, targets judged by meaning, the citation chain,
subjects, calendar, aligned sections, and reports that stay valid (Markdown tables, JSON schema).

Expected verdicts are written from the gold targets (gold/0*.json, read from the documents) and
the national plans' facts (../shared/reference-facts.md), not from the program's output."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from conftest import CORPUS, GOLD, ROOT, vnplan
from seed_docs import seed_doc, write_batch

from vnplan.compare import NATIONAL, compare_document, render
from vnplan.compare.chain import citation_chain
from vnplan.compare.markdown import cell
from vnplan.compare.targets import compare_targets, judge, type_target
from vnplan.models import LegalReference, Target
from vnplan.models.compare import ComparisonReport, TypedTarget, comparison_json_schema

# reference-facts.md: 000 and 001 and 004 implement 1258 (2016-2020); 002 and 003 implement 666.
EXPECTED = [
    ("000_3e556cf92bc20d53", "1258/QĐ-TTg"),
    ("001_84f5cf27fdea967e", "1258/QĐ-TTg"),
    ("002_5f56e81fd7ba367d", "666/QĐ-TTg"),
    ("003_9339a1d400ca81a3", "666/QĐ-TTg"),
    ("004_771e3ed1f471eaca", "1258/QĐ-TTg"),
]


@pytest.mark.parametrize("doc_id,key", EXPECTED)
def test_auto_chooses_the_national_plan_the_seed_implements(doc_id, key):
    report = compare_document(seed_doc(doc_id), "auto")
    assert report.against.key == key
    assert report.against.source == "summary"
    assert report.chosen_by.startswith("auto:")


def test_national_profiles_come_from_summaries():
    assert all(p.source == "summary" and p.notes for p in NATIONAL.values())
    # reference-facts.md: 1258 has 3 yearly rates and 3 income multipliers; 666 two rates and three shares
    assert sorted(t.measure for t in NATIONAL["1258"].typed_targets) == ["multiplier"] * 3 + ["yearly_change"] * 3
    assert sorted(t.measure for t in NATIONAL["666"].typed_targets) == ["share"] * 3 + ["yearly_change"] * 2


# --- targets typed by meaning: (target as extracted) -> (family, measure, scope, unit)
def _target(text, indicator, direction, value, unit, per=None, value_max=None, by_year=None, scope=None):
    return Target(text=text, start=0, end=len(text), indicator=indicator, direction=direction, value=value, value_max=value_max,
                  unit=unit, per=per, by_year=by_year, scope=scope)


TYPING = [
    # seed 001: a yearly rate of a rate, "%" read as points
    (_target("giảm tỷ lệ hộ nghèo bình quân 3%/năm", "tỷ lệ hộ nghèo", "decrease", 3, "%", per="year"),
     ("poverty_rate", "yearly_change", "whole", "points")),
    # seed 001: a level to reach by 2020, not a change
    (_target("đến năm 2020 tỷ lệ hộ nghèo trên địa bàn tỉnh giảm còn khoảng 11%", "tỷ lệ hộ nghèo", "decrease", 11, "%", by_year=2020),
     ("poverty_rate", "level", "whole", "percent")),
    # seed 001: poor districts and communes
    (_target("các huyện, xã có tỷ lệ hộ nghèo từ 40% trở lên giảm từ 4%/năm trở lên", "tỷ lệ hộ nghèo", "decrease", 4, "%", per="year",
             scope="các huyện, xã có tỷ lệ hộ nghèo từ 40% trở lên"),
     ("poverty_rate", "yearly_change", "poor_areas", "points")),
    # 1258's income goal as a plan would write it
    (_target("thu nhập của hộ nghèo tăng 1,5 lần so với cuối năm 2015", "thu nhập của hộ nghèo", "increase", 1.5, "lần", by_year=2020),
     ("income", "multiplier", "whole", "times")),
    # 666's share of poor districts leaving poverty
    (_target("30% huyện nghèo thoát khỏi tình trạng nghèo", "huyện nghèo thoát khỏi tình trạng nghèo", "reach", 30, "%"),
     ("area_exit", "share", "poor_areas", "percent")),
    # ethnic-minority households (1258, 666)
    (_target("tỷ lệ hộ nghèo dân tộc thiểu số giảm 3-4%/năm", "tỷ lệ hộ nghèo dân tộc thiểu số", "decrease", 3, "%", per="year", value_max=4),
     ("poverty_rate", "yearly_change", "ethnic_minority", "points")),
    # seed 003: an absolute count of households
    (_target("chỉ tiêu năm 2024 giảm 500 hộ nghèo", "hộ nghèo", "decrease", 500, "hộ", by_year=2024),
     ("poor_households", "count", "whole", "hộ")),
    # seed 000: a share of people reaching a status, not a poverty rate
    (_target("100% trẻ em có hoàn cảnh đặc biệt được bảo vệ, chăm sóc", "trẻ em có hoàn cảnh đặc biệt được bảo vệ, chăm sóc", "reach", 100, "%"),
     ("other", "share", "whole", "percent")),
]


@pytest.mark.parametrize("target,expected", TYPING, ids=[t.text[:40] for t, _ in TYPING])
def test_targets_are_typed_by_measure_scope_and_unit(target, expected):
    t = type_target(target)
    assert (t.family, t.measure, t.scope, t.unit) == expected


def _typed(family, measure, value, value_max=None, unit="points", direction="decrease", more_than=False, scope="whole", by_year=None):
    return TypedTarget(family=family, measure=measure, scope=scope, unit=unit, direction=direction, value=value, value_max=value_max,
                       more_than=more_than, indicator=family, by_year=by_year)


JUDGED = [
    (_typed("poverty_rate", "yearly_change", 3), _typed("poverty_rate", "yearly_change", 1, 1.5), "stricter",
     "down 3 points a year against down 1-1.5 points a year: stricter"),
    (_typed("poverty_rate", "yearly_change", 2, 2.5), _typed("poverty_rate", "yearly_change", 1, 1.5), "stricter", None),
    (_typed("poverty_rate", "yearly_change", 0.5), _typed("poverty_rate", "yearly_change", 1, 1.5), "looser",
     "down 0.5 points a year against down 1-1.5 points a year: looser"),
    (_typed("poverty_rate", "yearly_change", 1.2), _typed("poverty_rate", "yearly_change", 1, 1.5), "same", "within the reference's range"),
    (_typed("poverty_rate", "yearly_change", 4, more_than=True), _typed("poverty_rate", "yearly_change", 4), "same", None),
    # 666: "more than 3 points" is not met by exactly 3
    (_typed("poverty_rate", "yearly_change", 3), _typed("poverty_rate", "yearly_change", 3, more_than=True), "looser", None),
    (_typed("income", "multiplier", 2, unit="times", direction="increase"), _typed("income", "multiplier", 1.5, unit="times", direction="increase"),
     "stricter", None),
    # a lower level to reach is the stricter one
    (_typed("poverty_rate", "level", 9, unit="percent", by_year=2020), _typed("poverty_rate", "level", 11, unit="percent", by_year=2020),
     "stricter", None),
]


@pytest.mark.parametrize("plan,ref,verdict,reason", JUDGED)
def test_judging_two_targets_of_one_meaning(plan, ref, verdict, reason):
    got, words = judge(ref, plan)
    assert got == verdict
    if reason:
        assert reason in words


def test_a_level_is_never_judged_against_a_yearly_rate():
    level = type_target(TYPING[1][0])
    out = compare_targets(NATIONAL["1258"].typed_targets, [level], "1258")
    mine = [c for c in out if c.plan is not None]
    assert [c.verdict for c in mine] == ["not_comparable"]
    assert "level to reach" in mine[0].reason and "yearly change" in mine[0].reason


# Per seed, from its gold targets and reference-facts.md: (family, scope, measure of the reference
# target, or of the plan's target when it has no reference counterpart) -> verdict.
GOLD_VERDICTS = {
    "000_3e556cf92bc20d53": {  # 0.5%/year against 1-1.5 points; four 100% goals of its own
        ("poverty_rate", "whole", "yearly_change"): "looser",
        ("poverty_rate", "poor_areas", "yearly_change"): "missing",
        ("poverty_rate", "ethnic_minority", "yearly_change"): "missing",
        ("income", "whole", "multiplier"): "missing",
        ("income", "poor_areas", "multiplier"): "missing",
        ("income", "ethnic_minority", "multiplier"): "missing",
        ("other", "whole", "share"): "extra",
    },
    "001_84f5cf27fdea967e": {  # 3%/year stricter, 4%/year in poor areas same, 11% by 2020 a level
        ("poverty_rate", "whole", "yearly_change"): "stricter",
        ("poverty_rate", "poor_areas", "yearly_change"): "same",
        ("poverty_rate", "ethnic_minority", "yearly_change"): "missing",
        ("income", "whole", "multiplier"): "missing",
        ("income", "poor_areas", "multiplier"): "missing",
        ("income", "ethnic_minority", "multiplier"): "missing",
        ("poverty_rate", "whole", "level"): "not_comparable",
    },
    "002_5f56e81fd7ba367d": {  # no numeric target: every 666 target missing
        ("poverty_rate", "whole", "yearly_change"): "missing",
        ("poverty_rate", "ethnic_minority", "yearly_change"): "missing",
        ("area_exit", "poor_areas", "share"): "missing",
        ("area_exit", "coastal_communes", "share"): "missing",
        ("area_exit", "ethnic_minority_areas", "share"): "missing",
    },
    "003_9339a1d400ca81a3": {  # 0.1-0.2%/year against 1-1.5 points; 500 households and two 100% goals of its own
        ("poverty_rate", "whole", "yearly_change"): "looser",
        ("poverty_rate", "ethnic_minority", "yearly_change"): "missing",
        ("area_exit", "poor_areas", "share"): "missing",
        ("area_exit", "coastal_communes", "share"): "missing",
        ("area_exit", "ethnic_minority_areas", "share"): "missing",
        ("poor_households", "whole", "count"): "extra",
        ("other", "whole", "share"): "extra",
    },
    "004_771e3ed1f471eaca": {  # 2-2.5%/year stricter than 1-1.5 points
        ("poverty_rate", "whole", "yearly_change"): "stricter",
        ("poverty_rate", "poor_areas", "yearly_change"): "missing",
        ("poverty_rate", "ethnic_minority", "yearly_change"): "missing",
        ("income", "whole", "multiplier"): "missing",
        ("income", "poor_areas", "multiplier"): "missing",
        ("income", "ethnic_minority", "multiplier"): "missing",
    },
}
REFERENCE_OF = dict(EXPECTED)


def _table(comparisons) -> dict:
    table = {}
    for c in comparisons:
        t = c.reference or c.plan
        if c.plan is not None and c.reference is None:
            t = c.plan
        table.setdefault((t.family, t.scope, t.measure), set()).add(c.verdict)
    return {k: (v.pop() if len(v) == 1 else v) for k, v in table.items()}


@pytest.mark.parametrize("doc_id", sorted(GOLD_VERDICTS))
def test_gold_targets_judged_as_the_reference_facts_say(doc_id):
    gold = json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))
    fields = set(Target.model_fields)
    plan = [type_target(Target(**{**{k: v for k, v in t.items() if k in fields}, "start": 0, "end": len(t["text"])}))
            for t in gold["targets"]]
    ref = NATIONAL[REFERENCE_OF[doc_id].split("/")[0]]
    assert _table(compare_targets(ref.typed_targets, plan, ref.key)) == GOLD_VERDICTS[doc_id]


@pytest.mark.parametrize("doc_id", sorted(GOLD_VERDICTS))
def test_extracted_targets_judged_as_the_gold_ones(doc_id):
    report = compare_document(seed_doc(doc_id), "auto")
    assert _table(report.targets) == GOLD_VERDICTS[doc_id]
    for c in report.targets:  # every verdict says why, in words
        assert c.reason and (c.verdict not in ("stricter", "looser", "same") or " against " in c.reason)


def test_seed_001_yearly_rate_stricter_and_level_not_compared():
    report = compare_document(seed_doc("001_84f5cf27fdea967e"), "1258")
    by_text = {" ".join(c.plan.text.split()): c for c in report.targets if c.plan is not None}
    rate = next(c for t, c in by_text.items() if "bình quân 3%" in t)
    assert rate.verdict == "stricter" and "3 points a year against down 1-1.5 points a year" in rate.reason
    level = next(c for t, c in by_text.items() if "khoảng 11%" in t)
    assert level.verdict == "not_comparable" and level.reference is None


# --- the citation chain
def _with_refs(doc, refs, period=None):
    meta = doc.metadata.model_copy(update=period or {})
    return doc.model_copy(update={"legal_references": refs, "metadata": meta})


def _ref(doc, key, symbol, doc_type, date, start=0):
    text = doc.text[start:start + 10]
    return LegalReference(text=text, start=start, end=start + len(text), key=key, symbol=symbol, number=key.split("/")[0],
                          doc_type=doc_type, date=date, relation="can_cu")


def test_chain_direct_citation():
    chain = citation_chain(seed_doc("001_84f5cf27fdea967e"))
    assert (chain.status, chain.reaches, [s.key for s in chain.steps]) == ("direct", "1258/QĐ-TTg", ["1258/QĐ-TTg"])


def test_chain_through_a_provincial_plan_read_from_the_citation_words():
    # seed 002 without its direct mention of 666: "Căn cứ Kế hoạch số 2282/KH-UBND ... giai đoạn 2021-2025"
    doc = seed_doc("002_5f56e81fd7ba367d")
    only_2282 = [r for r in doc.legal_references if r.key == "2282/KH-UBND"]
    chain = citation_chain(_with_refs(doc, only_2282))
    assert chain.status == "indirect" and chain.reaches == "666/QĐ-TTg"
    assert [s.how for s in chain.steps] == ["cited", "reference text"]


def test_chain_through_a_plan_of_the_archive():
    district = seed_doc("002_5f56e81fd7ba367d")
    province = seed_doc("001_84f5cf27fdea967e")  # any plan citing 666, standing in for Lai Châu's 2282/KH-UBND
    province = _with_refs(province, [_ref(province, "666/QĐ-TTg", "QĐ-TTg", "Quyết định", "2022-06-02")])
    province = province.model_copy(update={"metadata": province.metadata.model_copy(update={"number": "2282", "symbol": "KH-UBND",
                                                                                             "date": "2022-07-01"})})
    plan = _with_refs(district, [_ref(district, "2282/KH-UBND", "KH-UBND", "Kế hoạch", "2022-07-01")])
    chain = citation_chain(plan, {"2282/KH-UBND": [province]})
    assert chain.status == "indirect" and [s.how for s in chain.steps] == ["cited", "archive"]


def test_a_2021_2025_plan_citing_1258_is_flagged():
    doc = seed_doc("002_5f56e81fd7ba367d")
    wrong = _with_refs(doc, [_ref(doc, "1258/QĐ-TTg", "QĐ-TTg", "Quyết định", "2017-08-21")])
    chain = citation_chain(wrong)
    assert chain.status == "wrong_decision" and chain.expected == "666/QĐ-TTg"
    report = compare_document(wrong, "auto")
    assert report.against.key == "666/QĐ-TTg"
    assert [f.status for f in report.findings if f.aspect == "citation"] == ["flagged"]


# --- calendar and subjects, against the seeds' "Tổ chức thực hiện" and "Tiêu chuẩn" sections
CALENDAR = [
    ("001_84f5cf27fdea967e", {"so_ket": ("same", "sơ kết 2018"), "tong_ket": ("same", "tổng kết 2020")}),
    # "tiến hành sơ kết, rút kinh nghiệm và tổng kết ... vào năm 2020": the year dates the final review
    ("004_771e3ed1f471eaca", {"so_ket": ("undated", "sơ kết"), "tong_ket": ("same", "tổng kết 2020")}),
    # "Năm 2023: ... sơ kết giữa kỳ"; "Năm 2025: ... tổng kết"; 666 names no preliminary review
    ("002_5f56e81fd7ba367d", {"so_ket": ("extra", "sơ kết 2023"), "tong_ket": ("same", "tổng kết 2025")}),
]


@pytest.mark.parametrize("doc_id,expected", CALENDAR)
def test_review_calendar(doc_id, expected):
    report = compare_document(seed_doc(doc_id), "auto")
    got = {c.kind: (c.status, c.plan) for c in report.calendar if c.kind in ("so_ket", "tong_ket")}
    assert got == expected


def test_yearly_report_deadline_in_the_calendar():
    report = compare_document(seed_doc("002_5f56e81fd7ba367d"), "auto")
    reports = [c for c in report.calendar if c.kind == "yearly_report"]
    assert [c.plan_item.date for c in reports] == ["--11-10"]


SUBJECTS = [
    # seed 001 (province) sets criteria for the seven subjects below the province (III.1-7)
    ("001_84f5cf27fdea967e", {"ministries_sectors": "present", "provinces": "not_applicable", "districts": "present",
                              "communes": "present", "villages": "present", "households": "present", "officials": "present",
                              "enterprises": "present"}),
    # seed 004 takes its standards from Quyết định 3630/QĐ-UBND
    ("004_771e3ed1f471eaca", {"ministries_sectors": "by_reference", "provinces": "not_applicable", "districts": "by_reference",
                              "communes": "by_reference", "villages": "by_reference", "households": "by_reference",
                              "officials": "by_reference", "enterprises": "by_reference"}),
]


@pytest.mark.parametrize("doc_id,expected", SUBJECTS)
def test_subjects_of_emulation(doc_id, expected):
    report = compare_document(seed_doc(doc_id), "1258")
    assert {s.subject: s.status for s in report.subjects} == expected


def test_a_subject_left_out_is_missing():
    doc = seed_doc("001_84f5cf27fdea967e")
    # seed 001 without its "7. Đối với các doanh nghiệp, hợp tác xã"
    tieu_chuan = next(s for s in doc.sections if s.label == "tieu_chuan")
    cut = tieu_chuan.model_copy(update={"children": [c for c in tieu_chuan.children if "doanh nghiệp" not in c.heading]})
    doc = doc.model_copy(update={"sections": [cut if s is tieu_chuan else s for s in doc.sections]})
    got = {s.subject: s for s in compare_document(doc, "1258").subjects}
    assert got["enterprises"].status == "missing" and got["households"].status == "present"


SECTIONS = [
    ("001_84f5cf27fdea967e", {"tieu_chuan": ("match", "TIÊU CHUẨN THI ĐUA"), "khen_thuong": ("match", "KHEN THƯỞNG")}),
    # seed 000's rewards are "2. Hình thức khen thưởng" inside its part IV
    ("000_3e556cf92bc20d53", {"tieu_chuan": ("match", None), "khen_thuong": ("match", "Hình thức khen thưởng")}),
    # seed 003 (a department's continuation plan) has neither standards nor rewards
    ("003_9339a1d400ca81a3", {"tieu_chuan": ("missing", None), "khen_thuong": ("missing", None)}),
]


@pytest.mark.parametrize("doc_id,expected", SECTIONS)
def test_sections_the_national_plan_has(doc_id, expected):
    report = compare_document(seed_doc(doc_id), "auto")
    got = {s.label: (s.status, s.plan_heading) for s in report.sections}
    assert set(got) == set(expected)
    for label, (status, heading) in expected.items():
        assert got[label][0] == status and (heading is None or got[label][1] == heading)


# --- a full-text reference: sections aligned, Markdown valid
@pytest.fixture(scope="module")
def full_text_report() -> ComparisonReport:
    ref = seed_doc("004_771e3ed1f471eaca")
    return compare_document(seed_doc("001_84f5cf27fdea967e"), reference_doc=ref)


def test_full_text_reference_is_extracted_by_the_pipeline(full_text_report):
    assert full_text_report.against.source == "full text"
    assert full_text_report.against.period_start == 2017


def test_seed_001_against_004_aligns_purpose_and_organisation(full_text_report):
    aligned = {a.label: a for a in full_text_report.alignments}
    assert {"muc_dich_yeu_cau", "to_chuc_thuc_hien"} <= set(aligned)
    purpose = [(p.plan_text.split()[:3], p.reference_text.split()[:3]) for p in aligned["muc_dich_yeu_cau"].passages]
    assert (["1.", "Mục", "đích"], ["1.", "Mục", "đích:"]) in purpose
    assert (["2.", "Yêu", "cầu"], ["2.", "Yêu", "cầu:"]) in purpose
    assert aligned["to_chuc_thuc_hien"].passages and all(p.score >= 60 for p in aligned["to_chuc_thuc_hien"].passages)
    # 004 has one paragraph of standards (by reference to 3630/QĐ-UBND): 001's seven criteria do not align to it
    assert not aligned.get("tieu_chuan") or not aligned["tieu_chuan"].passages


def _tables(markdown: str) -> list[tuple[int, int, int]]:
    """(source lines, rows parsed, cells per row all equal) of each table, as a CommonMark+GFM parser reads it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    out = []
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            rows, cells, j = 0, set(), i
            while tokens[j].type != "table_close":
                if tokens[j].type == "tr_open":
                    rows += 1
                    n, k = 0, j
                    while tokens[k].type != "tr_close":
                        n += tokens[k].type in ("td_open", "th_open")
                        k += 1
                    cells.add(n)
                j += 1
            first, last = tok.map
            out.append((last - first, rows, len(cells)))
    return out


def test_markdown_tables_have_one_row_per_line(full_text_report):
    md = render(full_text_report, "md")
    tables = _tables(md)
    assert len(tables) >= 5
    for lines, rows, widths in tables:
        assert rows == lines - 1 and widths == 1  # every line a row (the separator aside), every row as wide
    table_lines = [line for line in md.splitlines() if line.startswith("|")]
    assert sum(lines for lines, _, _ in tables) == len(table_lines)


def test_cli_against_a_reference_file_writes_valid_markdown(tmp_path):
    paths = {}
    for doc_id in ("001_84f5cf27fdea967e", "004_771e3ed1f471eaca"):
        paths[doc_id] = tmp_path / f"{doc_id}.json"
        paths[doc_id].write_text(seed_doc(doc_id).model_dump_json(), encoding="utf-8")
    out = tmp_path / "report.md"
    result = vnplan("compare", paths["001_84f5cf27fdea967e"], "--against", paths["004_771e3ed1f471eaca"], "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    md = out.read_text(encoding="utf-8")
    tables = _tables(md)
    assert tables and all(rows == lines - 1 and widths == 1 for lines, rows, widths in tables)
    aligned = [line.split("|")[1].strip() for line in md.split("## Aligned passages")[1].split("##")[0].splitlines() if line.startswith("| ")]
    assert {"muc_dich_yeu_cau", "to_chuc_thuc_hien"} <= set(aligned)


@pytest.mark.parametrize("value,expected", [
    ("Quyết định số\n1258/QĐ-TTg", "Quyết định số 1258/QĐ-TTg"),  # a citation's line break
    ("a | b", "a \\| b"),
    ("", " "),
])
def test_markdown_cell(value, expected):
    assert cell(value) == expected


def test_report_json_schema_is_committed():
    committed = json.loads((ROOT / "models" / "comparison-report.schema.json").read_text(encoding="utf-8"))
    assert committed == comparison_json_schema(), "run `make schema` and commit models/comparison-report.schema.json"


@pytest.mark.parametrize("fmt,marker", [("json", '"findings"'), ("md", "| aspect | status |"), ("html", 'id="side-by-side"')])
def test_report_formats(fmt, marker):
    report = compare_document(seed_doc("004_771e3ed1f471eaca"), "1258")
    assert marker in render(report, fmt, seed_doc("004_771e3ed1f471eaca"))


def test_cli_compare_json(tmp_path):
    out = tmp_path / "report.json"
    plan = tmp_path / "002.json"  # the JSON `vnplan extract` wrote is an input too
    plan.write_text(seed_doc("002_5f56e81fd7ba367d").model_dump_json(), encoding="utf-8")
    result = vnplan("compare", plan, "--against", "666", "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["against"]["key"] == "666/QĐ-TTg"
    assert {f["aspect"] for f in report["findings"]} >= {"period", "target", "milestone", "subject"}
    ComparisonReport.model_validate(report)


def test_cli_compare_missing_reference_is_input_error():
    result = vnplan("compare", CORPUS / "002_5f56e81fd7ba367d.txt", "--against", "no/such/file.pdf")
    assert result.returncode == 3
    assert b"no such reference file" in result.stderr


@pytest.mark.parametrize("args", [["compare"], ["compare", "x.txt", "--batch", "."], ["compare", "corpus/004_771e3ed1f471eaca.txt", "-o", "r.pdf"]])
def test_cli_compare_usage_errors(args):
    assert vnplan(*args).returncode == 2


def test_cli_archive_csv_has_one_row_per_plan(tmp_path):
    folder = write_batch(tmp_path / "results")
    out = tmp_path / "archive.csv"
    result = vnplan("compare", "--batch", folder, "--against", "auto", "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [d for d, _ in EXPECTED]
    assert [r["reference"] for r in rows] == [k for _, k in EXPECTED]
    assert rows[1]["1258:poverty_rate:whole:yearly_change"] == "stricter"  # seed 001
    assert rows[3]["666:poverty_rate:whole:yearly_change"] == "looser"  # seed 003


def test_cli_archive_of_a_folder_without_index_is_input_error(tmp_path):
    result = vnplan("compare", "--batch", tmp_path, "-o", tmp_path / "a.html")
    assert result.returncode == 3 and b"index.jsonl" in result.stderr
