"""Fixtures for holding the Skiff hub against the stock ``huggingface_hub`` client.

``hub`` is a running ``./skiff serve`` (once on SQLite, once on PostgreSQL) with a fresh data directory and:

- ``alice`` (write token), ``bob`` (write token), ``alice_read`` (alice's read token);
- an organisation ``acme`` where alice is a write member.

The listing page size is small (``PAGE_SIZE``) so that listings page after a few repos.

The client reads ``HF_ENDPOINT`` and ``HF_TOKEN`` once, when ``huggingface_hub`` is imported. Tests therefore use
``HfApi(endpoint=..., token=...)`` in-process, and ``run_client`` (a fresh interpreter with ``HF_ENDPOINT``,
``HF_TOKEN`` and its own ``HF_HOME``) for whatever depends on the module-level settings.

PostgreSQL: a throwaway cluster is ``initdb``-ed in /tmp (as the ``postgres`` OS user when running as root). Without
``initdb`` the PostgreSQL run is skipped, unless ``SKIFF_REQUIRE_POSTGRES=1``, which makes it fail.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIFF = Path(os.environ.get("SKIFF_CLI", ROOT / "skiff"))
PYTHON = ROOT / ".venv" / "bin" / "python"


def _pg_bin() -> Path:
    """``$SKIFF_PG_BIN``, else the newest Debian-style ``/usr/lib/postgresql/<major>/bin``."""
    if os.environ.get("SKIFF_PG_BIN"):
        return Path(os.environ["SKIFF_PG_BIN"])
    majors = [p for p in Path("/usr/lib/postgresql").glob("*") if p.name.isdigit()]
    return max(majors, key=lambda p: int(p.name)) / "bin" if majors else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()
PAGE_SIZE = 3
START_TIMEOUT = 600  # ./skiff builds itself first when its sources changed

# Before huggingface_hub is imported anywhere in this process: no stray token or cache from the machine, no telemetry
# calls to huggingface.co (ENDPOINT here is the default one; tests pass their endpoint to HfApi).
_HF_HOME = tempfile.mkdtemp(prefix="skiff-hf-home-")
atexit.register(shutil.rmtree, _HF_HOME, ignore_errors=True)
for _var in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT", "HF_TOKEN_PATH", "HF_HUB_OFFLINE"):
    os.environ.pop(_var, None)
os.environ["HF_HOME"] = _HF_HOME
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"


@dataclasses.dataclass(frozen=True)
class Hub:
    backend: str
    endpoint: str
    data: Path
    alice: str
    bob: str
    alice_read: str

    def api(self, token):
        """An ``HfApi`` on this hub; ``token=False`` is anonymous."""
        from huggingface_hub import HfApi

        return HfApi(endpoint=self.endpoint, token=token)


def unique(prefix: str) -> str:
    """A repo name no other test uses (the hub is shared by the session)."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def run_client(code: str, hub: Hub, token: str | None, timeout: int = 120):
    """Runs ``code`` in a fresh interpreter whose environment points huggingface_hub at ``hub`` and returns the JSON
    that the code printed last."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE"))}
    env["HF_ENDPOINT"] = hub.endpoint
    env["HF_HOME"] = tempfile.mkdtemp(prefix="skiff-hf-client-")
    if token:
        env["HF_TOKEN"] = token
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    try:
        p = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(env["HF_HOME"], ignore_errors=True)
    if p.returncode != 0:
        raise AssertionError(f"client failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    lines = [line for line in p.stdout.splitlines() if line.strip()]
    assert lines, f"client printed nothing; stderr:\n{p.stderr}"
    return json.loads(lines[-1])


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """A throwaway PostgreSQL cluster: trust auth on 127.0.0.1, socket and data in one temp directory."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="skiff-pg-", dir="/tmp"))
        self.port = _free_port()
        self.count = 0
        if os.geteuid() == 0:
            shutil.chown(self.dir, user="postgres")
        data = str(self.dir / "data")
        try:
            self._run([str(PG_BIN / "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
            self._run([str(PG_BIN / "pg_ctl"), "-D", data, "-l", str(self.dir / "log"), "-w", "-t", "60", "-o",
                       f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
                       " -c synchronous_commit=off -c full_page_writes=off", "start"])
        except Exception:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise

    def _run(self, cmd: list[str]):
        p = subprocess.run(_as_postgres(cmd), capture_output=True, text=True, timeout=120)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {p.stdout}{p.stderr}")

    def new_database(self) -> str:
        self.count += 1
        name = f"skiff_interop_{self.count}"
        self._run([str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-q",
                   "-c", f"CREATE DATABASE {name}"])
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self):
        try:
            self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL cluster; skips (or fails, with SKIFF_REQUIRE_POSTGRES=1) when none can run."""
    cluster, problem = None, None
    try:
        if not (PG_BIN / "initdb").exists():
            raise RuntimeError(f"{PG_BIN / 'initdb'} not found (install postgresql, or set SKIFF_PG_BIN)")
        cluster = PgCluster()
    except Exception as e:  # noqa: BLE001 - any failure means: no PostgreSQL here
        problem = f"PostgreSQL tests need a server: {e}"
    if problem:
        if os.environ.get("SKIFF_REQUIRE_POSTGRES") == "1":
            pytest.fail(problem + " (SKIFF_REQUIRE_POSTGRES=1 makes this a failure)", pytrace=False)
        pytest.skip(problem)
    yield cluster
    cluster.stop()


class Server:
    """``./skiff serve --port 0`` in the background; its URL is read from the first line it prints."""

    def __init__(self, data: Path, db_url: str | None, log: Path):
        cmd = [str(SKIFF), "serve", "--port", "0", "--data", str(data)] + (["--db", db_url] if db_url else [])
        env = dict(os.environ, SKIFF_HUB_LIST_PAGE_SIZE=str(PAGE_SIZE))
        self.log = log
        self._err = open(log, "w")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=self._err, text=True,
                                     start_new_session=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._pump, args=(lines,), daemon=True).start()
        deadline = time.time() + START_TIMEOUT
        self.url = None
        while self.url is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.time()))
            except queue.Empty:
                self.stop()
                raise RuntimeError(f"skiff serve did not start in {START_TIMEOUT} s; see {log}")
            if line is None:
                self.stop()
                raise RuntimeError(f"skiff serve exited ({self.proc.poll()}): {log.read_text()[-3000:]}")
            m = re.search(r"serving (https?://\S+)", line)
            if m:
                self.url = m.group(1)

    def _pump(self, lines: queue.Queue):
        for line in self.proc.stdout:
            lines.put(line)
        lines.put(None)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # the JVM's shutdown hook closes the hub
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._err.close()


def admin(data: Path, db_url: str | None, *args: str) -> str:
    """``./skiff admin ARGS --data DATA [--db URL]``; its output, stripped."""
    cmd = [str(SKIFF), "admin", *args, "--data", str(data)] + (["--db", db_url] if db_url else [])
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=START_TIMEOUT)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stdout}{p.stderr}")
    return p.stdout.strip()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def hub(request, tmp_path_factory):
    backend = request.param
    db_url = request.getfixturevalue("pg_cluster").new_database() if backend == "postgresql" else None
    data = tmp_path_factory.mktemp(f"hub-{backend}")
    server = Server(data / "data", db_url, data / "serve.log")
    try:
        # while the server runs, as an operator would (SQLite: WAL lets both open the database)
        tokens = {
            "alice": admin(data / "data", db_url, "token", "create", "--user", "alice", "--role", "write"),
            "bob": admin(data / "data", db_url, "token", "create", "--user", "bob", "--role", "write"),
            "alice_read": admin(data / "data", db_url, "token", "create", "--user", "alice", "--role", "read",
                                "--name", "read-only"),
        }
        admin(data / "data", db_url, "org", "add-member", "--org", "acme", "--user", "alice", "--role", "write")
        for name, token in tokens.items():
            assert re.fullmatch(r"hf_\w+", token), f"{name}: unexpected token output {token!r}"
        yield Hub(backend=backend, endpoint=server.url, data=data / "data", **tokens)
    finally:
        server.stop()
