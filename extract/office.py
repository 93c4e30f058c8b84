"""Office documents to raw text: .docx, Word 97 .doc and .rtf.

Owns reading a word-processor document in body order (paragraphs and tables interleaved as they
stand, the side-by-side header and signature blocks read one column after the other, Word's
automatic list labels written out, footnotes and endnotes last) and turning
runs typed in legacy Vietnamese fonts (TCVN3/ABC `.VnTime`, VNI `VNI-Times`) into Unicode, run by
run, so that a document mixing legacy and Unicode runs comes out as clean Unicode.

.doc and .rtf are first converted to .docx by LibreOffice headless, which keeps each run's font
name (what the legacy conversion needs) and reads Word 6 to 2003 files and RTF; the figures
behind that choice are printed by `python scripts/bench_office.py`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unicodedata
import zipfile
from pathlib import Path
from typing import Iterator, Optional

from vnplan.encoding import decode_font_run, font_encoding
from vnplan.errors import InputError, MissingDependency
from vnplan.ingest import RawDocument, RawPage

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _R, _TBL, _TR, _TC = W + "p", W + "r", W + "tbl", W + "tr", W + "tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
_TXBX = W + "txbxContent"
# Inside a paragraph: deleted text (tracked changes), the old place of moved text, the fallback
# copy of a text box (its mc:Choice twin is read), and properties hold nothing to read.
_SKIP_IN_PARAGRAPH = {W + "del", W + "moveFrom", MC + "Fallback", W + "pPr", W + "rPr"}

MAX_PART_BYTES = 256 * 2**20  # unpacked parts of a .docx (the batch bound of the same name)
SOFFICE_TIMEOUT = float(os.environ.get("VNPLAN_SOFFICE_TIMEOUT", "180"))
SOFFICE_HINT = (
    "LibreOffice is needed to read .doc and .rtf files: "
    "apt-get install --no-install-recommends libreoffice-writer-nogui (or run scripts/install_system_deps.sh)"
)
_KIND_NAMES = {"docx": ".docx", "doc": "Word .doc", "rtf": ".rtf"}

# Nghị định 30/2020/NĐ-CP (Phụ lục I) sets the issuer and number beside the national motto, and
# the recipients ("Nơi nhận") beside the signer; Công văn put "Kính gửi" beside its list. Word
# users lay these out as a borderless table of two text columns; a table whose cell opens with
# one of these is read column by column (issuer, number, then motto, place and date). The Party's
# documents (Hướng dẫn 36-HD/VPTW) carry "ĐẢNG CỘNG SẢN VIỆT NAM" in the motto's place.
_LAYOUT_OPENINGS = ("CONG HOA XA HOI CHU NGHIA", "DANG CONG SAN VIET NAM", "NOI NHAN", "KINH GUI")


def read_office(path: Path, sha: str, kind: str, part_bytes: int = MAX_PART_BYTES) -> RawDocument:
    """Read a .docx, .doc or .rtf (`kind` as sniffed) into one page of raw text; `part_bytes`
    bounds the unpacked size of a .docx's parts."""
    path = Path(path)
    if kind == "docx":
        text, legacy = _read_docx(path, path, kind, part_bytes)
    elif kind in ("doc", "rtf"):
        if kind == "doc" and _is_encrypted_ooxml(path):
            raise InputError(path, "encrypted Word document (a password is needed)")
        # A killed LibreOffice may still be writing its profile: cleanup errors are not the input's fault.
        with tempfile.TemporaryDirectory(prefix="vnplan-office-", ignore_cleanup_errors=True) as tmp:
            converted = convert_to_docx(path, kind, Path(tmp))
            text, legacy = _read_docx(converted, path, kind, part_bytes)
    else:
        raise ValueError(f"not an office kind: {kind}")
    if not text.strip():
        raise InputError(path, f"the {_KIND_NAMES[kind]} holds no text")
    method = "legacy_font" if set(legacy) - {"unicode"} else kind
    return RawDocument(str(path), sha, kind, _encoding_name(legacy), [RawPage(1, text, method)])


# A .docx saved with a password is an OLE2 container holding an "EncryptionInfo" stream (MS-OFFCRYPTO
# 2.3.4). Its directory entry (MS-CFB 2.6) is enough to tell: the name in UTF-16, NUL-padded to
# 64 bytes, then the name's length in bytes with its NUL (30).
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00") + b"\x1e\x00"


def _is_encrypted_ooxml(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return _ENCRYPTION_INFO in fh.read(64 * 2**20)
    except OSError:
        return False


def _encoding_name(legacy: dict[str, int]) -> str:
    """'utf-8' for a Unicode document; the legacy encodings converted, joined by '+', otherwise
    (prefixed 'utf-8+' when Unicode runs with non-ASCII letters stand beside them)."""
    names = sorted({"tcvn3" if name.startswith("tcvn3") else name for name in legacy if name != "unicode"})
    if not names:
        return "utf-8"
    return "+".join((["utf-8"] if legacy.get("unicode") else []) + names)


# --- LibreOffice ---------------------------------------------------------------------------------

def find_soffice() -> str:
    """The LibreOffice program, or MissingDependency with an install hint."""
    for candidate in (os.environ.get("VNPLAN_SOFFICE"), "soffice", "libreoffice"):
        if candidate and (found := shutil.which(candidate)):
            return found
    raise MissingDependency(SOFFICE_HINT)


# A fresh profile for every call, so that parallel workers never share LibreOffice's lock and
# settings; macros never run, remote links are blocked and any network access goes to a closed
# local port (converting a file must not reach the network).
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetFTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetFTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
</oor:items>
"""


# The import filters to try, in order. Named explicitly: left to guess, LibreOffice imports a file
# its Word filters reject as plain text, and a corrupt .doc would come out as pages of junk. Each
# Word filter reads one generation of the format, so older ones are tried after Word 97-2003.
IMPORT_FILTERS = {"doc": ("MS Word 97", "MS Word 95", "MS WinWord 6.0"), "rtf": ("Rich Text Format",)}


def convert_to_docx(path: Path, kind: str, workdir: Path, timeout: Optional[float] = None) -> Path:
    """Convert a .doc or .rtf to .docx in `workdir` with LibreOffice headless; InputError when
    no filter can load it or LibreOffice takes longer than the timeout (in all)."""
    soffice = find_soffice()
    profile = workdir / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    # A copy under a plain name: LibreOffice reads an argument starting with "-" as an option.
    source = workdir / f"input.{kind}"
    try:
        shutil.copyfile(path, source)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    out_dir = workdir / "out"
    result = out_dir / "input.docx"
    closed = "http://127.0.0.1:9"
    env = dict(os.environ, HOME=str(workdir), http_proxy=closed, https_proxy=closed, HTTP_PROXY=closed,
               HTTPS_PROXY=closed, no_proxy="", NO_PROXY="", SAL_USE_VCLPLUGIN="svp")
    limit = SOFFICE_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + limit
    said = ""
    for import_filter in IMPORT_FILTERS[kind]:
        command = [soffice, "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                   f"-env:UserInstallation={profile.as_uri()}", f"--infilter={import_filter}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(source)]
        said = _run_soffice(command, env, workdir, deadline - time.monotonic(), path, kind, limit)
        if result.is_file() and result.stat().st_size > 0:
            return result
    reason = "corrupt, truncated or password-protected" if "could not be loaded" in said else said[:120]
    raise InputError(path, f"not a readable {_KIND_NAMES[kind]} (LibreOffice: {reason or 'no output'})")


def _run_soffice(command: list[str], env: dict, workdir: Path, remaining: float, path: Path, kind: str,
                 limit: float) -> str:
    """Run one conversion within the time left; what LibreOffice said on stderr."""
    if remaining <= 0:
        raise InputError(path, f"LibreOffice did not convert the {_KIND_NAMES[kind]} within {limit:g} s")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, cwd=workdir, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=remaining)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise InputError(path, f"LibreOffice did not convert the {_KIND_NAMES[kind]} within {limit:g} s") from None
    except BaseException:
        _kill_group(process)
        raise
    finally:
        # soffice.bin may outlive its launcher for a moment; nothing of ours may stay behind.
        _kill_group(process, quiet=True)
    return " ".join(line for line in stderr.decode("utf-8", "replace").splitlines()
                    if "javaldx" not in line and line.strip())


def _kill_group(process: subprocess.Popen, quiet: bool = False) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if not quiet:
        process.wait()


# --- .docx ----------------------------------------------------------------------------------------

def _read_docx(path: Path, source: Path, kind: str, part_bytes: int = MAX_PART_BYTES) -> tuple[str, dict[str, int]]:
    """Text of a .docx in body order, footnotes last; and how many runs of each legacy encoding
    were converted ('unicode': runs with non-ASCII text left as they were)."""
    try:
        with zipfile.ZipFile(path) as package:
            if "word/document.xml" not in package.namelist():
                raise InputError(source, f"not a Word document (no word/document.xml in the {_KIND_NAMES[kind]})")
            unpacked = sum(info.file_size for info in package.infolist())
            if unpacked > part_bytes:  # a ZIP bomb is refused before anything is inflated
                raise InputError(source, f"archive parts too large ({unpacked / 2**20:.1f} MiB unpacked > "
                                         f"{part_bytes / 2**20:.1f} MiB limit)")
            damaged = package.testzip()
        if damaged:
            raise InputError(source, f"not a readable {_KIND_NAMES[kind]} (damaged part {damaged})")
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(source, f"not a readable {_KIND_NAMES[kind]} ({type(exc).__name__}: {str(exc)[:80]})") from None
    try:
        import docx

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(source, f"not a readable {_KIND_NAMES[kind]} ({type(exc).__name__}: {str(exc)[:80]})") from None
    except Exception as exc:  # python-docx raises several kinds on a broken package
        raise InputError(source, f"not a readable {_KIND_NAMES[kind]} ({type(exc).__name__})") from None
    reader = _BodyReader(document)
    lines = list(reader.blocks(document.element.body))
    for notes in _footnote_parts(document):
        for note in notes.iterchildren(W + "footnote"):
            if note.get(W + "type") in (None, "normal"):
                lines.extend(reader.blocks(note))
    return "\n".join(lines), reader.converted


def _footnote_parts(document) -> Iterator:
    """The footnotes and endnotes of a document (python-docx has no API for them yet)."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        try:
            yield etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue


class _Numbering:
    """Word's automatic list labels ("I.", "1.", "a)", "-"), which are not in the runs' text: the
    outline of a plan hangs on them. Counters run per list (numId), a level restarting the levels
    below it; a label is built from its level's pattern ("%1.%2.") and number formats."""

    # Bullets are drawn from symbol fonts (U+F0B7 in Symbol, "§" in Wingdings): the dash Vietnamese
    # documents type by hand stands for them; a bullet that is already a plain sign is kept.
    PLAIN_BULLETS = "-–+•*"

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: no automatic labels
            return
        abstract = {a.get(W + "abstractNumId"): self._read_levels(a) for a in root.iterchildren(W + "abstractNum")}
        for num in root.iterchildren(W + "num"):
            ref = num.find(W + "abstractNumId")
            levels = dict(abstract.get(ref.get(W + "val"), {})) if ref is not None else {}
            for override in num.iterchildren(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                replaced = override.find(W + "lvl")
                if replaced is not None:
                    levels.update(self._read_levels(override))
                start = override.find(W + "startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = (int(start.get(W + "val", "1")),) + levels[ilvl][1:]
            self.levels[num.get(W + "numId")] = levels

    @staticmethod
    def _read_levels(element) -> dict[int, tuple[int, str, str, str]]:
        """{level: (start, number format, pattern, separator)} of an abstractNum or override."""
        levels = {}
        for lvl in element.iterchildren(W + "lvl"):
            def val(tag, default):
                node = lvl.find(W + tag)
                return node.get(W + "val", default) if node is not None else default
            separator = {"nothing": ""}.get(val("suff", "tab"), " ")
            levels[int(lvl.get(W + "ilvl", "0"))] = (int(val("start", "1")), val("numFmt", "decimal"),
                                                     val("lvlText", ""), separator)
        return levels

    def label(self, num_id: Optional[str], level: int) -> str:
        levels = self.levels.get(num_id or "")
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        start, fmt, pattern, separator = levels[level]
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return (pattern if pattern and pattern in self.PLAIN_BULLETS else "-") + separator

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            k_start, k_fmt = levels[k][:2] if k in levels else (1, "decimal")
            return _format_number(counters.get(k, k_start), k_fmt)

        text = re.sub(r"%([1-9])", number, pattern)
        return text + separator if text else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out = ""
        for value, numeral in numerals:
            while n >= value:
                out, n = out + numeral, n - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):  # a..z, then aa..zz as Word does
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _BodyReader:
    """Walks a body (or cell, text box, footnote) and gives its lines, converting legacy runs."""

    def __init__(self, document):
        self.styles = {}
        self.default_paragraph_style = None
        self.default_fonts: tuple[Optional[str], ...] = (None, None)
        self.converted: dict[str, int] = {}
        self._style_fonts: dict[str, tuple[Optional[str], ...]] = {}
        self.numbering = _Numbering(document)
        try:
            root = document.styles.element
        except Exception:  # a package without styles.xml: every run's font is its own
            return
        for style in root.iterchildren(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id:
                self.styles[style_id] = style
                if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                    self.default_paragraph_style = style_id
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_fonts = _fonts(defaults)

    # Fonts: a run's font is its own, else its character style's (and the styles it is based
    # on), else its paragraph style's, else the document default. Each attribute inherits on its
    # own; hAnsi is the font Word draws bytes 0x80-0xFF with, where legacy letters live.
    def _style_chain_fonts(self, style_id: Optional[str]) -> tuple[Optional[str], ...]:
        if not style_id:
            return (None, None)
        if style_id in self._style_fonts:
            return self._style_fonts[style_id]
        self._style_fonts[style_id] = (None, None)  # guards a basedOn cycle
        style = self.styles.get(style_id)
        own = _fonts(style.find(W + "rPr")) if style is not None else (None, None)
        based = style.find(W + "basedOn") if style is not None else None
        parent = self._style_chain_fonts(based.get(W + "val")) if based is not None else (None, None)
        fonts = tuple(o if o is not None else p for o, p in zip(own, parent))
        self._style_fonts[style_id] = fonts
        return fonts

    def _run_encoding(self, run, paragraph_style: Optional[str]) -> Optional[str]:
        rpr = run.find(W + "rPr")
        levels = [_fonts(rpr)]
        char_style = rpr.find(W + "rStyle") if rpr is not None else None
        if char_style is not None:
            levels.append(self._style_chain_fonts(char_style.get(W + "val")))
        levels.append(self._style_chain_fonts(paragraph_style or self.default_paragraph_style))
        levels.append(self.default_fonts)
        for index in range(2):  # hAnsi first, then ascii
            for fonts in levels:
                if fonts[index] is not None:
                    return font_encoding(fonts[index])
        return None

    # Body order.
    def blocks(self, container) -> Iterator[str]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == _P:
                yield from self.paragraph(child)
            elif tag == _TBL:
                yield from self.table(child)
            elif tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                yield from self.blocks(child)

    def paragraph(self, p) -> Iterator[str]:
        ppr = p.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style.get(W + "val") if style is not None else None
        pieces: list[tuple[str, Optional[str]]] = []
        boxes = []
        for run in _runs(p):
            text = _run_text(run)
            if text:
                encoding = self._run_encoding(run, style_id)
                if pieces and pieces[-1][1] == encoding:  # VNI marks may sit in the next run
                    pieces[-1] = (pieces[-1][0] + text, encoding)
                else:
                    pieces.append((text, encoding))
            boxes.extend(box for box in run.iter(_TXBX) if not _under_fallback(box, run))
        label = self.numbering.label(*self._numbering_of(ppr, style_id))
        yield label + "".join(self._decode(text, encoding) for text, encoding in pieces)
        for box in boxes:  # text boxes follow the paragraph that anchors them
            yield from self.blocks(box)

    def _numbering_of(self, ppr, style_id: Optional[str]) -> tuple[Optional[str], int]:
        """(numId, level) of a paragraph's list, from its own properties or its style's."""
        num_id, level = None, None
        chain, seen = [ppr], set()
        style_id = style_id or self.default_paragraph_style
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            chain.append(self.styles[style_id].find(W + "pPr"))
            based = self.styles[style_id].find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        for props in chain:
            num = props.find(W + "numPr") if props is not None else None
            if num is None:
                continue
            if num_id is None and num.find(W + "numId") is not None:
                num_id = num.find(W + "numId").get(W + "val")
            if level is None and num.find(W + "ilvl") is not None:
                level = int(num.find(W + "ilvl").get(W + "val", "0") or 0)
        return num_id, level or 0

    def _decode(self, text: str, encoding: Optional[str]) -> str:
        if encoding is None:  # an invisible soft hyphen in Unicode text would split its word
            text = text.replace(SOFT_HYPHEN, "")
        out = decode_font_run(text, encoding)
        if out != text:
            self.converted[encoding] = self.converted.get(encoding, 0) + 1
        elif any(ord(c) > 127 for c in text):
            self.converted["unicode"] = self.converted.get("unicode", 0) + 1
        return out

    def cell_text(self, tc) -> str:
        return "\n".join(self.blocks(tc))

    def table(self, tbl) -> Iterator[str]:
        rows = [[self.cell_text(tc) for tc in _cells(tr)] for tr in _rows(tbl)]
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if _is_layout(rows):
            width = max(len(row) for row in rows)
            for column in range(width):
                for row in rows:
                    if column < len(row) and row[column].strip():
                        yield row[column]
            return
        for row in rows:
            yield "\t".join(row)


SOFT_HYPHEN = "\xad"
# What a run's elements read as. TCVN3 "ư" is byte 0xAD, the Latin-1 soft hyphen, which Word and
# LibreOffice store as a w:softHyphen element: it must come back as that byte for the table.
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-", W + "softHyphen": SOFT_HYPHEN}


def _run_text(run) -> str:
    pieces = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == W + "t":
            pieces.append(child.text or "")
        elif tag == W + "br":  # line, column or page break: the words on either side stay apart
            pieces.append("\n")
        elif tag in _RUN_TEXT:
            pieces.append(_RUN_TEXT[tag])
    return "".join(pieces)


def _fonts(rpr) -> tuple[Optional[str], ...]:
    """(hAnsi, ascii) font names a run-properties element sets, None where nothing is set. A theme
    font wins over a name beside it, as in Word, and counts as a Unicode font (themes name
    Cambria, Times New Roman, ...)."""
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    if fonts is None:
        return (None, None)
    return tuple("" if fonts.get(W + name + "Theme") else fonts.get(W + name) for name in ("hAnsi", "ascii"))


def _runs(element) -> Iterator:
    """The runs of a paragraph in reading order, through hyperlinks, fields, insertions and
    content controls, leaving out deleted text."""
    for child in element.iterchildren():
        if child.tag == _R:
            yield child
        elif child.tag not in _SKIP_IN_PARAGRAPH and child.tag != _P:
            yield from _runs(child)


def _under_fallback(element, stop) -> bool:
    node = element.getparent()
    while node is not None and node is not stop:
        if node.tag == MC + "Fallback":
            return True
        node = node.getparent()
    return False


def _rows(tbl) -> Iterator:
    for child in tbl.iterchildren():
        if child.tag == _TR:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
            yield from _rows(child)


def _cells(tr) -> Iterator:
    """A row's cells, each once: a cell spanning columns is one w:tc (python-docx's row.cells
    repeats it), and the continuation of a vertically merged cell is an empty one."""
    for child in tr.iterchildren():
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
            yield from _cells(child)


def _fold(text: str) -> str:
    """Upper-case ASCII letters of a line, for matching headings whatever their accents."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip().upper()


def _is_layout(rows: list[list[str]]) -> bool:
    """A side-by-side block of Nghị định 30/2020's layout: at most two columns hold text, and a
    cell opens with the motto, "Nơi nhận" or "Kính gửi"."""
    if not rows:
        return False
    text_columns = {i for row in rows for i, cell in enumerate(row) if cell.strip()}
    if len(text_columns) > 2:
        return False
    for row in rows:
        for cell in row:
            first = next((line for line in cell.splitlines() if line.strip()), "")
            if _fold(first).startswith(_LAYOUT_OPENINGS):
                return True
    return False
