"""Datasette plugin for newsdb: a search of many hits reads the newest off an index, not every hit, and
counts and facets its hits in memory.

See ``newsdb/datasette/search_plan.py`` and ``newsdb/datasette/article_columns.py``."""
from datasette import hookimpl

from newsdb.datasette import article_columns, search_plan

search_plan.install()


@hookimpl
def startup(datasette):
    """Start reading each file's facet columns, so that the first searches need not wait for them, and
    keep them read as the file changes."""
    for db in datasette.databases.values():
        if db.path and not db.is_memory:
            article_columns.fresh(db.path)
            article_columns.watch(db.path)
