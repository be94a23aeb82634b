"""Datasette plugin for newsdb: cached row and facet counts, bigger page cache and mmap reads.

See ``newsdb/datasette/cache.py``."""
from __future__ import annotations

from datasette import hookimpl

from newsdb.datasette import cache

cache.install()


@hookimpl
def prepare_connection(conn):
    cache.prepare_connection(conn)
