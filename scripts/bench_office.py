"""Measures the readers of Word 97 .doc (and .rtf) files vnplan could use, to choose one.

    python scripts/bench_office.py [--runs 3]

For each real .doc of ../shared/realdocs and for a generated document mixing runs typed in
TCVN3 (.VnTime, .VnTimeH), VNI (VNI-Times) and Unicode fonts (saved as .doc and .rtf by
LibreOffice), it reports:
- LibreOffice headless (`soffice --convert-to docx`, a fresh profile per call) then python-docx
  reading the runs, as `extract.office.read_office` does: seconds for each step (best and mean
  of --runs; and LibreOffice's CPU seconds, which a busy machine does not inflate), whether the header block comes out in reading order (issuer and number before
  the motto), and the syllable error rate of the legacy document against the text typed;
- antiword (Debian package, when installed): the same, its text run through `decode_bytes`;
- two conversions at once (as two batch workers would run them): both must succeed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnplan.encoding import decode_bytes, unicode_to_tcvn3, unicode_to_vni  # noqa: E402
from vnplan.metrics import syllable_error_rate  # noqa: E402
from vnplan.office import _read_docx, convert_to_docx, find_soffice, read_office  # noqa: E402

REALDOCS = ROOT.parent / "shared" / "realdocs"
# (issuer line, number line, motto line) of each real .doc, read in Word.
HEADERS = {
    "bct-cv-logistic.doc": ("CỤC HOÁ CHẤT", "Số:", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "lc-tb-sanbang.doc": ("SỞ CÔNG THƯƠNG", "Số:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
}
# The generated legacy document: (Unicode text, font) runs per paragraph.
LEGACY = [
    [("ủy ban nhân dân tỉnh lào cai", ".VnTimeH")],
    [("Kế hoạch tổ chức thực hiện phong trào thi đua ", ".VnTime"), ("giai đoạn 2021 - 2025 ", "Times New Roman"),
     ("Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành", "VNI-Times")],
    [("Các phòng, ban chuyên môn báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.", ".VnTime")],
]


def _legacy_docx(path: Path, copies: int = 20) -> str:
    import docx

    document = docx.Document()
    lines = []
    for _ in range(copies):  # antiword refuses a text stream under a few hundred bytes
        for paragraph in LEGACY:
            p = document.add_paragraph()
            line = ""
            for text, font in paragraph:
                typed = text
                if font.startswith(".Vn"):
                    typed = unicode_to_tcvn3(text.lower() if font.endswith("H") else text)
                elif font.startswith("VNI"):
                    typed = unicode_to_vni(text)
                p.add_run(typed).font.name = font
                line += text.upper() if font.endswith("H") else text
            lines.append(line)
    document.save(str(path))
    return "\n".join(lines)


def _soffice_convert(source: Path, fmt: str, out_dir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([find_soffice(), "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", fmt,
                        "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=300)
    return out_dir / f"{source.stem}.{fmt}"


def _in_order(text: str, header: tuple[str, str, str]) -> str:
    positions = [text.find(part) for part in header]
    return "yes" if -1 not in positions and positions == sorted(positions) else "no"


def _time(fn, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    version = subprocess.run([find_soffice(), "--version"], capture_output=True, text=True).stdout.strip()
    antiword = shutil.which("antiword")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{version}; antiword: {antiword or 'not installed'}; {args.runs} runs per document; "
          f"load average {load} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        expected = _legacy_docx(tmp / "legacy-mixed.docx")
        docs = [(REALDOCS / name, HEADERS[name], None) for name in HEADERS if (REALDOCS / name).exists()]
        docs += [(_soffice_convert(tmp / "legacy-mixed.docx", fmt, tmp), None, expected) for fmt in ("doc", "rtf")]
        print(f"{'document':24} {'reader':22} {'best s':>7} {'mean s':>7}  header order  legacy SER")
        for path, header, truth in docs:
            kind = path.suffix[1:]

            def convert():
                with tempfile.TemporaryDirectory() as work:
                    convert_to_docx(path, kind, Path(work))

            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            convert_times, _ = _time(convert, args.runs)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / args.runs
            with tempfile.TemporaryDirectory() as work:
                converted = convert_to_docx(path, kind, Path(work))
                read_times, (text, _) = _time(lambda: _read_docx(converted, path, kind), args.runs)
            ser = f"{syllable_error_rate(text, truth):.2%}" if truth else "-"
            order = _in_order(text, header) if header else "-"
            print(f"{path.name:24} {'LibreOffice to .docx':22} {min(convert_times):7.2f} {statistics.mean(convert_times):7.2f}"
                  f"  (CPU {cpu:.2f} s per conversion)")
            print(f"{'':24} {'python-docx, runs':22} {min(read_times):7.2f} {statistics.mean(read_times):7.2f}  "
                  f"{order:12}  {ser}")
            if antiword and kind == "doc":
                run = lambda: subprocess.run([antiword, "-m", "UTF-8.txt", str(path)], capture_output=True)  # noqa: E731
                times, result = _time(run, args.runs)
                if result.returncode:
                    print(f"{'':24} {'antiword':22} fails: {result.stderr.decode().strip()[:60]}")
                    continue
                text = decode_bytes(result.stdout).text
                ser = f"{syllable_error_rate(text, truth):.2%}" if truth else "-"
                order = _in_order(text, header) if header else "-"
                print(f"{'':24} {'antiword':22} {min(times):7.2f} {statistics.mean(times):7.2f}  {order:12}  {ser}")
        pair = [d for d in docs if d[0].suffix == ".doc"][:2]
        t0 = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda d: read_office(d[0], "", "doc"), pair))
        print(f"two .doc at once (private profiles): {len(results)} of {len(pair)} read, "
              f"{time.perf_counter() - t0:.2f} s wall")


if __name__ == "__main__":
    main()
