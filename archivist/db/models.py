"""SQLAlchemy 2 typed models of the archive.

Every table that the migrations create is described here; Alembic revisions in
`archivist/migrations` are the source of truth for the schema on disk.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class Setting(Base):
    """Archive-wide settings (archival code template, category code, ...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReplayBaselineDue(Base):
    """A table that became replayed after the archive's trail began to carry state: its
    baseline events are written at the next open (migration 0014). Bookkeeping."""

    __tablename__ = "replay_baselines_due"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)


class Fonds(Base):
    """全宗."""

    __tablename__ = "fonds"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class ArchiveClass(Base):
    """A class of the classification scheme (e.g. SY 失业保险待遇类)."""

    __tablename__ = "archive_classes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    insurance_type: Mapped[str] = mapped_column(String(50), default="")
    default_retention: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="ok")  # ok | not_found
    note: Mapped[str] = mapped_column(Text, default="")
    business_types: Mapped[list[BusinessType]] = relationship(
        back_populates="archive_class", order_by="BusinessType.id"
    )


class BusinessType(Base):
    """A business type under a class, with its retention period and the basis for it."""

    __tablename__ = "business_types"
    __table_args__ = (UniqueConstraint("class_id", "name", name="uq_business_types_class_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("archive_classes.id"))
    name: Mapped[str] = mapped_column(String(100))
    retention: Mapped[str | None] = mapped_column(String(16))
    schedule_item: Mapped[str] = mapped_column(String(32), default="")
    material: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(Text, default="")
    archive_class: Mapped[ArchiveClass] = relationship(back_populates="business_types")


class Entity(Base):
    """A unit (单位) or a person (个人) that business is done for."""

    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # unit | person
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    unit_code: Mapped[str | None] = mapped_column(String(18), unique=True)


class NumberCounter(Base):
    """The last serial issued per year and class: the source of gap-free numbers."""

    __tablename__ = "number_counters"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("archive_classes.id"), primary_key=True)
    last_serial: Mapped[int] = mapped_column(Integer, default=0)


class NumberVacancy(Base):
    """A serial left empty on purpose by an audited renumbering (explains a gap)."""

    __tablename__ = "number_vacancies"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("archive_classes.id"), primary_key=True)
    serial: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)


class Item(Base):
    """One business transaction (件)."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("year", "class_id", "serial", name="uq_items_year_class_serial"),
        Index("ix_items_class_year", "class_id", "year"),
        # the item table's sorts: by a column, then by number (migration 0004)
        Index("ix_items_title_number", "title", "number"),
        Index("ix_items_retention_number", "retention", "number"),
        Index("ix_items_completed_on_number", "completed_on", "number"),
        Index("ix_items_class_number", "class_id", "number"),
        Index("ix_items_business_type_number", "business_type_id", "number"),
        Index("ix_items_entity_number", "entity_id", "number"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    capture_id: Mapped[str] = mapped_column(String(36), unique=True)
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    class_id: Mapped[int] = mapped_column(ForeignKey("archive_classes.id"))
    business_type_id: Mapped[int] = mapped_column(ForeignKey("business_types.id"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    archival_code: Mapped[str] = mapped_column(String(80), unique=True)
    completed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(Text)
    handler: Mapped[str] = mapped_column(String(100), default="")
    retention: Mapped[str] = mapped_column(String(16))
    expires_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="captured")
    folder: Mapped[str] = mapped_column(Text)
    order_override: Mapped[str | None] = mapped_column(Text)
    captured_at: Mapped[str] = mapped_column(String(32))
    captured_by: Mapped[str] = mapped_column(String(100))

    archive_class: Mapped[ArchiveClass] = relationship()
    business_type: Mapped[BusinessType] = relationship()
    entity: Mapped[Entity] = relationship()
    fonds: Mapped[Fonds] = relationship()
    materials: Mapped[list[Material]] = relationship(
        back_populates="item", order_by="Material.seq", cascade="all, delete-orphan"
    )
    roster: Mapped[list[RosterEntry]] = relationship(
        back_populates="item", order_by="RosterEntry.position", cascade="all, delete-orphan"
    )


class Material(Base):
    """One file of an item: a business form or a review voucher."""

    __tablename__ = "materials"
    __table_args__ = (UniqueConstraint("item_id", "seq", name="uq_materials_item_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    seq: Mapped[int] = mapped_column(Integer)
    capture_index: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(8))  # form | voucher
    importance: Mapped[str] = mapped_column(String(10))  # important | secondary
    importance_given: Mapped[bool] = mapped_column(default=True)
    person_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    person_name: Mapped[str | None] = mapped_column(String(200), index=True)
    origin: Mapped[str] = mapped_column(String(10))  # scan | electronic
    source: Mapped[str | None] = mapped_column(String(10))  # agency | applicant
    nature: Mapped[str | None] = mapped_column(String(12))  # conclusion|evidence|reply|incoming
    is_copy: Mapped[bool | None] = mapped_column()
    is_attachment: Mapped[bool | None] = mapped_column()
    title: Mapped[str] = mapped_column(Text)
    file: Mapped[str] = mapped_column(Text, unique=True)
    original_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(40))
    pages: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    order_basis: Mapped[list[Any]] = mapped_column(JSON)
    # Message codes of what capture noticed (e.g. a PDF with JavaScript): stored anyway.
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))

    item: Mapped[Item] = relationship(back_populates="materials")


class RosterEntry(Base):
    """A person on the roster (名册) of an item's form, in roster order."""

    __tablename__ = "roster_entries"
    __table_args__ = (UniqueConstraint("item_id", "position", name="uq_roster_item_position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    form_material_id: Mapped[int | None] = mapped_column(ForeignKey("materials.id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), index=True)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)

    item: Mapped[Item] = relationship(back_populates="roster")
    entity: Mapped[Entity | None] = relationship()


class AuditEvent(Base):
    """An append-only, hash-chained record of one change."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(200), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    op_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # the after-state of every record row the change wrote: {table: {key: row | None}}
    # (None: deleted); None in events written before issue 16 (replayed from a baseline)
    state: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OcrJob(Base):
    """The OCR of one material: a persistent, resumable queue entry."""

    __tablename__ = "ocr_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id"), unique=True)
    status: Mapped[str] = mapped_column(String(10), index=True)  # pending|running|done|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    pages_total: Mapped[int] = mapped_column(Integer, default=0)
    pages_done: Mapped[int] = mapped_column(Integer, default=0)
    pages_failed: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[str] = mapped_column(String(32))


class PageText(Base):
    """The text of one page of a material, from OCR or from the PDF's own text layer."""

    __tablename__ = "page_texts"
    __table_args__ = (UniqueConstraint("material_id", "page", name="uq_page_texts_material_page"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("materials.id"), index=True)
    page: Mapped[int] = mapped_column(Integer)  # 1-based
    status: Mapped[str] = mapped_column(String(10))  # done | failed
    source: Mapped[str] = mapped_column(String(12))  # ocr | text-layer
    engine: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    lines: Mapped[list[Any] | None] = mapped_column(JSON)  # [[text, left, top, width, height]]
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    confidence: Mapped[float | None] = mapped_column()
    seconds: Mapped[float] = mapped_column(default=0.0)
    error_code: Mapped[str | None] = mapped_column(String(40))
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(32))


class Volume(Base):
    """A volume (案卷): items of one year, one class and one retention period, in time
    order, filed by month, quarter or year. Code 全宗号-目录号-案卷号."""

    __tablename__ = "volumes"
    __table_args__ = (UniqueConstraint("catalogue", "case_no", name="uq_volumes_catalogue_case"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    catalogue: Mapped[str] = mapped_column(String(32))  # 目录号
    case_no: Mapped[int] = mapped_column(Integer)  # 案卷号
    class_id: Mapped[int] = mapped_column(ForeignKey("archive_classes.id"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    retention: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(String(8))  # month | quarter | year
    period_key: Mapped[str] = mapped_column(String(10))  # 2023-05 | 2023-Q2 | 2023
    title: Mapped[str] = mapped_column(Text)
    title_edited: Mapped[bool] = mapped_column(default=False)
    paged: Mapped[bool] = mapped_column(default=False)  # kept 30 years or longer
    status: Mapped[str] = mapped_column(String(12), default="open")  # open|handed_over|returned
    box_id: Mapped[int | None] = mapped_column(ForeignKey("boxes.id"), index=True)
    created_at: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    # moves on with every change of the volume, its entries or its items' rows (the
    # flush hook in archivist.db.engine): what registers and handover checks compare
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))

    archive_class: Mapped[ArchiveClass] = relationship()
    fonds: Mapped[Fonds] = relationship()
    entries: Mapped[list[VolumeItem]] = relationship(
        back_populates="volume", order_by="VolumeItem.seq", cascade="all, delete-orphan"
    )


class VolumeRegister(Base):
    """A register of a volume (cover, contents list, notes sheet) as last generated: the
    volume's revision it was generated from, when and by whom (migration 0007)."""

    __tablename__ = "volume_registers"
    __table_args__ = (
        UniqueConstraint("volume_id", "kind", name="uq_volume_registers_volume_kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"))
    kind: Mapped[str] = mapped_column(String(24))  # volume-cover | volume-contents | ...
    revision: Mapped[int] = mapped_column(Integer)
    generated_at: Mapped[str] = mapped_column(String(32))
    generated_by: Mapped[str] = mapped_column(String(100))


class VolumeItem(Base):
    """An item's place in its volume; an item belongs to at most one volume."""

    __tablename__ = "volume_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), unique=True)
    seq: Mapped[int] = mapped_column(Integer)  # 顺序号
    first_page: Mapped[int | None] = mapped_column(Integer)  # paged volumes only
    last_page: Mapped[int | None] = mapped_column(Integer)

    volume: Mapped[Volume] = relationship(back_populates="entries")
    item: Mapped[Item] = relationship()


class Location(Base):
    """A place on the shelves: 库房-架-列-层."""

    __tablename__ = "locations"
    __table_args__ = (
        UniqueConstraint("room", "shelf", "column_no", "layer", name="uq_locations_place"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    room: Mapped[str] = mapped_column(String(40))
    shelf: Mapped[int] = mapped_column(Integer)
    column_no: Mapped[int] = mapped_column(Integer)
    layer: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(80), unique=True)


class Box(Base):
    """A box (盒): volumes, or items of an item-based archive, of one year, one class and
    one retention period; its barcode is what the inventory scans."""

    __tablename__ = "boxes"
    id: Mapped[int] = mapped_column(primary_key=True)
    fonds_id: Mapped[int] = mapped_column(ForeignKey("fonds.id"))
    number: Mapped[int] = mapped_column(Integer)  # 盒号
    code: Mapped[str] = mapped_column(String(80), unique=True)  # the barcode's text
    year: Mapped[int] = mapped_column(Integer)
    class_id: Mapped[int] = mapped_column(ForeignKey("archive_classes.id"))
    retention: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(8))  # volumes | items
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"), index=True)
    created_at: Mapped[str] = mapped_column(String(32))

    archive_class: Mapped[ArchiveClass] = relationship()
    location: Mapped[Location | None] = relationship()


class BoxItem(Base):
    """An item boxed directly (item-based filing, 按件)."""

    __tablename__ = "box_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    box_id: Mapped[int] = mapped_column(ForeignKey("boxes.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), unique=True)
    seq: Mapped[int] = mapped_column(Integer)


class Handover(Base):
    """A handover batch (归档交接) from a business department to the archive."""

    __tablename__ = "handovers"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # 交接单号
    from_department: Mapped[str] = mapped_column(String(100))
    to_department: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12))  # draft|checked|signed
    handed_by: Mapped[str] = mapped_column(String(100), default="")
    received_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[str] = mapped_column(String(32))
    signed_on: Mapped[dt.date | None] = mapped_column(Date)

    entries: Mapped[list[HandoverVolume]] = relationship(
        back_populates="handover", order_by="HandoverVolume.seq", cascade="all, delete-orphan"
    )


class HandoverVolume(Base):
    """A volume in a handover batch and the result of its quality check."""

    __tablename__ = "handover_volumes"
    __table_args__ = (
        UniqueConstraint("handover_id", "volume_id", name="uq_handover_volumes_pair"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    volume_id: Mapped[int] = mapped_column(ForeignKey("volumes.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(String(8))  # pass|fail|returned|None=unchecked
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # the volume's revision its check saw: signing needs it unchanged (None: unchecked)
    checked_revision: Mapped[int | None] = mapped_column(Integer)

    handover: Mapped[Handover] = relationship(back_populates="entries")
    volume: Mapped[Volume] = relationship()


class Account(Base):
    """A person's (or a scheduled job's) account. Never deleted: disabling keeps it and
    every event that names it."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12), default="person")  # person|service
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[str] = mapped_column(String(32))
    password_changed_at: Mapped[str | None] = mapped_column(String(32))

    roles: Mapped[list[AccountRole]] = relationship(
        back_populates="account", order_by="AccountRole.role", cascade="all, delete-orphan"
    )


class AccountRole(Base):
    """A role an account holds (granted by a security officer)."""

    __tablename__ = "account_roles"
    __table_args__ = (UniqueConstraint("account_id", "role", name="uq_account_roles_pair"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    granted_at: Mapped[str] = mapped_column(String(32))
    granted_by: Mapped[str] = mapped_column(String(64))

    account: Mapped[Account] = relationship(back_populates="roles")


class SignInSession(Base):
    """A signed-in session (the window's or one OS user's command line). The token
    itself lives only in the session's holder; the row keeps its SHA-256."""

    __tablename__ = "sign_in_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    os_user: Mapped[str] = mapped_column(String(100))
    seat: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[str] = mapped_column(String(32))
    last_seen_at: Mapped[str] = mapped_column(String(32))
    ended_at: Mapped[str | None] = mapped_column(String(32))


class AccessEvent(Base):
    """An append-only, hash-chained record of one access: a sign-in, a page or an item
    viewed, a search, a print or export, a revealed ID number, a refusal."""

    __tablename__ = "access_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32), index=True)
    user_name: Mapped[str] = mapped_column(String(64), index=True)
    seat: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(24))
    target: Mapped[str] = mapped_column(String(200), index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class UseRequest(Base):
    """A use request (利用申请, LY-年度-流水号): consult, lend, copy or view on screen, by a
    staff account or an outside person or unit; approved by someone else."""

    __tablename__ = "use_requests"
    __table_args__ = (UniqueConstraint("year", "serial", name="uq_use_requests_year_serial"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # consult|lend|copy|view
    status: Mapped[str] = mapped_column(String(12), index=True)  # archivist.changes.states
    requested_by: Mapped[str] = mapped_column(String(64))  # the account that asked
    borrower_kind: Mapped[str] = mapped_column(String(8))  # staff|person|unit
    borrower_name: Mapped[str] = mapped_column(String(100))
    borrower_id_number: Mapped[str | None] = mapped_column(String(18))
    borrower_unit: Mapped[str] = mapped_column(String(200), default="")
    borrower_phone: Mapped[str] = mapped_column(String(40), default="")
    borrower_account: Mapped[str | None] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(Text)
    days: Mapped[int] = mapped_column(Integer)  # the period asked (days)
    created_at: Mapped[str] = mapped_column(String(32))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[str | None] = mapped_column(String(32))
    refusal: Mapped[str] = mapped_column(Text, default="")
    # an approved view or copy may be used from the approval until this day (inclusive)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    lent_on: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    closed_at: Mapped[str | None] = mapped_column(String(32))
    effect: Mapped[str] = mapped_column(Text, default="")  # 利用效果
    effect_on: Mapped[dt.date | None] = mapped_column(Date)

    targets: Mapped[list[UseTarget]] = relationship(
        back_populates="request", order_by="UseTarget.seq", cascade="all, delete-orphan"
    )
    extensions: Mapped[list[UseExtension]] = relationship(
        back_populates="request", order_by="UseExtension.id", cascade="all, delete-orphan"
    )


class UseTarget(Base):
    """One thing a use request covers: an item, a volume or a box, and its loan state."""

    __tablename__ = "use_targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("use_requests.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # item|volume|box
    code: Mapped[str] = mapped_column(String(100), index=True)  # number, volume or box code
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volumes.id"), index=True)
    box_id: Mapped[int | None] = mapped_column(ForeignKey("boxes.id"), index=True)
    state: Mapped[str] = mapped_column(String(10))  # waiting|out|returned
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    condition: Mapped[str | None] = mapped_column(String(8))  # intact|damaged|lost
    note: Mapped[str] = mapped_column(Text, default="")

    request: Mapped[UseRequest] = relationship(back_populates="targets")


class UseExtension(Base):
    """An extension of a loan's due date, granted by an approver (never the requester)."""

    __tablename__ = "use_extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("use_requests.id"), index=True)
    days: Mapped[int] = mapped_column(Integer)
    old_due_on: Mapped[dt.date] = mapped_column(Date)
    new_due_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[str] = mapped_column(String(32))

    request: Mapped[UseRequest] = relationship(back_populates="extensions")


class BenefitEvent(Base):
    """A benefit event attached to an item (IM-UI 56): 待遇审核变更, 二次发放, 追回待遇."""

    __tablename__ = "benefit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # review_change|reissue|recovery
    person_name: Mapped[str] = mapped_column(String(100), index=True)
    person_id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    amount_fen: Mapped[int | None] = mapped_column(Integer)  # money in fen (分), exact
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    bank_change: Mapped[str] = mapped_column(Text, default="")  # old → new account, if any
    happened_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32))


class Hold(Base):
    """A hold (保全/暂缓处置) on an item or a volume (which covers its items): while
    placed, the record cannot be destroyed, transferred or have its retention shortened."""

    __tablename__ = "holds"
    __table_args__ = (UniqueConstraint("year", "serial", name="uq_holds_year_serial"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # BQ-年度-流水号
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # unsettled|dispute|litigation|audit|other
    reason: Mapped[str] = mapped_column(Text)
    target_kind: Mapped[str] = mapped_column(String(8))  # item|volume
    code: Mapped[str] = mapped_column(String(100))  # the item's number or the volume's code
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    volume_id: Mapped[int | None] = mapped_column(ForeignKey("volumes.id"), index=True)
    state: Mapped[str] = mapped_column(String(8), index=True)  # placed|lifted
    placed_by: Mapped[str] = mapped_column(String(64))
    placed_at: Mapped[str] = mapped_column(String(32))
    lifted_by: Mapped[str | None] = mapped_column(String(64))
    lifted_at: Mapped[str | None] = mapped_column(String(32))
    lift_reason: Mapped[str] = mapped_column(Text, default="")


class AppraisalBatch(Base):
    """An appraisal batch (鉴定批次, JD-年度-NN): the group, the records in scope, an opinion
    per record; signed when every member has signed."""

    __tablename__ = "appraisal_batches"
    __table_args__ = (UniqueConstraint("year", "serial", name="uq_appraisal_batches_year_serial"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # JD-2026-01
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    as_of: Mapped[dt.date] = mapped_column(Date)  # the day the scope was taken
    class_code: Mapped[str | None] = mapped_column(String(20))  # scope filter, if any
    scope_year: Mapped[int | None] = mapped_column(Integer)  # scope filter, if any
    state: Mapped[str] = mapped_column(String(8), index=True)  # draft|signed
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))
    signed_at: Mapped[str | None] = mapped_column(String(32))  # when the last member signed


class AppraisalMember(Base):
    """A member of the appraisal group; `head` when they hold the head role (one must)."""

    __tablename__ = "appraisal_members"
    __table_args__ = (UniqueConstraint("batch_id", "user_name", name="uq_appraisal_members_user"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("appraisal_batches.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # order of the names on the forms
    user_name: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    head: Mapped[bool] = mapped_column(Boolean)
    signed_at: Mapped[str | None] = mapped_column(String(32))


class AppraisalEntry(Base):
    """One record of a batch: its period when appraised and the group's opinion
    (destroy|extend|permanent) with the new period for an extension, and the reason."""

    __tablename__ = "appraisal_entries"
    __table_args__ = (UniqueConstraint("batch_id", "item_id", name="uq_appraisal_entries_item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("appraisal_batches.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    retention: Mapped[str] = mapped_column(String(20))  # 原保管期限
    expires_on: Mapped[dt.date] = mapped_column(Date)  # 到期日期
    opinion: Mapped[str | None] = mapped_column(String(10))  # destroy|extend|permanent
    new_retention: Mapped[str | None] = mapped_column(String(20))
    new_expires_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[str | None] = mapped_column(String(32))


class DestructionRegister(Base):
    """A destruction register (销毁清册, XH-年度-NN) made from a signed batch's destroy
    opinions; `accounting` for the accounting archives' register (Order 79). Kept for
    ever: there is no path that deletes it."""

    __tablename__ = "destruction_registers"
    __table_args__ = (
        UniqueConstraint("year", "serial", name="uq_destruction_registers_year_serial"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # XH-2026-01
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int] = mapped_column(ForeignKey("appraisal_batches.id"), index=True)
    accounting: Mapped[bool] = mapped_column(Boolean)
    state: Mapped[str] = mapped_column(String(10), index=True)  # proposed|approved|executed
    proposed_by: Mapped[str] = mapped_column(String(64))
    proposed_at: Mapped[str] = mapped_column(String(32))
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[str | None] = mapped_column(String(32))
    executed_by: Mapped[str | None] = mapped_column(String(64))
    executed_at: Mapped[str | None] = mapped_column(String(32))
    executed_on: Mapped[dt.date | None] = mapped_column(Date)  # 销毁日期
    method: Mapped[str] = mapped_column(Text, default="")  # 销毁方式
    place: Mapped[str] = mapped_column(Text, default="")  # 销毁地点


class DestructionEntry(Base):
    """One row of a destruction register, frozen when the register is made: what the
    record was (the stub keeps it after its content is gone)."""

    __tablename__ = "destruction_entries"
    __table_args__ = (UniqueConstraint("register_id", "seq", name="uq_destruction_entries_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("destruction_registers.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # 序号
    number: Mapped[str] = mapped_column(String(40))
    archival_code: Mapped[str] = mapped_column(String(100))  # 档号
    title: Mapped[str] = mapped_column(Text)  # 题名
    class_code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)  # 年度
    retention: Mapped[str] = mapped_column(String(20))  # 应保管期限
    kept_years: Mapped[int] = mapped_column(Integer)  # 已保管期限 (whole years to the day made)
    pages: Mapped[int] = mapped_column(Integer)  # 页数
    volume: Mapped[str | None] = mapped_column(String(100))  # 卷号 (accounting register)
    note: Mapped[str] = mapped_column(Text, default="")  # 备注


class DestructionSignature(Base):
    """A person signing a destruction register as themselves: the five duties of an
    accounting register (Order 79) and every supervisor (监销人) with their unit."""

    __tablename__ = "destruction_signatures"
    __table_args__ = (
        UniqueConstraint("register_id", "duty", "user_name", name="uq_destruction_signatures"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("destruction_registers.id"), index=True)
    # unit_head|archives_head|accounting_head|archives_handler|accounting_handler|supervisor
    duty: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(12), default="")  # archives|accounting|it|other
    user_name: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    signed_at: Mapped[str] = mapped_column(String(32))
