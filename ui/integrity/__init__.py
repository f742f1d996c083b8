"""校验: the integrity view (verify, derived data, the four-property check)."""
