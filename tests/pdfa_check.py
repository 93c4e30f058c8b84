"""A check of the PDF/A-2b requirements extract/pdfa.py implements, read from the file written and
written apart from the code that wrote it (veraPDF, the reference validator, is neither in Debian
nor on PyPI, so it cannot run here). ISO 19005-2 clauses:

- 6.1.2 header: `%PDF-1.n`, then a comment line of at least four bytes above 127;
- 6.1.3 trailer: an /ID, no /Encrypt;
- 6.2.2 / 6.2.4.3 output intent: a /GTS_PDFA1 OutputIntent whose DestOutputProfile is an ICC
  profile ('acsp') of an RGB device (so DeviceRGB and DeviceGray may be used), /N 3 matching it;
- 6.2.11.4 fonts: every font embedded (poppler's `pdffonts`: emb = yes on every row);
- 6.6.2 metadata: an XMP stream in the catalog, without /Filter, whose pdfaid:part is 2 and
  pdfaid:conformance B; 6.6.3 the Info entries agree with their XMP equivalents;
- 6.6.1 / 6.1.1 no JavaScript (document name tree or OpenAction).
It does not check everything veraPDF does (content-stream operators, transparency, annotations'
appearances, limits): pikepdf.pdfa.validate_written is asked for that as a second opinion.
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def pdfa_problems(path: Path) -> list[str]:
    """What keeps ``path`` from PDF/A-2b, as far as the clauses above go ([] when nothing)."""
    import pikepdf

    data = Path(path).read_bytes()
    problems = _header_problems(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        trailer = pdf.trailer
        if "/Encrypt" in trailer:
            problems.append("6.1.3: the file is encrypted")
        ids = trailer.get("/ID")
        if ids is None or len(ids) != 2:
            problems.append("6.1.3: no /ID in the trailer")
        problems += _metadata_problems(pdf)
        problems += _output_intent_problems(pdf)
        problems += _javascript_problems(pdf)
    problems += _font_problems(path)
    return problems


def pdfa_claim(path: Path) -> tuple[str, str] | None:
    """(pdfaid:part, pdfaid:conformance) as the file's XMP states them, or None."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        xmp = _xmp(pdf)
    if xmp is None:
        return None
    part, conformance = _xmp_value(xmp, "pdfaid:part"), _xmp_value(xmp, "pdfaid:conformance")
    return (part, conformance) if part else None


def _header_problems(data: bytes) -> list[str]:
    lines = data.split(b"\n", 2)
    if not re.match(rb"%PDF-1\.\d\r?$", lines[0]):
        return ["6.1.2: the header is not %PDF-1.n"]
    if len(lines) < 2 or not lines[1].startswith(b"%") or sum(b > 127 for b in lines[1][1:5]) < 4:
        return ["6.1.2: no binary comment after the header"]
    return []


def _xmp(pdf):
    from lxml import etree

    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return None
    return etree.fromstring(stream.read_bytes())


def _xmp_value(xmp, name: str) -> str | None:
    """A simple property, written as an element or as an attribute of rdf:Description; for dc
    arrays (title, creator), the first rdf:li."""
    prefix, local = name.split(":")
    uri = NS[prefix]
    for description in xmp.iter(f"{{{NS['rdf']}}}Description"):
        if f"{{{uri}}}{local}" in description.attrib:
            return description.attrib[f"{{{uri}}}{local}"]
        element = description.find(f"{{{uri}}}{local}")
        if element is not None:
            item = element.find(f".//{{{NS['rdf']}}}li")
            return (item.text if item is not None else element.text) or ""
    return None


def _metadata_problems(pdf) -> list[str]:
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return ["6.6.2: no XMP metadata stream in the catalog"]
    problems = []
    if "/Filter" in stream:
        problems.append("6.6.2: the metadata stream is filtered")
    raw = stream.read_bytes()
    if b"<?xpacket begin=" not in raw:
        problems.append("6.6.2: the XMP packet has no xpacket header")
    try:
        xmp = _xmp(pdf)
    except Exception as exc:  # lxml's XMLSyntaxError and the like: the packet does not parse
        return problems + [f"6.6.2: the XMP packet does not parse ({exc})"]
    if _xmp_value(xmp, "pdfaid:part") != "2":
        problems.append(f"6.6.4: pdfaid:part is {_xmp_value(xmp, 'pdfaid:part')!r}, not '2'")
    if _xmp_value(xmp, "pdfaid:conformance") != "B":
        problems.append(f"6.6.4: pdfaid:conformance is {_xmp_value(xmp, 'pdfaid:conformance')!r}, not 'B'")
    info = pdf.trailer.get("/Info")
    pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
             ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer"), ("/Keywords", "pdf:Keywords")]
    for key, name in pairs:
        value = str(info[key]) if info is not None and key in info else None
        if value is not None and value != _xmp_value(xmp, name):
            problems.append(f"6.6.3: Info {key} {value!r} disagrees with XMP {name} {_xmp_value(xmp, name)!r}")
    for key, name in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if info is not None and key in info:
            a, b = _pdf_date(str(info[key])), _xmp_date(_xmp_value(xmp, name))
            if a is None or a != b:
                problems.append(f"6.6.3: Info {key} {str(info[key])!r} disagrees with XMP {name}")
    return problems


def _pdf_date(text: str) -> datetime | None:
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?", text)
    if not m:
        return None
    year, month, day, hour, minute, second = (int(g) if g else d for g, d in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    zone = m.group(7) or "Z"
    offset = timedelta(0) if zone == "Z" else (1 if zone[0] == "+" else -1) * timedelta(
        hours=int(zone[1:3]), minutes=int(zone.replace("'", "")[3:5]))
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))


def _xmp_date(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.replace(microsecond=0) if value.tzinfo else value.replace(tzinfo=timezone.utc, microsecond=0)


def _output_intent_problems(pdf) -> list[str]:
    from PIL import ImageCms

    intents = [oi for oi in pdf.Root.get("/OutputIntents", []) if oi.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"6.2.2: {len(intents)} GTS_PDFA1 output intents, not one"]
    profile = intents[0].get("/DestOutputProfile")
    if profile is None:
        return ["6.2.2: the output intent has no DestOutputProfile"]
    icc = profile.read_bytes()
    problems = []
    if int(profile.get("/N", 0)) != 3:
        problems.append(f"6.2.2: the profile's /N is {profile.get('/N')}, not 3")
    if icc[36:40] != b"acsp" or int.from_bytes(icc[:4], "big") != len(icc):
        return problems + ["6.2.2: the DestOutputProfile is not an ICC profile"]
    if icc[16:20] != b"RGB " or icc[12:16] not in (b"mntr", b"prtr") or icc[8] not in (2, 4):
        problems.append(f"6.2.2: profile {icc[12:16]!r} {icc[16:20]!r} version {icc[8]} is not an RGB output profile")
    try:  # LittleCMS, through Pillow, reads the profile as a colour engine would
        ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError) as exc:
        problems.append(f"6.2.2: the profile does not load ({exc})")
    return problems


def _javascript_problems(pdf) -> list[str]:
    problems = []
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        problems.append("6.6.1: document JavaScript")
    action = pdf.Root.get("/OpenAction")
    if hasattr(action, "get") and action.get("/S") == "/JavaScript":
        problems.append("6.6.1: a JavaScript open action")
    return problems


def _font_problems(path: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]   # past the header and its rule
    # read from the right (emb sub uni num gen): a long name or a type like "CID TrueType" shifts
    # the columns on the left
    return [f"6.2.11.4: font not embedded: {row.split()[0]}" for row in rows if row.split()[-5] != "yes"]
