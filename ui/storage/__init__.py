"""The storage view (库房): view, its table model and its dialogs."""
