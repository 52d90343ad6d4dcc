"""Bundled demo corpus: five invented news reports about one fictional event (see README.md)."""
