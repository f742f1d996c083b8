"""The rules every stage applies: classification scheme and retention, the order
inside an item, numbering and archival codes, identity check digits, value limits."""
