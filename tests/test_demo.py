"""`newsdb demo` (what `make demo` runs): sample sites -> crawl -> Datasette answering on 127.0.0.1."""
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_json(url: str, proc: subprocess.Popen, seconds: float = 180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read()
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds}s")


def test_demo_crawls_the_sample_sites_and_serves_them(tmp_path, expected):
    db, port = tmp_path / "demo.db", free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdb.cli", "demo", "--db", str(db), "--port", str(port),
         "--sites-port", str(free_port("127.0.0.2"))],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        rows = wait_for_json(f"http://127.0.0.1:{port}/demo/articles.json?_shape=array&_size=max", proc)
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C, as a user stops it
        output = proc.communicate(timeout=30)[0]
    assert len(rows) == len(expected["articles"])
    assert {r["source"] for r in rows} == {"globalnewshub", "zixun", "worldbrief"}
    assert f"new {len(expected['articles'])}" in output
    assert "http://127.0.0.1:" in output
