"""Run a command and measure its whole process tree: wall time, CPU seconds, peak RSS.

CPU: this process makes itself a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so orphans of the
measured command (a multiprocessing forkserver outlives its parent for a moment) come back to us and
are reaped; getrusage(RUSAGE_CHILDREN) before and after then covers every process of the tree.
Peak RSS: /proc is sampled every SAMPLE_SECONDS for the sum of the tree's RSS (and PSS, which counts
pages shared between a forkserver's workers once); the largest single process's exact peak comes
from ru_maxrss.
"""
from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import threading
import time
from pathlib import Path

SAMPLE_SECONDS = 0.2
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        todo += children(p)
    return pids


def rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process so far (0.0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Samples the tree under root_pid until stopped: peak RSS/PSS sums, peak of root alone, pids seen."""

    def __init__(self, root_pid: int, interval: float = SAMPLE_SECONDS):
        super().__init__(daemon=True)
        self.root = root_pid
        self.interval = interval
        self.stop_event = threading.Event()
        self.peak_rss = self.peak_pss = self.peak_root_rss = 0
        self.cpu_of: dict[int, float] = {}  # each process's own CPU seconds at its last sample
        self.seen: set[int] = set()

    def run(self):
        while not self.stop_event.is_set():
            pids = tree(self.root)
            self.seen.update(pids)
            rss = [rss_bytes(p) for p in pids]
            self.peak_rss = max(self.peak_rss, sum(rss))
            self.peak_root_rss = max(self.peak_root_rss, rss[0] if rss else 0)
            for pid in pids:
                self.cpu_of[pid] = max(self.cpu_of.get(pid, 0.0), cpu_seconds(pid))
            self.peak_pss = max(self.peak_pss, sum(pss_bytes(p) for p in pids))
            self.stop_event.wait(self.interval)

    def stop(self):
        self.stop_event.set()
        self.join()


def _reap(pids: set[int], timeout: float = 10.0) -> None:
    """Reap the orphans of the measured tree that were handed to us (subreaper), so their CPU counts."""
    deadline = time.monotonic() + timeout
    pending = set(pids)
    while pending and time.monotonic() < deadline:
        for pid in list(pending):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done:
                    pending.discard(pid)
            except ChildProcessError:
                if not Path(f"/proc/{pid}").exists():
                    pending.discard(pid)
        if pending:
            time.sleep(0.05)


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict | None = None, timeout: float | None = None,
                 log: Path | None = None) -> dict:
    """Run cmd to completion; its exit code, output (or log file), wall and CPU seconds, peak memory."""
    become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = open(log, "wb") if log else subprocess.PIPE  # noqa: SIM115 (closed below)
    start = time.monotonic()
    started_at = time.time()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    sampler = Sampler(proc.pid)
    sampler.start()
    try:
        stdout, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in tree(proc.pid)[::-1]:  # only the processes this call started
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        stdout, _ = proc.communicate()
    wall = time.monotonic() - start
    sampler.stop()
    _reap(sampler.seen - {proc.pid})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if log:
        out.close()
        stdout = log.read_bytes()[-20000:]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"returncode": proc.returncode, "output": (stdout or b"").decode("utf-8", "replace"), "wall": wall,
            "started_at": started_at, "cpu": cpu, "peak_rss_tree": sampler.peak_rss, "peak_pss_tree": sampler.peak_pss,
            "peak_rss_main": max(sampler.peak_root_rss, 0), "cpu_main": sampler.cpu_of.get(proc.pid, 0.0),
            "cpu_processes": sorted(sampler.cpu_of.values(), reverse=True),
            "maxrss_largest": after.ru_maxrss * 1024, "processes": len(sampler.seen)}
