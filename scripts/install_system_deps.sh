#!/usr/bin/env bash
# Installs the Debian packages vnplan needs when they are missing: Tesseract with its Vietnamese
# (and English) data, and DejaVu fonts (Vietnamese glyphs) that the tests render scans with.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1; then
  langs=$(tesseract --list-langs 2>/dev/null || true)
  grep -qx vie <<<"$langs" || need+=(tesseract-ocr-vie)
  grep -qx eng <<<"$langs" || need+=(tesseract-ocr-eng)
else
  need+=(tesseract-ocr-vie tesseract-ocr-eng)
fi
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
# pdftotext/pdftoppm: the real-document tests and benchmarks compare against poppler.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# soffice: Word 97 .doc and .rtf are converted to .docx by LibreOffice headless (extract/office.py);
# the -nogui flavour has no desktop dependencies.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# chromium: the tests open the HTML reports (vnplan compare, extract --html) in a real headless browser.
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
# /usr/bin/time (GNU time): scripts/bench_batch.py reads the peak memory of a batch from `time -v`.
[ -x /usr/bin/time ] || need+=(time)
# hunspell-vi: the Vietnamese word list scripts/build_repair_model.py reads (make repair-model,
# and make eval's held-out repair models).
[ -f /usr/share/hunspell/vi_VN.dic ] || need+=(hunspell-vi)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "vnplan: please install as root: apt-get install ${need[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
