"""归档 Handover: batches of volumes handed to the archive, checked and signed."""
