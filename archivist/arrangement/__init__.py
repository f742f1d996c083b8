"""整理 Arrangement: items corrected under audit, volumes filed and assembled, the
order check."""
