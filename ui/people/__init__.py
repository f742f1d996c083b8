"""People in the window: signing in, passwords, accounts and roles, the access log."""
