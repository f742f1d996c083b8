"""Database layer: typed models, engine set-up, migrations."""
