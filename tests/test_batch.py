"""The archive batch as a reliability engineer tries it: poisoned inputs, kills, races, a full disk.

Each test runs the real command line in its own process (`vnplan batch`), as an archive would.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, DOC_IDS, ROOT, vnplan
from docs import VIETNAMESE, text_pdf

SEED = CORPUS / "004_771e3ed1f471eaca.txt"


def index_lines(out: Path) -> list[dict]:
    lines = (out / "index.jsonl").read_bytes().splitlines()
    return [json.loads(line) for line in lines]  # every line whole: json.loads raises on a torn one


def outputs(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*.json"))


def start_batch(*args, cwd=ROOT) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "vnplan", "batch", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


@pytest.fixture
def poisoned(tmp_path) -> Path:
    """The corpus plus the faults an archive holds."""
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder / "corpus", ignore=shutil.ignore_patterns("*.json"))
    odd = os.path.join(os.fsencode(folder), b"odd\nname\xff.txt")
    with open(odd, "wb") as fh:
        fh.write(SEED.read_bytes())
    (folder / "one.txt").write_bytes(b"x")
    (folder / "english.txt").write_text("Hello world", encoding="utf-8")
    (folder / "sjis.txt").write_bytes(("日本語のテキストです。これは計画ではありません。" * 20).encode("shift_jis"))
    os.mkfifo(folder / "pipe.txt")
    os.symlink("loop.pdf", folder / "loop.pdf")
    os.symlink(folder, folder / "corpus" / "back")  # a link to a folder above: never walked
    return folder


EXPECTED_FAILURES = {
    "one.txt": "too little text",
    "english.txt": "not Vietnamese",
    "sjis.txt": "control or unassigned",
    "pipe.txt": "not a regular file",
    "loop.pdf": "loop",
}


def test_poisoned_folder_every_good_document_written_every_bad_one_recorded_once(poisoned, tmp_path):
    out = tmp_path / "out"
    result = vnplan("batch", poisoned, "-o", out, "--jobs", "2", "--quiet")
    assert result.returncode == 4, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    records = index_lines(out)
    assert len(records) == len({r["key"] for r in records}) == len(DOC_IDS) + 1 + len(EXPECTED_FAILURES)
    by_name = {Path(r["path"]).name: r for r in records}
    for name, reason in EXPECTED_FAILURES.items():
        assert by_name[name]["status"] == "failed" and reason in by_name[name]["error"], by_name[name]
        assert by_name[name]["exit_code"] == 3
    ok = [r for r in records if r["status"] == "ok"]
    assert len(ok) == len(DOC_IDS) + 1
    odd = next(r for r in ok if "odd" in r["path"])
    assert odd["id"] == "odd_name" and json.loads(Path(odd["output"]).read_text(encoding="utf-8"))["source"]["path"].endswith("odd\\nname\\xff.txt")
    # one line per failure on stderr, naming the file
    for name in EXPECTED_FAILURES:
        assert sum(name in line for line in result.stderr.decode().splitlines()) == 1


def test_same_named_files_in_two_folders_give_two_outputs(tmp_path):
    for folder, doc in (("a", "003_9339a1d400ca81a3"), ("c", "004_771e3ed1f471eaca")):
        (tmp_path / folder).mkdir()
        shutil.copy(CORPUS / f"{doc}.txt", tmp_path / folder / "plan.txt")
    out = tmp_path / "out"
    assert vnplan("batch", tmp_path / "a", tmp_path / "c", "-o", out, "-q").returncode == 0
    names = outputs(out)
    assert len(names) == 2 and "plan.json" in names
    texts = {json.loads((out / n).read_text(encoding="utf-8"))["source"]["path"] for n in names}
    assert len(texts) == 2


def test_resume_from_another_directory_with_absolute_paths(tmp_path):
    out = tmp_path / "out"
    first = vnplan("batch", "corpus", "-o", out, "-q")  # relative, from the project root
    assert first.returncode == 0, first.stderr.decode()
    again = subprocess.run([sys.executable, "-m", "vnplan", "batch", str(CORPUS.resolve()), "-o", str(out), "--resume", "-q"],
                           cwd=tmp_path, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert again.returncode == 0, again.stderr.decode()
    assert b"5 skipped" in again.stdout
    assert len(index_lines(out)) == len(DOC_IDS)
    assert outputs(out) == [f"{d}.json" for d in DOC_IDS]


def test_two_concurrent_batches_into_one_folder(tmp_path):
    out = tmp_path / "out"
    a, b = start_batch(CORPUS, "-o", out, "-q"), start_batch(CORPUS, "-o", out, "-q")
    assert a.wait(120) == 0 and b.wait(120) == 0, (a.stderr.read(), b.stderr.read())
    records = index_lines(out)
    assert sorted(r["id"] for r in records) == DOC_IDS
    assert outputs(out) == [f"{d}.json" for d in DOC_IDS]
    assert not list(out.glob(".*.tmp"))


def test_a_failed_start_keeps_the_index(tmp_path):
    out = tmp_path / "out"
    assert vnplan("batch", CORPUS, "-o", out, "-q").returncode == 0
    before = index_lines(out)
    result = vnplan("batch", tmp_path / "missing-folder", "-o", out, "-q")
    assert result.returncode == 3  # every document failed: the missing one
    after = index_lines(out)
    assert [r for r in after if r["status"] == "ok"] == before
    assert [r["error"] for r in after if r["status"] == "failed"] == [f"{tmp_path / 'missing-folder'}: no such file"]


def test_outputs_follow_the_umask(tmp_path):
    out = tmp_path / "out"
    assert vnplan("batch", SEED, "-o", out, "-q").returncode == 0
    for path in [out / "index.jsonl", *out.glob("*.json")]:
        assert path.stat().st_mode & 0o044 == 0o044, path  # readable by group and others under umask 022


def _slow_inputs(folder: Path, n: int, copies: int = 1) -> Path:
    """Documents that keep a worker busy for seconds: long texts the repair stage must read."""
    folder.mkdir()
    text = "\n".join((CORPUS / f"{d}.txt").read_text(encoding="utf-8") for d in DOC_IDS)
    for i in range(n):
        (folder / f"long-{i}.txt").write_text((text + "\n") * copies, encoding="utf-8")
    return folder


def _processes():
    """(pid, parent pid, process group, state) of every process, from /proc."""
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(f"/proc/{entry.name}/stat").read_bytes().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            yield int(entry.name), int(fields[1]), int(fields[2]), fields[0]


def _workers_of(pid: int) -> list[int]:
    return [p for p, parent, _, _ in _processes() if parent == pid]


def _alive_in_groups(groups: list[int]) -> list[int]:
    return [p for p, _, group, state in _processes() if group in groups and state != b"Z"]


def _wait_for_workers(proc: subprocess.Popen, n: int = 1, timeout: float = 60) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = _workers_of(proc.pid)
        if len(workers) >= n:
            return workers
        time.sleep(0.2)
    raise AssertionError("no worker started")


def test_sigkill_of_the_main_process_leaves_no_worker(tmp_path):
    inputs = _slow_inputs(tmp_path / "in", 3)
    proc = start_batch(inputs, "-o", tmp_path / "out", "--jobs", "2", "-q")
    workers = _wait_for_workers(proc, 2)
    time.sleep(1.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 5
    while _alive_in_groups(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _alive_in_groups(workers) == []
    # and a resume ends with every document exactly once
    result = vnplan("batch", inputs, "-o", tmp_path / "out", "--resume", "-q")
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(r["id"] for r in index_lines(tmp_path / "out")) == [f"long-{i}" for i in range(3)]


def test_sigint_to_the_group_exits_130_with_a_whole_index(tmp_path):
    inputs = _slow_inputs(tmp_path / "in", 4)
    out = tmp_path / "out"
    proc = start_batch(inputs, "-o", out, "--jobs", "2", "-q")
    _wait_for_workers(proc, 2)
    time.sleep(1.0)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(10) == 130
    assert time.monotonic() - sent < 10
    assert b"Traceback" not in proc.stderr.read()
    done = index_lines(out)  # whole lines only
    assert len(done) < 4
    result = vnplan("batch", inputs, "-o", out, "--resume", "-q")
    assert result.returncode == 0
    records = index_lines(out)
    assert sorted(r["id"] for r in records) == [f"long-{i}" for i in range(4)]
    assert all(r["status"] == "ok" for r in records)


def test_a_worker_killed_mid_document_is_recorded_and_the_batch_finishes(tmp_path):
    inputs = _slow_inputs(tmp_path / "in", 3)
    out = tmp_path / "out"
    proc = start_batch(inputs, "-o", out, "--jobs", "1", "-v")
    worker = _wait_for_workers(proc, 1)[0]
    time.sleep(0.5)
    os.kill(worker, signal.SIGKILL)  # as the OOM killer would
    assert proc.wait(300) == 0, proc.stderr.read()
    records = index_lines(out)
    assert sorted(r["id"] for r in records) == [f"long-{i}" for i in range(3)]
    assert any(r["attempts"] == 2 for r in records)  # the killed document was done again, once


def test_a_document_over_the_time_bound_is_recorded_with_the_bound(tmp_path):
    inputs = _slow_inputs(tmp_path / "in", 1, copies=8)
    (inputs / "short.txt").write_text(VIETNAMESE, encoding="utf-8")
    out = tmp_path / "out"
    result = vnplan("batch", inputs, "-o", out, "--doc-timeout", "3", "--jobs", "2", "-q")
    assert result.returncode == 4, result.stderr.decode()
    records = {r["id"]: r for r in index_lines(out)}
    assert records["long-0"]["status"] == "failed" and records["long-0"]["bound"] == "seconds"
    assert "over the time bound (3 s per document)" in records["long-0"]["error"]
    assert records["short"]["status"] == "ok"


def test_full_disk_exits_5_with_no_temporary_file_and_whole_lines(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.decode().strip()})")
    try:
        out = disk / "out"
        result = vnplan("batch", CORPUS, "-o", out, "--jobs", "1", "-q")
        assert result.returncode == 5, result.stderr.decode()
        assert b"Traceback" not in result.stderr
        assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
        index_lines(out)
    finally:
        subprocess.run(["umount", str(disk)])


def test_export_sqlite_finds_documents_without_diacritics(tmp_path):
    out = tmp_path / "out"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for d in ("001_84f5cf27fdea967e", "003_9339a1d400ca81a3"):
        shutil.copy(CORPUS / f"{d}.txt", inputs)
    text_pdf(inputs / "other.pdf", [VIETNAMESE.replace("1258", "1259")])
    assert vnplan("batch", inputs, "-o", out, "-q").returncode == 0
    result = vnplan("export", out, "--format", "sqlite", "-o", tmp_path / "archive.sqlite")
    assert result.returncode == 0, result.stderr.decode()
    con = sqlite3.connect(tmp_path / "archive.sqlite")
    docs = dict(con.execute("SELECT doc_key, doc_id FROM documents"))
    assert len(docs) == 3

    def found(query: str) -> set[str]:
        return {docs[k] for (k,) in con.execute("SELECT DISTINCT doc_key FROM search WHERE search MATCH ?", (query,))}

    plain = found("quyet dinh 1258")
    marked = found("Quyết định 1258")
    assert plain == marked == {"001_84f5cf27fdea967e"}  # seed 003 cites no 1258, "other" cites 1259
    assert found('"quyet dinh so 1259"') == {"other"}
    assert found("ke hoach") == set(docs.values())
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "sections", "legal_references", "deadlines", "responsibilities", "targets"} <= tables
    keys = {k for (k,) in con.execute("SELECT DISTINCT doc_key FROM legal_references")}
    assert keys <= set(docs)


def test_export_csv_and_parquet_have_the_document_key_on_every_row(tmp_path):
    out = tmp_path / "out"
    assert vnplan("batch", SEED, "-o", out, "-q").returncode == 0
    assert vnplan("export", out, "--format", "csv", "-o", tmp_path / "csv").returncode == 0
    assert vnplan("export", out, "--format", "parquet", "-o", tmp_path / "pq").returncode == 0
    import csv

    import pyarrow.parquet as pq

    for name in ("documents", "sections", "legal_references", "deadlines", "responsibilities", "targets"):
        rows = list(csv.DictReader((tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8")))
        assert rows and all(r["doc_key"] for r in rows), name
        assert pq.read_table(tmp_path / "pq" / f"{name}.parquet").num_rows == len(rows)


def test_bad_ray_address_fails_fast_with_exit_6(tmp_path):
    pytest.importorskip("ray")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "vnplan", "batch", str(SEED), "-o", str(tmp_path / "out"), "--engine", "ray", "-q"],
                            cwd=ROOT, capture_output=True, env={**os.environ, "RAY_ADDRESS": "127.0.0.1:1"}, timeout=60)
    assert result.returncode == 6, result.stderr.decode()
    assert b"does not answer" in result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("args,message", [
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--dpi", "0"], "--dpi"),
    (["--doc-timeout", "0"], "--doc-timeout must be positive"),
])
def test_bad_numbers_are_usage_errors(tmp_path, args, message):
    result = vnplan("batch", SEED, "-o", tmp_path / "out", *args)
    assert result.returncode == 2, result.stderr.decode()
    assert message.encode() in result.stderr and b"Traceback" not in result.stderr


def _pdf_with_image_bomb(path: Path, side: int = 40000) -> Path:
    """A 1.5 MB PDF whose one image inflates to `side`² bytes (1.6 GB): decoded only if rendered."""
    import zlib

    comp = zlib.compressobj(9)
    data = b"".join(comp.compress(b"\xff" * side) for _ in range(side)) + comp.flush()
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im0 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
        b"<</Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode"
        b"/Length %d>>stream\n" % (side, side, len(data)) + data + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj" % (i + 1) + obj + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def _docx_bomb(path: Path, megabytes: int = 300) -> Path:
    """A few-MB .docx whose document.xml unpacks to `megabytes` MB."""
    import zipfile

    import docx as python_docx

    base = path.with_name("base.docx")
    python_docx.Document().save(str(base))
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                zout.writestr(item, zin.read(item.filename))
                continue
            xml = zin.read(item.filename).decode()
            cut = xml.index("<w:body>") + len("<w:body>")
            paragraph = ("<w:p><w:r><w:t>" + "a" * 1000 + "</w:t></w:r></w:p>").encode()
            with zout.open(item.filename, "w", force_zip64=True) as fh:
                fh.write(xml[:cut].encode())
                for _ in range(megabytes):
                    fh.write(paragraph * 1000)
                fh.write(xml[cut:].encode())
    base.unlink()
    return path


def _blank_pages(path: Path, n: int) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for _ in range(n):
        c.showPage()
    c.save()
    return path


def _huge_page(path: Path) -> Path:
    """One 200 x 200 inch page with text on it: 3.6 G pixels at 300 dpi."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(14400, 14400))
    c.setFont("Helvetica", 400)
    c.drawString(400, 13000, "KE HOACH thuc hien phong trao thi dua")
    c.showPage()
    c.save()
    return path


def test_bombs_and_huge_inputs_are_recorded_and_the_good_ones_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    _pdf_with_image_bomb(folder / "bomb.pdf")
    _docx_bomb(folder / "bomb.docx")
    _blank_pages(folder / "blank.pdf", 1999)
    _huge_page(folder / "huge.pdf")
    out = tmp_path / "out"
    result = vnplan("batch", folder, "-o", out, "--jobs", "2", "-q", "--mode", "force")
    assert result.returncode == 4, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    records = {r["id"]: r for r in index_lines(out)}
    assert len(records) == 5
    assert records["good"]["status"] == "ok"
    by_file = {Path(r["path"]).name: r for r in records.values()}
    assert "archive parts too large" in by_file["bomb.docx"]["error"]
    assert "all empty" in by_file["bomb.pdf"]["error"]
    assert "1999 pages, all empty" in by_file["blank.pdf"]["error"]
    assert "over 60 M pixels" in by_file["huge.pdf"]["error"]
    assert all(r["exit_code"] == 3 for name, r in by_file.items() if name != "good.txt")


@pytest.mark.slow
def test_a_text_over_spacys_limit_is_processed(tmp_path):
    big = tmp_path / "long.txt"
    big.write_text((SEED.read_text(encoding="utf-8") + "\n") * 160, encoding="utf-8")  # 1.16 M characters
    result = vnplan("extract", big, "-o", tmp_path / "long.json")
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads((tmp_path / "long.json").read_text(encoding="utf-8"))
    assert len(doc["text"]) > 1_000_000 and doc["legal_references"]
