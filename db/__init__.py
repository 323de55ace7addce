"""fls persistence: SQLAlchemy models, sessions, migrations and converters to and from domain objects."""
