"""Datasette plugin for newsdb: the newsroom pages (see ``newsdb/datasette/newsroom/``).

- ``/<db>``: the database page gains a front page (latest stories, search box, counts per
  source, articles-per-day chart) above Datasette's own tables and queries;
- ``/<db>/articles/<id>``: the row page of an article reads like an article;
- ``/<db>/-/search``, ``/<db>/-/stories``, ``/<db>/-/health``: search with highlighted
  snippets, stories carried by several sources, source health;
- ``.atom``: an output format for queries with ``atom_*`` columns (the ``feed`` query);
- ``/-/newsdb/newsroom.css``: the stylesheet, served from the package (no CDN).
"""
from __future__ import annotations

from datasette import hookimpl

from newsdb.datasette.newsroom import atom, views

DB = r"^/(?P<database>[^/]+)/-/"


@hookimpl
def register_routes():
    return [
        (DB + r"search$", views.search_page),
        (DB + r"stories$", views.stories_page),
        (DB + r"health$", views.health_page),
        (r"^" + views.CSS_PATH.replace(".", r"\.") + "$", views.stylesheet),
    ]


@hookimpl
def extra_css_urls():
    return [views.CSS_PATH]


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    async def inner():
        if template == "database.html" and database:
            return await views.front_vars(datasette, database)
        if view_name == "row" and table == views.ARTICLES and request is not None:
            return await views.article_vars(datasette, database, request)
        return {}

    return inner


@hookimpl
def register_output_renderer():
    return {"extension": "atom", "render": atom.render_atom, "can_render": atom.can_render}
