"""收集 Capture: one item at a time from a manifest, the flags or the hot folder;
the persons and units it concerns."""
