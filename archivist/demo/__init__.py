"""Synthetic demo data: fictional people and companies, and the business files of
their social-insurance transactions, one item (folder + manifest.json) at a time."""

from archivist.demo.scenarios import SCENARIOS, generate_batch, generate_item

__all__ = ["SCENARIOS", "generate_batch", "generate_item"]
