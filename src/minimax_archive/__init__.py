"""minimax-archive: a static-site generator for bilingual, searchable interview archives."""

__version__ = "0.1.0"
