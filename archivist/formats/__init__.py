"""Plumbing: file formats — intake checks, PDF, images, rendering, typesetting,
barcodes, fonts. Each third-party format library is imported in one module here."""
