"""Datasette plugin for newsdb: a search of many hits reads the newest off an index, not every hit.

See ``newsdb/datasette/search_plan.py``."""
from newsdb.datasette import search_plan

search_plan.install()
