"""`newsdb serve`: browse, search and export a newsdb SQLite file in Datasette 0.65.

The Datasette configuration (metadata, templates, plugins, settings) lives in
``newsdb/datasette/``. Datasette keys per-database metadata by database name, which is
the file stem (``news`` for ``data/news.db``), so the metadata is generated here from
the template ``newsdb/datasette/metadata.yml`` for whatever file is served.
"""
from __future__ import annotations

import copy
import functools
import hashlib
import ipaddress
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

DATASETTE_DIR = Path(__file__).resolve().parent / "datasette"
METADATA_TEMPLATE = DATASETTE_DIR / "metadata.yml"
TEMPLATE_DIR = DATASETTE_DIR / "templates"
PLUGINS_DIR = DATASETTE_DIR / "plugins"

# Datasette settings (`--setting name value`). Whole tables must download: CSV
# streaming on, no size cap (max_csv_mb 0 = unlimited). Tables page through JSON with
# `_next`; canned queries return at most max_returned_rows rows (no pagination).
SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 1000,
    "allow_csv_stream": True,
    "max_csv_mb": 0,
    "max_returned_rows": 5000,
    "default_page_size": 50,
    "truncate_cells_html": 300,
    "default_facet_size": 30,
    # Suggested facets run a GROUP BY per column on every table page: ~1.6 s of the
    # 1.8 s of /db/articles on 60k rows. Facets can still be added from column menus.
    "suggest_facets": False,
}


def _setting_cli_value(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def database_name(db_path: Path) -> str:
    """The name Datasette gives a database file: its stem."""
    return Path(db_path).stem


@functools.lru_cache(maxsize=1)
def _metadata_template() -> dict[str, Any]:
    with open(METADATA_TEMPLATE, encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def canned_sql(name: str) -> str:
    """The SQL of the canned query ``name`` (metadata.yml) on one line, as the plugins compare queries."""
    return " ".join(_metadata_template()["database"]["queries"][name]["sql"].split())


def build_metadata(db_name: str) -> dict[str, Any]:
    """The Datasette metadata dict for a database called ``db_name``."""
    template = copy.deepcopy(_metadata_template())
    database = template.pop("database", {}) or {}
    template["databases"] = {db_name: database}
    return template


def write_metadata(db_path: Path) -> Path:
    """Write the metadata for ``db_path`` to a JSON file in the temp dir; return its path.

    The content depends only on the database name and the template, so the file name
    carries a hash of the content and concurrent servers can share it safely.
    """
    text = json.dumps(build_metadata(database_name(db_path)), ensure_ascii=False, indent=2)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    directory = Path(tempfile.gettempdir()) / "newsdb-datasette"
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"metadata-{digest}.json"
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fp:
            fp.write(text)
        os.replace(tmp, target)
    return target


def datasette_args(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """Arguments for ``datasette serve`` (without the leading ``datasette serve``)."""
    args = [
        str(Path(db_path)),
        "--metadata",
        str(write_metadata(db_path)),
        "--template-dir",
        str(TEMPLATE_DIR),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--host",
        host,
        "--port",
        str(port),
    ]
    for name, value in SETTINGS.items():
        args += ["--setting", name, _setting_cli_value(value)]
    return args


def make_datasette(db_path: Path):
    """An in-process Datasette with the same configuration as ``newsdb serve``."""
    from datasette.app import Datasette

    return Datasette(
        [str(db_path)],
        metadata=build_metadata(database_name(db_path)),
        template_dir=str(TEMPLATE_DIR),
        plugins_dir=str(PLUGINS_DIR),
        settings=dict(SETTINGS),
    )


def upgrade_schema(db_path: Path) -> None:
    """Give a file an older newsdb wrote what this version's queries use (indexes, the words index),
    as its next crawl would; Datasette itself opens it read-only. A file we may not write is served as it is."""
    from pipelines.schema import open_db

    if os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK):
        open_db(db_path).close()


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> int:
    """Run Datasette on ``db_path`` in the foreground until Ctrl-C; return an exit code.

    ``public`` says the owner means to publish: no warning for a non-loopback ``host``."""
    db_path = Path(db_path)
    if not db_path.is_file():
        print(
            f"newsdb serve: database file not found: {db_path}\n"
            "Run a crawl first (it creates the file) or pass the path of an existing newsdb database.",
            file=sys.stderr,
        )
        return 2
    url_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    name = database_name(db_path)
    print(f"newsdb: serving {db_path} at http://{url_host}:{port}/{name}")
    if not is_loopback(host) and not public:
        print(
            f"WARNING: listening on {host}, not a loopback address: the database and every "
            "crawled article become readable by anyone who can reach this machine. Datasette "
            "has no login: put a proxy with authentication in front (SECURITY.md), or pass "
            "--public if publishing is what you want.",
            file=sys.stderr,
        )
    upgrade_schema(db_path)
    command = [sys.executable, "-m", "datasette", "serve", *datasette_args(db_path, host, port)]
    process = subprocess.Popen(command)

    def _forward_sigterm(signum, frame):  # stop the server with us
        process.terminate()

    try:
        previous = signal.signal(signal.SIGTERM, _forward_sigterm)
    except ValueError:  # not the main thread
        previous = None
    try:
        return process.wait()
    except KeyboardInterrupt:
        # Ctrl-C reaches the child too (same process group); let it shut down.
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.terminate()
            process.wait()
        return 0
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
