"""Plumbing: the file store (atomic copies, Windows-safe names) and the crash journal."""
