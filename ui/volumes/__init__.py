"""The volumes view (案卷): view, its table models and its dialogs."""
