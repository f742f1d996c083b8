"""People and rights: accounts, roles, signing in, the rights check and the access log."""
