"""A batch's results as tables: `vnplan export DIR --format parquet|csv|sqlite`.

One table per kind: `documents`, `sections` (the tree flattened, with its parent and level),
`legal_references`, `deadlines`, `responsibilities`, `targets`; the document key (`doc_key`, the
sha256 of the input) and the output id are on every row, with each item's offsets and page. The
SQLite file also carries `search`, an FTS5 index over each document's repaired text and every
item's text, tokenised with `unicode61 remove_diacritics 2` and holding a second, folded copy
(đ -> d, which Unicode does not count as a diacritic), so "quyet dinh 1258" finds "Quyết định
1258" and "Quyết định" finds it too. Open it with `sqlite3 OUT.sqlite` or `datasette OUT.sqlite`.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Iterator

from vnplan.batch.outdir import INDEX, write_atomic
from vnplan.errors import InputError, OutputError

KINDS = ("legal_references", "deadlines", "responsibilities", "targets")
ITEM_SKIP = {"raw_start", "raw_end"}


def _documents(out_dir: Path) -> Iterator[tuple[dict, dict]]:
    index = out_dir / INDEX
    if not index.exists():
        raise InputError(out_dir, f"not a batch output folder (no {INDEX})")
    for line in index.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("status") != "ok" or not record.get("output"):
            continue
        path = Path(record["output"])
        if not path.is_absolute() and not path.exists():
            path = out_dir / path.name
        try:
            yield record, json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flatten(sections: list[dict], parent: str | None = None, level: int = 1) -> Iterator[dict]:
    for s in sections:
        yield {"number": s.get("number"), "parent": parent, "level": level, "label": s.get("label"),
               "heading": s.get("heading"), "start": s.get("start"), "end": s.get("end"), "page": s.get("page")}
        path = f"{parent}.{s.get('number')}" if parent else str(s.get("number"))
        yield from _flatten(s.get("children") or [], path, level + 1)


def tables(out_dir: Path) -> tuple[dict[str, list[dict]], list[tuple[str, str, str, str]]]:
    """Rows per table, and (doc_key, kind, text, where) rows for the full-text index."""
    rows: dict[str, list[dict]] = {name: [] for name in ("documents", "sections", *KINDS)}
    search: list[tuple[str, str, str, str]] = []
    for record, doc in _documents(out_dir):
        key = {"doc_key": doc["source"]["sha256"], "doc_id": record.get("id")}
        meta = doc.get("metadata") or {}
        rows["documents"].append({
            **key, "path": doc["source"].get("path"), "kind": doc["source"].get("kind"), "pages": doc["source"].get("pages"),
            **{k: _cell(meta.get(k)) for k in ("doc_type", "number", "symbol", "issuer", "issuer_parent", "place", "date",
                                               "title", "signer_name", "signer_title", "period_start", "period_end")},
            "warnings": len(doc.get("warnings") or []),
        })
        search.append((key["doc_key"], "document", doc.get("text") or "", record.get("id") or ""))
        for s in _flatten(doc.get("sections") or []):
            rows["sections"].append({**key, **s})
        for kind in KINDS:
            for item in doc.get(kind) or []:
                rows[kind].append({**key, **{k: _cell(v) for k, v in item.items() if k not in ITEM_SKIP}})
                search.append((key["doc_key"], kind, item.get("text") or "", f"{item.get('start')}-{item.get('end')}"))
    return rows, search


def _columns(rows: list[dict]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns) or ["doc_key", "doc_id"]


def export(out_dir: str | Path, fmt: str, target: str | Path | None = None) -> list[Path]:
    from vnplan.text import fold

    out_dir = Path(out_dir)
    rows, search = tables(out_dir)
    written: list[Path] = []
    if fmt == "sqlite":
        path = Path(target) if target else out_dir / "vnplan.sqlite"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            con = sqlite3.connect(tmp)
            for name, table in rows.items():
                cols = _columns(table)
                quoted = ", ".join('"' + c + '"' for c in cols)
                con.execute(f"CREATE TABLE {name} ({quoted})")
                con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' for _ in cols)})",
                                [tuple(r.get(c) for c in cols) for r in table])
            con.execute("CREATE VIRTUAL TABLE search USING fts5(doc_key UNINDEXED, kind UNINDEXED, text, folded, "
                        "place UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')")
            con.executemany("INSERT INTO search VALUES (?, ?, ?, ?, ?)",
                            [(k, kind, text, fold(text), where) for k, kind, text, where in search])
            con.commit()
            con.close()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.replace(path)
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            raise OutputError(f"{path}: cannot write ({exc})") from None
        return [path]
    folder = Path(target) if target else out_dir
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in rows.items():
        if fmt == "csv":
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=_columns(table))
            writer.writeheader()
            writer.writerows(table)
            path = folder / f"{name}.csv"
            write_atomic(path, buffer.getvalue().encode("utf-8"))
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            path = folder / f"{name}.parquet"
            tmp = folder / f".{name}.parquet.tmp"
            table_ = pa.Table.from_pylist(table) if table else pa.table({c: pa.array([], pa.string()) for c in _columns(table)})
            try:
                pq.write_table(table_, tmp)
                tmp.replace(path)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise OutputError(f"{path}: cannot write ({exc})") from None
        else:
            raise ValueError(f"unknown format {fmt}")
        written.append(path)
    return written
