"""The archive facade: one object for an opened archive, owning the database, the
file store and (later) the search index. The CLI and the window both hold one."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir
from sqlalchemy import func, select

from archivist.accounts import signing
from archivist.accounts.directory import (
    Administrators,
    check_administrators,
    has_accounts,
    setup_administrators,
)
from archivist.accounts.people import Person
from archivist.changes import audit
from archivist.changes.actions import Action
from archivist.changes.unit_of_work import Change, Changes, unit_of_work
from archivist.db.engine import Database, read_only_sqlite_url
from archivist.db.migrate import current_revision, ensure_current, head_revision, upgrade
from archivist.db.models import Fonds, Item, Material, Setting
from archivist.errors import ArchiveError, InputError
from archivist.rules import scheme
from archivist.storage import journal, removal
from archivist.storage.filestore import translate_os_error

if TYPE_CHECKING:
    from archivist.rules.numbering import CodeParts

log = logging.getLogger(__name__)

ARCHIVE_FILE = "archive.json"
FORMAT = "archivist-archive"
DEFAULT_SETTINGS: dict[str, str] = {
    "archival_code_template": "{fonds}-{category}·{year}-{retention}-{klass}-{serial:04d}",
    "category_code": "SB",
    # The full-text index engine (archivist.search.index.ENGINES); the index is derived
    # data, rebuilt from the database when this changes.
    "search_engine": "tantivy",
    # 接收部门: who receives handovers (归档交接) unless a batch names another.
    "archive_department": "档案室",
}


def default_archive_dir() -> Path:
    env = os.environ.get("ARCHIVIST_ARCHIVE")
    if env:
        return Path(env).expanduser()
    from archivist.preferences import Preferences

    chosen = Preferences.load().archive
    if chosen:
        return Path(chosen).expanduser()
    return Path(user_data_dir("Archivist", appauthor=False)) / "archive"


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def config(self) -> Path:
        return self.root / ARCHIVE_FILE

    @property
    def database(self) -> Path:
        return self.root / "archive.db"

    @property
    def files(self) -> Path:
        return self.root / "files"

    @property
    def work(self) -> Path:
        return self.root / ".work"

    @property
    def staging(self) -> Path:
        return self.work / "staging"

    @property
    def journals(self) -> Path:
        return self.work / "journal"

    @property
    def backups(self) -> Path:
        return self.root / "backups"


class Archive:
    """An opened archive. Use `Archive.open` or `Archive.init`; close when done."""

    def __init__(self, layout: Layout, db: Database) -> None:
        self.layout = layout
        self.db = db
        # Who is acting: set by signing in (archivist.accounts.signing); every change
        # and every read the access layer serves asks the rights check about them.
        self.person: Person | None = None
        # when the person's account was last read again for a read (rights.current)
        self.person_checked: tuple[Person | None, float] = (None, 0.0)
        self.root = layout.root
        self.migration_backup: Path | None = None
        self.recovered: list[str] = []
        # Opened read-only (the folder or database cannot be written): reading, searching
        # and verifying work; every write transaction is refused (archive.read_only).
        self.read_only = db.read_only
        # Items the search index was brought up to date with on opening (after a crash).
        self.reindexed = 0
        # Temporary folders of this session (a read-only archive's private index copy).
        self.scratch_folders: list[Path] = []
        # The search index, once checked in this process, and items waiting to be indexed
        # while a batch of changes runs (see archivist.search.service.indexing_batch).
        self.search_index: Any = None
        self.index_batch: set[int] | None = None
        self.index_removals: list[str] = []
        # Every commit writes the chains' heads outside the database (changes/anchor.py).
        from archivist.changes import anchor

        anchor.attach(self)

    # -- lifecycle -----------------------------------------------------------------
    @property
    def actor(self) -> str:
        """The signed-in person's user name ("-" when nobody is signed in)."""
        return self.person.user_name if self.person else "-"

    @classmethod
    def init(
        cls, root: Path, fonds_code: str, fonds_name: str, administrators: Administrators
    ) -> Archive:
        """Create an archive with its three administrator accounts (三员分立); nobody is
        signed in afterwards."""
        layout = Layout(root.resolve())
        if layout.config.exists():
            raise ArchiveError("archive.exists", path=str(layout.root))
        if not fonds_code.strip() or not fonds_name.strip():
            raise InputError("manifest.not_text", field="fonds", file=str(root))
        check_administrators(administrators)
        try:
            layout.root.mkdir(parents=True, exist_ok=True)
            for folder in (layout.files, layout.staging, layout.journals):
                folder.mkdir(parents=True, exist_ok=True)
            db = Database(_sqlite_url(layout.database))
            upgrade(db)
        except OSError as exc:
            raise translate_os_error(exc, layout.root) from None
        archive = cls(layout, db)
        archive.person = Person.founder(administrators.sysadmin.user_name)
        try:
            with archive.change(Action.ARCHIVE_INIT, "archive") as work:
                session = work.session
                session.add(Fonds(code=fonds_code.strip(), name=fonds_name.strip()))
                for key, value in DEFAULT_SETTINGS.items():
                    session.add(Setting(key=key, value=value))
                loaded = scheme.load_default(session)
                work.after = {
                    "fonds_code": fonds_code,
                    "fonds_name": fonds_name,
                    "settings": DEFAULT_SETTINGS,
                    "scheme": loaded,
                }
            setup_administrators(archive, administrators)
        except BaseException:
            db.dispose()
            raise
        finally:
            archive.person = None
        _write_config(layout)
        return archive

    @classmethod
    def open(cls, root: Path, *, reconcile: bool = True) -> Archive:
        """Open an archive: migrate it, recover interrupted operations and bring the
        search index in step with the database (unless `reconcile` is False). A folder
        this process cannot write is opened read-only."""
        layout = Layout(root.resolve())
        try:
            found = layout.config.exists()
        except PermissionError:  # a folder this OS user may not enter
            raise ArchiveError("archive.no_access", path=str(layout.root)) from None
        if not found:
            raise ArchiveError("archive.missing", path=str(layout.root))
        try:
            config = json.loads(layout.config.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ArchiveError(
                "archive.bad_config", file=str(layout.config), reason=str(exc)
            ) from None
        if config.get("format") != FORMAT:
            raise ArchiveError("archive.bad_config", file=str(layout.config), reason="format")
        configured = config.get("database_url")
        if configured is None and not _writable(layout):
            return cls._open_read_only(layout)
        db = Database(configured or _sqlite_url(layout.database))
        archive = cls(layout, db)
        archive.migration_backup = ensure_current(
            db, layout.database if db.is_sqlite else None, layout.backups
        )
        archive.recovered = archive.recover()
        _start_replay(archive)
        if reconcile:
            archive.reindexed = archive._reconcile_index()
        return archive

    @classmethod
    def _open_read_only(cls, layout: Layout) -> Archive:
        """A copy that cannot be written: no migration, no recovery, no writes; refuse
        clearly when the archive needs one before it can be read."""
        path = str(layout.root)
        if not layout.database.is_file():
            raise ArchiveError("archive.missing", path=path)
        db = Database(read_only_sqlite_url(layout.database), read_only=True, where=path)
        try:
            current = current_revision(db)
            if current != head_revision():
                raise ArchiveError(
                    "archive.read_only_needs_upgrade", revision=current or "-", path=path
                )
            interrupted = journal.pending(layout.journals)
            if interrupted:
                raise ArchiveError(
                    "archive.read_only_needs_recovery", count=len(interrupted), path=path
                )
        except BaseException:
            db.dispose()
            raise
        return cls(layout, db)

    def _reconcile_index(self) -> int:
        """Re-index what a crash kept out of the search index (cheap when in step)."""
        from archivist.search.service import reconcile

        try:
            return reconcile(self)
        except ArchiveError:
            raise
        except Exception:  # derived data: marked stale and rebuilt before the next search
            log.exception("search index not brought in step on opening %s", self.root)
            from archivist.search.service import mark_stale

            mark_stale(self)
            return 0

    def close(self) -> None:
        if self.search_index is not None:
            self.search_index.close()
            self.search_index = None
        self.db.dispose()
        for folder in self.scratch_folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.scratch_folders.clear()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- people --------------------------------------------------------------------------
    def sign_in(self, user_name: str, password: str) -> Person:
        """Check the password; the person acts from now on (archivist.accounts.signing)."""
        return signing.sign_in(self, user_name, password)

    def sign_out(self) -> None:
        signing.sign_out(self)

    def has_accounts(self) -> bool:
        """False for an archive made before accounts: it asks for its administrators."""
        with self.db.reading() as session:
            return has_accounts(session)

    def set_up_administrators(self, administrators: Administrators) -> None:
        """Give an archive from before accounts its three administrator accounts."""
        setup_administrators(self, administrators)

    # -- changes -----------------------------------------------------------------------
    def change(
        self,
        action: Action,
        target: str,
        *,
        reason: str | None = None,
        op_id: str | None = None,
    ) -> AbstractContextManager[Change]:
        """The unit of work every write goes through (archivist.changes.unit_of_work)."""
        return unit_of_work(self, action, target, reason=reason, op_id=op_id)

    # -- crash recovery --------------------------------------------------------------
    def recover(self) -> list[str]:
        """Finish or undo what interrupted operations left behind; return what was done."""
        done: list[str] = []
        for entry in journal.interrupted(self.layout.journals):
            with self.db.reading() as session:
                committed = audit.committed(session, entry.op_id)
            kind = entry.data.get("kind")
            if kind == "capture":
                staging = entry.data.get("staging")
                target = entry.data.get("target")
                if staging:
                    journal.discard_tree(self.root / staging, self.layout.staging)
                if target and not committed:
                    journal.discard_tree(self.root / target, self.layout.files)
            elif kind == "moves":
                moves = journal.FileMoves(self.root, entry.data.get("moves", []))
                if committed:
                    moves.prune()
                else:
                    moves.undo(int(entry.data.get("phase", 1)))
            elif kind == removal.KIND and committed:
                # A destruction committed: every copy of the content still goes. (Not
                # committed: nothing outside the database was touched.)
                try:
                    removal.complete(self.root, self.db, entry.data)
                except Exception:  # the journal stays: tried again on the next open
                    log.exception("destroyed content not yet removed (%s)", entry.op_id)
                    entry.release()
                    continue
            done.append(f"{kind}:{entry.op_id}:{'committed' if committed else 'rolled back'}")
            entry.finish()
        # Lock files and half-written journals of processes killed while starting or
        # finishing one (never a live process's: see journal.remove_leftovers).
        journal.remove_leftovers(self.layout.journals)
        # Staging folders with no journal (the journal was finished but removal failed).
        if self.layout.staging.is_dir():
            live = {p.stem for p in self.layout.journals.glob("*.json")}
            for leftover in self.layout.staging.iterdir():
                if leftover.name not in live:
                    shutil.rmtree(leftover, ignore_errors=True)
        return done

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str) -> str:
        if key not in DEFAULT_SETTINGS:
            raise InputError("settings.unknown", key=key)
        with self.db.reading() as session:
            row = session.get(Setting, key)
            return row.value if row else DEFAULT_SETTINGS[key]

    def check_setting(self, key: str, value: str) -> str:
        """`value` if the archive setting `key` may take it, else the refusal (before any
        reason is asked: the window checks what was typed with this)."""
        if key not in DEFAULT_SETTINGS:
            raise InputError("settings.unknown", key=key)
        if not value.strip():
            raise InputError("settings.empty", key=key)
        if key == "archival_code_template":
            from archivist.rules.numbering import validate_template

            validate_template(value)
        if key == "search_engine":
            from archivist.search.index import check_engine

            check_engine(value)
        return value

    def edit_settings(self, edits: Mapping[str, str], reason: str | None) -> Changes:
        """Change archive settings together, with a reason: one audited change whose
        before and after hold every key changed (target `setting:<key>` for one key)."""
        checked = {key: self.check_setting(key, value) for key, value in edits.items()}
        if not checked:
            raise InputError("edit.nothing")
        target = f"setting:{next(iter(checked))}" if len(checked) == 1 else "settings"
        with self.change(Action.SETTINGS_EDIT, target, reason=reason) as work:
            before: dict[str, str | None] = {}
            for key, value in checked.items():
                row = work.session.get(Setting, key)
                before[key] = row.value if row else None
                if row is None:
                    work.session.add(Setting(key=key, value=value))
                else:
                    row.value = value
            work.before, work.after = before, dict(checked)
        assert work.changes is not None  # set by the unit of work once committed
        return work.changes

    def set_setting(self, key: str, value: str, reason: str | None = None) -> Changes:
        return self.edit_settings({key: value}, reason)

    def newest_code_parts(self) -> tuple[CodeParts, str] | None:
        """The code parts and number of the newest item (for a template's preview)."""
        from archivist.rules.numbering import newest_code_parts

        with self.db.reading() as session:
            return newest_code_parts(session)

    def fonds(self) -> dict[str, str]:
        with self.db.reading() as session:
            fonds = session.scalars(select(Fonds).order_by(Fonds.id)).first()
            if fonds is None:
                raise ArchiveError(
                    "archive.bad_config", file=str(self.layout.database), reason="no fonds"
                )
            return {"code": fonds.code, "name": fonds.name}

    def summary(self) -> dict[str, Any]:
        """What the archive holds, in counts (READ)."""
        from archivist.accounts.rights import require
        from archivist.accounts.roles import Right

        require(self, Right.READ, "summary")
        with self.db.reading() as session:
            items = session.scalar(select(func.count()).select_from(Item)) or 0
            materials = session.scalar(select(func.count()).select_from(Material)) or 0
            pages = session.scalar(select(func.coalesce(func.sum(Material.pages), 0))) or 0
            size = session.scalar(select(func.coalesce(func.sum(Material.size), 0))) or 0
            by_class = session.execute(
                select(Item.class_id, func.count()).group_by(Item.class_id)
            ).all()
            from archivist.db.models import ArchiveClass

            codes = dict(session.execute(select(ArchiveClass.id, ArchiveClass.code)).all())
            years = session.execute(select(func.min(Item.year), func.max(Item.year))).one()
            events = audit.count_events(session)
        return {
            "archive": str(self.root),
            "fonds": self.fonds(),
            "items": int(items),
            "materials": int(materials),
            "pages": int(pages),
            "bytes": int(size),
            "years": [years[0], years[1]] if years[0] is not None else [],
            "by_class": {codes[cid]: int(n) for cid, n in by_class},
            "audit_events": events,
        }


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _writable(layout: Layout) -> bool:
    """Whether this process may write the archive's folder and database file."""
    return os.access(layout.root, os.W_OK) and (
        not layout.database.exists() or os.access(layout.database, os.W_OK)
    )


def _write_config(layout: Layout) -> None:
    data = {"format": FORMAT, "version": 1, "database_url": None}
    layout.config.write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _start_replay(archive: Archive) -> None:
    """An archive whose trail ends in events written before they carried state gets its
    baseline events (the current rows) once, at the first open after the upgrade."""
    from archivist.changes import replay

    with archive.db.reading() as session:
        needed = replay.needs_baseline(session)
    if needed:
        written = replay.write_baseline(archive)
        log.info("replay baseline: %d events for %s", written, archive.root)
