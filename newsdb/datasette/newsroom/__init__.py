"""The newsroom pages of `newsdb serve`: front page, article, search, stories, source health, feed.

Loaded by the thin plugin ``newsdb/datasette/plugins/newsdb_pages.py``; each module is small and
mostly pure (rows in, values or escaped markup out), so it is tested without a server:

- ``text``: escaping helpers (paragraphs, tags, search highlights, safe links);
- ``chart``: the articles-per-day SVG chart;
- ``health``: per-source run numbers, field coverage and the flag rule;
- ``atom``: the Atom feed renderer (the ``.atom`` format of the ``feed`` canned query);
- ``data``: the SQL the pages run;
- ``views``: the routes under ``/<db>/-/`` and the extra template variables.

Nothing crawled is ever marked safe: templates rely on Jinja autoescaping, and the few
helpers that build markup escape every value they wrap.
"""
