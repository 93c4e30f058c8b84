"""The command line as users and other systems rely on it (../shared/contract.md)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import CORPUS, DOC_IDS, ROOT, vnplan

TOP_LEVEL = ["schema_version", "source", "metadata", "text", "sections", "legal_references", "deadlines",
             "responsibilities", "targets", "warnings", "quality"]


@pytest.fixture(scope="module")
def schema():
    result = vnplan("schema")
    assert result.returncode == 0
    return json.loads(result.stdout)


def test_schema_is_a_valid_json_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) == {"source", "text"}
    assert set(schema["properties"]) == set(TOP_LEVEL)


def test_committed_schema_is_up_to_date(schema):
    committed = json.loads((ROOT / "models" / "plan-document.schema.json").read_text(encoding="utf-8"))
    assert committed == schema, "run `make schema` and commit models/plan-document.schema.json"


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("batch")
    bad = tmp_path_factory.mktemp("bad") / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    result = vnplan("batch", CORPUS, bad, "--out", out, "--jobs", "2", "--parquet")
    return out, bad, result


def test_batch_writes_one_valid_json_per_document(batch_out, schema):
    out, _, result = batch_out
    for doc_id in DOC_IDS:
        doc = json.loads((out / f"{doc_id}.json").read_text(encoding="utf-8"))
        jsonschema.validate(doc, schema)
        assert list(doc) == TOP_LEVEL
        assert doc["source"]["kind"] == "txt"


def test_batch_records_failure_and_exits_4(batch_out):
    out, bad, result = batch_out
    assert result.returncode == 4, result.stderr.decode()
    records = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    by_status = {r["id"]: r["status"] for r in records}
    assert by_status["broken"] == "failed"
    assert all(by_status[d] == "ok" for d in DOC_IDS)
    failed = next(r for r in records if r["id"] == "broken")
    assert str(bad) in failed["error"] and "corrupt or truncated PDF" in failed["error"]
    assert failed["exit_code"] == 3
    assert b"Traceback" not in result.stderr


def test_batch_parquet_tables(batch_out):
    import pyarrow.parquet as pq

    out, _, _ = batch_out
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert sorted(d["doc_id"] for d in docs) == DOC_IDS
    refs = pq.read_table(out / "legal_references.parquet")
    assert set(refs.column_names) >= {"doc_key", "doc_id", "key", "text", "start", "end", "page"}


def test_batch_resume_skips_unchanged(batch_out, tmp_path):
    out, _, _ = batch_out
    before = {d: (out / f"{d}.json").stat().st_mtime_ns for d in DOC_IDS}
    result = vnplan("batch", CORPUS, "--out", out, "--resume", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    assert b"5 skipped" in result.stdout
    assert {d: (out / f"{d}.json").stat().st_mtime_ns for d in DOC_IDS} == before


def test_no_temporary_files_left(batch_out):
    out, _, _ = batch_out
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_extract_to_stdout_and_file_agree(tmp_path):
    doc_id = "003_9339a1d400ca81a3"
    to_stdout = vnplan("extract", CORPUS / f"{doc_id}.txt")
    to_file = vnplan("extract", CORPUS / f"{doc_id}.txt", "-o", tmp_path / "x.json")
    assert to_stdout.returncode == to_file.returncode == 0
    assert json.loads(to_stdout.stdout) == json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))


def test_repair_reads_stdin_keeps_line_breaks():
    clean = "Kế hoạch số 284/KH-UBND\nngày 27/12/2017 của UBND tỉnh\n"
    result = vnplan("repair", input=clean.encode("utf-8"))
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == clean


def test_repair_unknown_damage_kind_is_usage_error():
    result = vnplan("repair", "--damage", "smudged", input=b"Ke hoach")
    assert result.returncode == 2
    assert b"--damage must be one of" in result.stderr


@pytest.mark.parametrize(
    "damaged,expected",
    [("Ke hoach to chuc thuc hien phong trao thi dua", "Kế hoạch tổ chức thực hiện phong trào thi đua")],
)
def test_repair_restores_stripped_marks_from_a_file(tmp_path, damaged, expected):
    p = tmp_path / "stripped.txt"
    p.write_text(damaged + "\n", encoding="utf-8")
    result = vnplan("repair", p, "-o", tmp_path / "fixed.txt")
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "fixed.txt").read_text(encoding="utf-8") == expected + "\n"


def test_ocr_of_text_file_passes_text_through(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Kế hoạch tổ chức thực hiện\nphong trào thi đua\n", encoding="utf-8")
    result = vnplan("ocr", p)
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == "Kế hoạch tổ chức thực hiện\nphong trào thi đua\n"


def test_version():
    result = vnplan("--version")
    assert result.returncode == 0 and result.stdout.startswith(b"vnplan ")


def test_batch_on_ray_gives_the_same_documents(batch_out, tmp_path):
    pytest.importorskip("ray")
    out_local, _, _ = batch_out
    result = vnplan("batch", CORPUS, "--out", tmp_path, "--engine", "ray", "--jobs", "2", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    for doc_id in DOC_IDS:
        ray_doc = json.loads((tmp_path / f"{doc_id}.json").read_text(encoding="utf-8"))
        local_doc = json.loads((out_local / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert ray_doc["text"] == local_doc["text"]
        assert ray_doc["legal_references"] == local_doc["legal_references"]
