"""OCR: page images, the Tesseract engine, text normalisation and the job queue."""
