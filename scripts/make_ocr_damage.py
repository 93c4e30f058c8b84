"""Make OCR-damaged Vietnamese text: render clean text as a page scan, OCR it with Tesseract.

Used twice: by ``build_repair_model.py`` to learn how the English Tesseract model damages
Vietnamese glyphs (the channel model), and by ``eval_repair.py`` to make the test inputs of the
"English-model OCR" and "Vietnamese-model OCR" conditions from the clean seed documents.

    python scripts/make_ocr_damage.py IN.txt --lang eng --out OUT_DIR [--seed 0]

writes ``OUT_DIR/<stem>.<lang>.txt`` (the OCR text) and ``OUT_DIR/<stem>.truth.txt`` (the
wrapped clean text that was rendered, line for line).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ["DejaVuSerif.ttf", "DejaVuSerif.ttf", "DejaVuSans.ttf", "DejaVuSerifCondensed.ttf"]
STYLE2_FONTS = ["DejaVuSerif-Bold.ttf", "DejaVuSerifCondensed-Bold.ttf", "DejaVuSansCondensed.ttf"]
PAGE_W, MARGIN = 2480, 180  # A4 at 300 dpi


def wrap_lines(paragraphs: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for para in paragraphs:
        words = para.split()
        cur = ""
        for w in words:
            trial = f"{cur} {w}" if cur else w
            if font.getlength(trial) <= width or not cur:
                cur = trial
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
    return lines


def render_page(lines: list[str], font: ImageFont.FreeTypeFont, rng: random.Random) -> Image.Image:
    size = font.size
    step = int(size * 1.5)
    img = Image.new("L", (PAGE_W, MARGIN * 2 + step * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + i * step), line, font=font, fill=0)
    # a scanner's softness: blur, and sometimes a lower sampling rate
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.1)))
    if rng.random() < 0.5:
        f = rng.uniform(0.55, 0.8)
        small = img.resize((int(img.width * f), int(img.height * f)), Image.BILINEAR)
        img = small.resize(img.size, Image.BILINEAR)
    return img.point(lambda v: 0 if v < rng.randint(120, 175) else 255)


def ocr(img: Image.Image, lang: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.png")
        img.save(path, dpi=(300, 300))
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        out = subprocess.run(["tesseract", path, "stdout", "-l", lang, "--psm", "6"],
                             capture_output=True, env=env, check=True)
    return out.stdout.decode("utf-8", "replace")


def damage_page(args: tuple) -> tuple[list[str], str]:
    """Render ``paragraphs`` on one page and OCR it; return (rendered lines, OCR text).

    ``style`` 1 is a clean laser print; style 2 varies more (bold and condensed faces, smaller
    and larger sizes, a slight skew, speckle), as office scans do."""
    paragraphs, lang, seed = args[:3]
    style = args[3] if len(args) > 3 else 1
    rng = random.Random(seed)
    if style == 1:
        font = ImageFont.truetype(str(FONT_DIR / rng.choice(FONTS)), rng.choice([40, 44, 48, 52]))
    else:
        font = ImageFont.truetype(str(FONT_DIR / rng.choice(FONTS + STYLE2_FONTS)),
                                  rng.choice([34, 38, 42, 46, 50, 56]))
    lines = wrap_lines(paragraphs, font, PAGE_W - 2 * MARGIN)
    img = render_page(lines, font, rng)
    if style != 1:
        img = img.rotate(rng.uniform(-0.4, 0.4), fillcolor=255, resample=Image.BILINEAR)
        px = img.load()
        for _ in range(rng.randint(0, 3000)):
            px[rng.randrange(img.width), rng.randrange(img.height)] = 0
        img = img.point(lambda v: 0 if v < 128 else 255)
    return lines, ocr(img, lang)


def damage_text(text: str, lang: str, seed: int = 0, lines_per_page: int = 40,
                jobs: int = 2) -> tuple[str, str]:
    """OCR a rendered scan of ``text``; return (truth lines, OCR text), pages joined by '\\n'."""
    paragraphs = [unicodedata.normalize("NFC", p) for p in text.split("\n") if p.strip()]
    pages, cur = [], []
    for p in paragraphs:
        cur.append(p)
        if len(cur) >= lines_per_page // 2:
            pages.append(cur)
            cur = []
    if cur:
        pages.append(cur)
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(damage_page, [(pg, lang, seed * 1000 + i) for i, pg in enumerate(pages)]))
    truth = "\n".join("\n".join(lines) for lines, _ in results)
    ocr_text = "\n".join(o.rstrip("\n") for _, o in results)
    return truth, ocr_text


def training_pages(corpus_dir: Path, lang: str, n_pages: int, seed: int = 0,
                   jobs: int = 2, style: int = 1) -> list[tuple[list[str], str]]:
    """OCR ``n_pages`` rendered pages of paragraphs sampled from the corpus (channel training)."""
    rng = random.Random(seed)
    files = sorted(corpus_dir.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8").split("\n") for f in files]
    tasks = []
    for i in range(n_pages):
        paras = rng.choice(texts)
        start = rng.randrange(max(1, len(paras) - 30))
        chosen = [unicodedata.normalize("NFC", p.strip())[:400] for p in paras[start:start + 30]
                  if p.strip()][:10]
        tasks.append((chosen, lang, seed * 100000 + i, style))
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(damage_page, tasks, chunksize=4))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", type=Path, help="a text file, or a corpus folder with --pages")
    ap.add_argument("--pages", type=int, default=0,
                    help="sample this many pages from the folder; write OUT/pages.<lang>.jsonl")
    ap.add_argument("--lang", default="eng")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--style", type=int, default=1, help="1 clean print, 2 varied office scan")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.pages:
        pages = training_pages(a.input, a.lang, a.pages, a.seed, a.jobs, a.style)
        with open(a.out / f"pages.{a.lang}.jsonl", "w", encoding="utf-8") as f:
            for lines, text in pages:
                f.write(json.dumps({"truth": lines, "ocr": text}, ensure_ascii=False) + "\n")
        return 0
    truth, text = damage_text(a.input.read_text(encoding="utf-8"), a.lang, a.seed, jobs=a.jobs)
    (a.out / f"{a.input.stem}.truth.txt").write_text(truth + "\n", encoding="utf-8")
    (a.out / f"{a.input.stem}.{a.lang}.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
