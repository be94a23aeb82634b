"""Helpers for the browser tests and `make screenshots`: a real `datasette serve` subprocess
and a headless Debian Chromium driven by Selenium (never a downloaded browser)."""
from __future__ import annotations

import base64
import importlib.util
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from newsdb.serve import datasette_args

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser")
INSTALL_HINT = "apt-get install -y chromium chromium-driver (see .ci/run)"
DESKTOP, PHONE = (1366, 900), (390, 844)


def chromium_paths() -> tuple[str, str] | None:
    """(browser, chromedriver) from the system packages, or None when either is missing."""
    browser = next((shutil.which(name) for name in CHROMIUM_CANDIDATES if shutil.which(name)), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def missing_browser_reason() -> str | None:
    if chromium_paths() is None:
        return f"headless Chromium or chromedriver not found on PATH: {INSTALL_HINT}"
    if importlib.util.find_spec("selenium") is None:
        return "the selenium package is not installed: make install"
    return None


def start_chrome(size: tuple[int, int] = DESKTOP, mobile: bool = False):
    """A headless Chromium with a fresh profile; ``driver.profile_dir`` is removed by ``stop_chrome``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = chromium_paths()
    profile = tempfile.mkdtemp(prefix="newsdb-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.profile_dir = profile
    set_viewport(driver, size, mobile)
    return driver


def set_viewport(driver, size: tuple[int, int], mobile: bool = False) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})


def stop_chrome(driver) -> None:
    try:
        driver.quit()
    finally:
        shutil.rmtree(getattr(driver, "profile_dir", ""), ignore_errors=True)


def full_page_png(driver, path: Path, max_height: int = 6000) -> None:
    """Save a screenshot of the whole page (not just the viewport) as PNG."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True, "clip": clip})
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DatasetteServer:
    """``datasette serve`` on 127.0.0.1 and a free port, with newsdb's arguments."""

    def __init__(self, db: Path):
        self.db = Path(db)
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> DatasetteServer:
        command = [sys.executable, "-m", "datasette", "serve", *datasette_args(self.db, port=self.port)]
        self.log = tempfile.TemporaryFile()  # a pipe could fill up and block the server
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"datasette exited: {self.log.read().decode(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(self.url("/-/versions.json"), timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"datasette did not answer on {self.base} within {timeout} s")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
