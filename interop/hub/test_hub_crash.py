"""Crash safety: ``kill -9`` the hub in the middle of a large commit or LFS upload, restart it on the same data, and
check that every repository is consistent (each branch at its old or its new commit, never half of one; every
stored LFS object complete) and that the client's retry succeeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import PYTHON, admin, unique
from .test_hub_files import MIB, SkiffServer, client, random_file, sha256_file


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    db_url = request.getfixturevalue("pg_cluster").new_database() if request.param == "postgresql" else None
    return request.param, db_url


def start_upload(endpoint: str, token: str, repo: str, path: Path, env: dict | None = None) -> subprocess.Popen:
    """A client process uploading ``path`` as ``big.bin``; it is expected to fail when the server dies."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE"))}
    e.update(HF_ENDPOINT=endpoint, HF_TOKEN=token, HF_HOME=tempfile.mkdtemp(prefix="skiff-crash-"),
             HF_HUB_DISABLE_TELEMETRY="1", **(env or {}))
    code = textwrap.dedent(f"""
        from huggingface_hub import HfApi
        HfApi().upload_file(path_or_fileobj={str(path)!r}, path_in_repo="big.bin", repo_id={repo!r})
    """)
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    return subprocess.Popen([python, "-c", code], env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(predicate, timeout=120.0, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def largest(pattern_dir: Path, glob: str) -> int:
    sizes = []
    for p in pattern_dir.glob(glob):
        try:
            sizes.append(p.stat().st_size)
        except FileNotFoundError:
            pass
    return max(sizes, default=0)


def check_consistent(data: Path):
    """git fsck of every bare repository, and every LFS object's content matches its name."""
    for repo in sorted((data / "git").glob("*.git")):
        p = subprocess.run(["git", "--git-dir", str(repo), "fsck", "--strict", "--no-dangling"], capture_output=True,
                           text=True, timeout=300)
        assert p.returncode == 0, f"git fsck {repo.name}: {p.stdout}{p.stderr}"
    for obj in (data / "lfs" / "objects").glob("*/*/*"):
        assert sha256_file(obj) == obj.name, f"LFS object {obj.name} is not what its name says"


def head_and_files(endpoint: str, token: str, repo: str):
    from huggingface_hub import HfApi

    api = HfApi(endpoint=endpoint, token=token)
    return api.model_info(repo).sha, set(api.list_repo_files(repo))


def main_ref(data: Path) -> str:
    """main of the only repository in ``data`` (a loose ref: JGit writes one per update)."""
    (repo,) = (data / "git").glob("*.git")
    try:
        return (repo / "refs" / "heads" / "main").read_text().strip()
    except FileNotFoundError:
        return ""


@pytest.mark.parametrize("kill_at", [0.3, 1.0, "moved"])
def test_kill_during_a_large_regular_commit(backend, tmp_path, kill_at):
    """128 MiB in regular mode (base64 in the NDJSON body): killed while the body is being decoded (30%), once it all
    arrived (100%: moving it into the LFS store, committing, or done), or as soon as main moved (before the metadata
    store heard of it, if the timing is right; the restart reconciles)."""
    _, db_url = backend
    data = tmp_path / "data"
    server = SkiffServer(data, db_url, tmp_path / "serve.log")
    try:
        token = admin(data, db_url, "token", "create", "--user", "alice", "--role", "write")
        repo = f"alice/{unique('crash')}"
        from huggingface_hub import HfApi

        api = HfApi(endpoint=server.url, token=token)
        api.create_repo(repo)
        old = api.upload_file(path_or_fileobj=b"kept", path_in_repo="keep.txt", repo_id=repo).oid
        size = 128 * MIB
        digest = random_file(tmp_path / "big.bin", size, seed=7)

        proc = start_upload(server.url, token, repo, tmp_path / "big.bin")
        if kill_at == "moved":
            wait_for(lambda: main_ref(data) not in ("", old) or proc.poll() is not None, what="main to move")
        else:
            wait_for(lambda: largest(data / "lfs" / "tmp", "stage-*") >= int(size * kill_at) or proc.poll() is not None,
                     what=f"{kill_at:.0%} of the upload")
        server.kill9()
        proc.kill()  # its retries (with backoff) would only find a dead port
        proc.wait(timeout=120)

        server.start()  # same data, same database, a new port
        check_consistent(data)
        api = HfApi(endpoint=server.url, token=token)
        head, files = head_and_files(server.url, token, repo)
        print(f"killed at {kill_at}: main at the {'new' if 'big.bin' in files else 'old'} commit")
        assert files in ({".gitattributes", "keep.txt"}, {".gitattributes", "keep.txt", "big.bin"})
        listed = {m.id: m.sha for m in api.list_models(author="alice", expand=["sha"])}
        assert listed[repo] == head  # the metadata store agrees with git after the restart
        if "big.bin" in files:
            assert head != old
            got = HfApi(endpoint=server.url, token=token).get_paths_info(repo, ["big.bin"])[0]
            assert got.lfs.sha256 == digest and got.size == size
        else:
            assert head == old

        out = client(server.url, token, f"""
            import json, hashlib
            from huggingface_hub import HfApi, hf_hub_download
            HfApi().upload_file(path_or_fileobj={str(tmp_path / "big.bin")!r}, path_in_repo="big.bin", repo_id={repo!r})
            h = hashlib.sha256()
            with open(hf_hub_download({repo!r}, "big.bin"), "rb") as f:
                for b in iter(lambda: f.read(1 << 22), b""):
                    h.update(b)
            print(json.dumps({{"sha": h.hexdigest(), "keep": open(hf_hub_download({repo!r}, "keep.txt")).read()}}))
        """)
        assert out == {"sha": digest, "keep": "kept"}
        meta = HfApi(endpoint=server.url, token=token).model_info(repo)
        assert meta.sha == HfApi(endpoint=server.url, token=token).list_repo_commits(repo)[0].commit_id
        check_consistent(data)
    finally:
        server.stop()


def test_kill_during_an_lfs_multipart_upload(backend, tmp_path):
    """HF_HUB_DISABLE_XET=1 against --regular-upload-max 1: killed after some parts; the retry uploads again."""
    _, db_url = backend
    data = tmp_path / "data"
    server = SkiffServer(data, db_url, tmp_path / "serve.log", "--regular-upload-max", "1")
    try:
        token = admin(data, db_url, "token", "create", "--user", "alice", "--role", "write")
        repo = f"alice/{unique('crash-lfs')}"
        from huggingface_hub import HfApi

        HfApi(endpoint=server.url, token=token).create_repo(repo)
        size = 72 * MIB  # five parts of 16 MiB
        digest = random_file(tmp_path / "big.bin", size, seed=8)
        proc = start_upload(server.url, token, repo, tmp_path / "big.bin", env={"HF_HUB_DISABLE_XET": "1"})
        parts = data / "lfs" / "parts" / digest
        wait_for(lambda: len(list(parts.glob("*"))) >= 3 or proc.poll() is not None, what="three uploaded parts")
        server.kill9()
        proc.kill()  # its retries (with backoff) would only find a dead port
        proc.wait(timeout=120)

        server.start()
        check_consistent(data)
        _, files = head_and_files(server.url, token, repo)
        assert files == {".gitattributes"}
        out = client(server.url, token, f"""
            import json, hashlib
            from huggingface_hub import HfApi, hf_hub_download
            HfApi().upload_file(path_or_fileobj={str(tmp_path / "big.bin")!r}, path_in_repo="big.bin", repo_id={repo!r})
            h = hashlib.sha256(open(hf_hub_download({repo!r}, "big.bin"), "rb").read())
            print(json.dumps({{"sha": h.hexdigest()}}))
        """, env={"HF_HUB_DISABLE_XET": "1"})
        assert out["sha"] == digest
        check_consistent(data)
        assert not parts.exists()
    finally:
        server.stop()
