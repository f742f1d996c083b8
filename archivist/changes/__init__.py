"""The record of changes: the unit of work every write goes through, the registry of
audited actions, the states and their transitions, and the hash-chained audit trail."""
