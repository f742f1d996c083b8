"""Integrity: verifying files, numbering, the audit trail and derived data."""
