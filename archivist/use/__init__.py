"""利用 Use: requests to consult, borrow, copy or view records, their approval by someone
else, loans out and back, copies with a watermark."""
