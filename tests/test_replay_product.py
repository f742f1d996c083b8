"""A clean archive verifies clean, replay included, after every kind of change the
product makes: each flow below is another module's test, run here and then verified."""

from __future__ import annotations

import contextlib
from pathlib import Path

from sqlalchemy import select

from archivist.archive import Archive
from archivist.changes import audit
from archivist.db.models import AuditEvent, Volume
from archivist.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN
from archivist.demo.build import build_demo
from archivist.integrity.verify import verify

from .conftest import sign_in
from .test_appraisal import records  # noqa: F401  (fixture)
from .test_appraisal import test_opinions_and_signatures as appraisal_flow
from .test_handover import test_clean_volumes_pass_and_the_signed_record_freezes_them as handover
from .test_handover import vols  # noqa: F401  (fixture)
from .test_holds import test_lift_with_reason_once as hold_flow
from .test_use_lending import (
    _head,  # noqa: F401  (autouse fixture: a head to approve)
    numbers,  # noqa: F401  (fixture)
)
from .test_use_lending import test_a_loan_goes_out_comes_back_in_part_then_in_full as loan_flow
from .test_use_lending import (
    test_overdue_as_of_a_date_and_an_extension_approved_by_someone_else as extension_flow,
)


def clean(archive: Archive) -> None:
    sign_in(archive, "tester")
    report = verify(archive)
    assert report.events_replayed > 0
    assert report.ok, [f.message() for f in report.findings]


def test_capture_volumes_boxes_and_shelves(tmp_path: Path) -> None:
    build_demo(tmp_path / "demo", items=12, seed=5)
    with Archive.open(tmp_path / "demo") as archive:
        archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
        report = verify(archive)
        assert report.events_replayed > 0
        assert report.ok, [f.message() for f in report.findings]


def test_handover(archive: Archive, vols: dict[str, str]) -> None:  # noqa: F811
    handover(archive, vols)
    clean(archive)


def test_loans_and_extensions(archive: Archive, numbers: list[str]) -> None:  # noqa: F811
    loan_flow(archive, numbers)
    clean(archive)
    extension_flow(archive, numbers)
    clean(archive)


def test_holds(archive: Archive, tmp_path: Path) -> None:
    hold_flow(archive, tmp_path)
    clean(archive)


def test_appraisal(archive: Archive, records: dict[str, str]) -> None:  # noqa: F811
    appraisal_flow(archive, records)
    clean(archive)


def test_accounts_settings_and_volume_registers(tmp_path: Path) -> None:
    """Accounts (made, roles granted and revoked, disabled and enabled, passwords reset
    and changed, a lockout by wrong passwords), the security policy and archive settings
    edited, a volume's registers printed: replay stays clean."""
    from archivist.accounts import directory
    from archivist.errors import ArchivistError
    from archivist.registers.forms import Selection, generate

    root = tmp_path / "demo"
    build_demo(root, items=12, seed=7)
    with Archive.open(root) as archive:
        with archive.db.reading() as session:
            started = audit.count_events(session)
        archive.sign_in("admin", DEMO_PASSWORD)
        directory.add_account(archive, "newbie", "新来的", "Xinlaide-2026-first")
        archive.edit_settings({"archive_department": "综合档案室"}, "机构调整")
        archive.sign_in("security", DEMO_PASSWORD)
        directory.grant_role(archive, "newbie", "archivist", "新岗位")
        directory.grant_role(archive, "newbie", "appraiser", "参加鉴定小组")
        directory.revoke_role(archive, "newbie", "appraiser", "鉴定结束")
        directory.edit_security_policy(archive, {"lockout_attempts": "3"}, "加强口令保护")
        archive.sign_in("admin", DEMO_PASSWORD)
        directory.disable_account(archive, "newbie", "休假")
        directory.enable_account(archive, "newbie", "返岗")
        directory.reset_password(archive, "newbie", "Xinlaide-2026-reset", "忘记口令")
        archive.sign_in("newbie", "Xinlaide-2026-reset")
        directory.change_own_password(archive, "Xinlaide-2026-reset", "Xinlaide-2026-mima")
        for _ in range(3):  # locks the account: sign-in bookkeeping, not replayed
            with contextlib.suppress(ArchivistError):
                archive.sign_in("newbie", "wrong-password-1")
        archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
        with archive.db.reading() as session:
            code = session.scalars(select(Volume.code).limit(1)).one()
        for kind in ("volume-cover", "volume-contents", "volume-notes"):
            generate(archive, kind, tmp_path / f"{kind}.docx", Selection(volume=code))
        archive.sign_in("auditor", DEMO_PASSWORD)
        report = verify(archive)
        assert report.ok, [f.message() for f in report.findings]
        with archive.db.reading() as session:
            changed = set(
                session.scalars(select(AuditEvent.action).where(AuditEvent.seq > started))
            )
        assert {"role.grant", "settings.edit", "register.generate"} <= changed
