"""利用 Access: browsing the archive (the window's lists and details)."""
