"""The handover view (交接): view, its table models and its dialogs."""
