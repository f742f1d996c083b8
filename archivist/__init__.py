"""Archivist (档案室): the Qt-free core of the records archive."""

__version__ = "0.1.0"
