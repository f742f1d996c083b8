"""Custody (保管): the spine/box labels (卷脊/盒脊) of boxes, as text rows for the
spine-labels register.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select

from archivist.archive import Archive
from archivist.custody.boxes import _box, _boxes_stmt, _contents
from archivist.db.models import Fonds
from archivist.rules.retention import Retention


@dataclass(frozen=True)
class SpineLabel:
    """The spine/box label (卷脊/盒脊) of a box as text, in the spine-labels layout's
    column order: 全宗号, 年度, 保管期限 (永久, 30年 …), 起止件号 or 案卷号 (its heading in
    `range_heading`), 盒号, barcode text; also the kind and the location code ("" if none)."""

    fonds_code: str
    year: str
    retention: str
    range: str
    box: str
    barcode: str
    range_heading: str
    kind: str
    location: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def label_rows(
    archive: Archive,
    codes: Sequence[str] | None = None,
    *,
    year: int | None = None,
    class_code: str | None = None,
) -> list[SpineLabel]:
    """The spine/box label (卷脊/盒脊) of each box (`SpineLabel`): boxes named in `codes`
    (in that order), else every box of the year and class."""
    with archive.db.reading() as session:
        if codes:
            boxes = [_box(session, code) for code in codes]
        else:
            boxes = list(session.scalars(_boxes_stmt(session, year, class_code)))
        fonds = {f.id: f.code for f in session.scalars(select(Fonds))}
        rows = []
        for box in boxes:
            _held, span = _contents(session, box)
            rows.append(
                SpineLabel(
                    fonds_code=fonds.get(box.fonds_id, ""),
                    year=str(box.year),
                    retention=Retention(box.retention).label,
                    range=span,
                    box=f"{box.number:04d}",
                    barcode=box.code,
                    range_heading="案卷号" if box.kind == "volumes" else "起止件号",
                    kind=box.kind,
                    location=box.location.code if box.location else "",
                )
            )
        return rows
