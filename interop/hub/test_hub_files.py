"""Files on the Skiff hub with the stock huggingface_hub client: uploads, downloads, trees, refs and LFS.

Client scenarios run in a fresh interpreter (``client``), because huggingface_hub reads ``HF_ENDPOINT``,
``HF_HUB_DISABLE_XET`` and friends once, at import. The default install has ``hf_xet``; the hub answers
``uploadMode: "regular"`` for files up to ``--regular-upload-max`` so such clients never need Xet.

``lfs_hub`` is a second server started with ``--regular-upload-max 1`` (MiB): there, larger files go through the LFS
batch API (basic PUT, or the multipart transfer above 32 MiB), which clients reach with ``HF_HUB_DISABLE_XET=1``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from . import conftest as hubconf
from .conftest import PYTHON, ROOT, START_TIMEOUT, admin, unique

# Small tree and commit pages, so that the client follows Link headers (read by `./skiff serve` at start; the
# session's servers start after collection, so this applies to them too).
os.environ.setdefault("SKIFF_HUB_TREE_PAGE_SIZE", "50")
os.environ.setdefault("SKIFF_HUB_COMMITS_PAGE_SIZE", "5")

SHA = re.compile(r"[0-9a-f]{40}")
MIB = 1 << 20

try:  # registered in interop/pytest.ini ("slow: ..."); a no-op mark until then, as --strict-markers would refuse it
    slow = pytest.mark.slow
except BaseException:  # noqa: BLE001 - pytest.fail raises an OutcomeException
    def slow(fn):
        return fn


def client(endpoint: str, token: str | None, code: str, env: dict | None = None, timeout: int = 300):
    """Runs ``code`` in a fresh interpreter pointed at ``endpoint`` (own HF_HOME) and returns the JSON it printed last."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE"))}
    e["HF_ENDPOINT"] = endpoint
    e["HF_HUB_DISABLE_TELEMETRY"] = "1"
    home = tempfile.mkdtemp(prefix="skiff-hf-client-")
    e.setdefault("HF_HOME", home)
    if token:
        e["HF_TOKEN"] = token
    e.update(env or {})
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    try:
        p = subprocess.run([python, "-c", textwrap.dedent(code)], env=e, capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if p.returncode != 0:
        raise AssertionError(f"client failed ({p.returncode}):\n{p.stdout[-3000:]}\n{p.stderr[-6000:]}")
    lines = [line for line in p.stdout.splitlines() if line.strip()]
    assert lines, f"client printed nothing; stderr:\n{p.stderr}"
    return json.loads(lines[-1])


def sha256_file(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(4 * MIB), b""):
            h.update(block)
    return h.hexdigest()


def random_file(path: Path, size: int, seed: int = 0) -> str:
    """Writes ``size`` pseudo-random bytes (fast, incompressible) and returns their sha256."""
    import random

    rnd = random.Random(seed)
    h = hashlib.sha256()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(left, 4 * MIB)
            block = rnd.randbytes(n)
            f.write(block)
            h.update(block)
            left -= n
    return h.hexdigest()


# ----------------------------------------------------------------------------------------------- servers


class SkiffServer:
    """``./skiff serve --port 0`` with extra arguments; its URL is read from the first line it prints."""

    def __init__(self, data: Path, db_url: str | None, log: Path, *extra: str):
        self.cmd = [str(hubconf.SKIFF), "serve", "--port", "0", "--data", str(data), *(["--db", db_url] if db_url else []), *extra]
        self.log = log
        self.start()

    def start(self):
        self._err = open(self.log, "a")
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=self._err, text=True,
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
                raise RuntimeError(f"skiff serve did not start in {START_TIMEOUT} s; see {self.log}")
            if line is None:
                self.stop()
                raise RuntimeError(f"skiff serve exited ({self.proc.poll()}): {self.log.read_text()[-3000:]}")
            m = re.search(r"serving (https?://\S+)", line)
            if m:
                self.url = m.group(1)

    def _pump(self, lines: queue.Queue):
        for line in self.proc.stdout:
            lines.put(line)
        lines.put(None)

    def kill9(self):
        """SIGKILL: no shutdown hook, no cleanup (what a crash or an OOM kill does)."""
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._err.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._err.close()


@dataclasses.dataclass
class OwnHub:
    backend: str
    server: SkiffServer
    data: Path
    db_url: str | None
    alice: str

    @property
    def endpoint(self) -> str:
        return self.server.url

    def api(self, token):
        from huggingface_hub import HfApi

        return HfApi(endpoint=self.endpoint, token=token)


def start_own_hub(request, tmp_path_factory, name: str, *extra: str) -> OwnHub:
    backend = request.param
    db_url = request.getfixturevalue("pg_cluster").new_database() if backend == "postgresql" else None
    root = tmp_path_factory.mktemp(f"{name}-{backend}")
    server = SkiffServer(root / "data", db_url, root / "serve.log", *extra)
    token = admin(root / "data", db_url, "token", "create", "--user", "alice", "--role", "write")
    return OwnHub(backend, server, root / "data", db_url, token)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def lfs_hub(request, tmp_path_factory):
    """A hub where files over 1 MiB go to LFS (multipart above the default 32 MiB, in 16 MiB parts)."""
    hub = start_own_hub(request, tmp_path_factory, "lfs-hub", "--regular-upload-max", "1")
    yield hub
    hub.server.stop()


NO_XET = {"HF_HUB_DISABLE_XET": "1"}


# ----------------------------------------------------------------------------------------------- uploads


def test_upload_file_then_download_by_branch_tag_commit_and_subfolder(hub, tmp_path):
    name = unique("dl")
    (tmp_path / "w.bin").write_bytes(os.urandom(3 * MIB))  # tracked by .gitattributes: stored in LFS
    out = client(hub.endpoint, hub.alice, f"""
        import json, hashlib, os
        from huggingface_hub import HfApi, hf_hub_download, create_repo, try_to_load_from_cache
        api = HfApi()
        create_repo({name!r})
        c1 = api.upload_file(path_or_fileobj=b"v1", path_in_repo="sub/config.json", repo_id="alice/{name}")
        api.create_tag("alice/{name}", tag="v1.0")
        api.create_branch("alice/{name}", branch="dev/x")
        c2 = api.upload_file(path_or_fileobj=b"v2", path_in_repo="sub/config.json", repo_id="alice/{name}",
                             commit_message="second", commit_description="more words")
        c3 = api.upload_file(path_or_fileobj={str(tmp_path / "w.bin")!r}, path_in_repo="w.bin", repo_id="alice/{name}")
        read = lambda p: open(p, "rb").read().decode(errors="replace")
        out = {{
            "c1": c1.oid, "c2": c2.oid, "c3": c3.oid, "url": c2.commit_url,
            "main": read(hf_hub_download("alice/{name}", "config.json", subfolder="sub")),
            "tag": read(hf_hub_download("alice/{name}", "sub/config.json", revision="v1.0")),
            "branch": read(hf_hub_download("alice/{name}", "sub/config.json", revision="dev/x")),
            "sha": read(hf_hub_download("alice/{name}", "sub/config.json", revision=c1.oid)),
            "lfs": hashlib.sha256(open(hf_hub_download("alice/{name}", "w.bin"), "rb").read()).hexdigest(),
        }}
        # a second download is served from the cache (same blob), and a commit-pinned one works offline
        p1 = hf_hub_download("alice/{name}", "w.bin")
        p2 = hf_hub_download("alice/{name}", "w.bin", revision=c3.oid, local_files_only=True)
        out["cached"] = os.path.realpath(p1) == os.path.realpath(p2)
        out["in_cache"] = try_to_load_from_cache("alice/{name}", "sub/config.json", revision=c1.oid) is not None
        print(json.dumps(out))
    """)
    assert out["main"] == "v2" and out["tag"] == "v1" and out["branch"] == "v1" and out["sha"] == "v1"
    assert out["lfs"] == sha256_file(tmp_path / "w.bin")
    assert out["cached"] and out["in_cache"]
    assert all(SHA.fullmatch(out[k]) for k in ("c1", "c2", "c3"))
    assert out["url"] == f"{hub.endpoint}/alice/{name}/commit/{out['c2']}"
    api = hub.api(hub.alice)
    commits = api.list_repo_commits(f"alice/{name}")
    assert [c.commit_id for c in commits[:3]] == [out["c3"], out["c2"], out["c1"]]
    assert commits[1].title == "second" and commits[1].message == "more words"
    assert commits[-1].title == "initial commit"
    w = api.get_paths_info(f"alice/{name}", ["w.bin"])[0]
    assert w.lfs is not None and w.lfs.sha256 == out["lfs"] and w.size == 3 * MIB


def test_upload_folder_with_hundreds_of_files_and_patterns(hub, tmp_path):
    """With hf_xet installed, upload_folder runs the multi-commit pipeline; all files travel in regular mode."""
    name = unique("folder")
    folder = tmp_path / "folder"
    for i in range(230):
        f = folder / f"part{i % 7}" / f"file{i:03d}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(f"content {i}\n")
    (folder / "skip.log").write_text("log")
    (folder / "weights").mkdir()
    random_file(folder / "weights" / "model.safetensors", 2 * MIB, seed=1)
    (folder / "README.md").write_text("---\nlicense: mit\nlibrary_name: skops\ntags:\n- tabular\n---\n# Card\n")
    out = client(hub.endpoint, hub.alice, f"""
        import json
        from huggingface_hub import HfApi
        api = HfApi()
        api.create_repo({name!r})
        info = api.upload_folder(folder_path={str(folder)!r}, repo_id="alice/{name}", ignore_patterns=["*.log"],
                                 commit_message="many files")
        files = api.list_repo_files("alice/{name}")
        # again, unchanged: nothing to commit
        again = api.upload_folder(folder_path={str(folder)!r}, repo_id="alice/{name}", ignore_patterns=["*.log"])
        # allow_patterns: only part0, and delete_patterns removes part6
        third = api.upload_folder(folder_path={str(folder)!r}, repo_id="alice/{name}", allow_patterns=["part0/*"],
                                  delete_patterns=["part6/*"])
        after = api.list_repo_files("alice/{name}")
        m = api.model_info("alice/{name}", files_metadata=True)
        print(json.dumps({{"oid": info.oid, "files": files, "again": again.oid, "third": third.oid, "after": after,
                           "card": m.card_data.to_dict(), "tags": m.tags, "sha": m.sha,
                           "siblings": [[s.rfilename, s.size, s.blob_id, s.lfs.sha256 if s.lfs else None]
                                        for s in m.siblings]}}))
    """)
    assert len(out["files"]) == 230 + 3  # + README.md, weights/model.safetensors, .gitattributes
    assert "skip.log" not in out["files"]
    assert out["again"] == out["oid"]
    assert not any(f.startswith("part6/") for f in out["after"]) and len(out["after"]) == len(out["files"]) - 32
    assert out["sha"] == out["third"]
    assert out["card"]["license"] == "mit" and {"tabular", "skops", "license:mit"} <= set(out["tags"])
    sib = {s[0]: s for s in out["siblings"]}
    assert sib["weights/model.safetensors"][1] == 2 * MIB
    assert sib["weights/model.safetensors"][3] == sha256_file(folder / "weights" / "model.safetensors")
    assert sib["part0/file000.txt"][1] == len("content 0\n") and SHA.fullmatch(sib["part0/file000.txt"][2])
    commits = hub.api(hub.alice).list_repo_commits(f"alice/{name}")  # several pages of 5
    assert commits[-1].title == "initial commit" and any(c.title.startswith("many files") for c in commits)


def test_create_commit_mixed_operations_and_deletes(hub):
    from huggingface_hub import CommitOperationAdd, CommitOperationCopy, CommitOperationDelete
    from huggingface_hub.errors import EntryNotFoundError, HfHubHTTPError

    api = hub.api(hub.alice)
    repo = f"alice/{unique('mixed')}"
    api.create_repo(repo)
    blob = os.urandom(2 * MIB)
    api.create_commit(repo, commit_message="setup", operations=[
        CommitOperationAdd("a.txt", b"a"), CommitOperationAdd("dir/b.txt", b"b"), CommitOperationAdd("dir/c/d.txt", b"d"),
        CommitOperationAdd("model.bin", blob), CommitOperationAdd("old/x.txt", b"x")])
    info = api.create_commit(repo, commit_message="mixed", operations=[
        CommitOperationDelete("a.txt"),
        CommitOperationDelete("dir/c/"),
        CommitOperationAdd("new.txt", b"new"),
        CommitOperationCopy("dir/b.txt", "copy/b.txt"),          # regular: re-uploaded content
        CommitOperationCopy("model.bin", "copy/model.bin"),      # LFS: lfsFile without size
    ])
    files = set(api.list_repo_files(repo))
    assert files == {".gitattributes", "dir/b.txt", "model.bin", "old/x.txt", "new.txt", "copy/b.txt", "copy/model.bin"}
    copied = api.get_paths_info(repo, ["copy/model.bin"])[0]
    assert copied.lfs.sha256 == hashlib.sha256(blob).hexdigest() and copied.size == len(blob)
    assert api.list_repo_commits(repo)[0].commit_id == info.oid

    api.delete_file("new.txt", repo)
    api.delete_folder("old", repo)
    assert not api.file_exists(repo, "new.txt") and not api.file_exists(repo, "old/x.txt")
    with pytest.raises(EntryNotFoundError) as e:
        api.delete_file("nope.txt", repo)
    assert "doesn't exist" in str(e.value)
    with pytest.raises(EntryNotFoundError):
        api.delete_folder("nope", repo)
    with pytest.raises(HfHubHTTPError) as e:
        api.upload_file(path_or_fileobj=b"x", path_in_repo="x.txt", repo_id=repo, create_pr=True)
    assert "not supported" in str(e.value)


def test_stale_parent_commit_is_412(hub):
    from huggingface_hub.errors import HfHubHTTPError

    api = hub.api(hub.alice)
    repo = f"alice/{unique('parent')}"
    api.create_repo(repo)
    first = api.model_info(repo).sha
    second = api.upload_file(path_or_fileobj=b"1", path_in_repo="one.txt", repo_id=repo, parent_commit=first).oid
    with pytest.raises(HfHubHTTPError) as e:
        api.upload_file(path_or_fileobj=b"2", path_in_repo="two.txt", repo_id=repo, parent_commit=first)
    assert e.value.response.status_code == 412
    assert "A commit has happened since" in str(e.value)
    assert api.model_info(repo).sha == second
    third = api.upload_file(path_or_fileobj=b"2", path_in_repo="two.txt", repo_id=repo, parent_commit=second[:7])
    assert api.model_info(repo).sha == third.oid


# ----------------------------------------------------------------------------------------------- reads


def test_snapshot_download_with_patterns(hub, tmp_path):
    api = hub.api(hub.alice)
    repo = f"alice/{unique('snap')}"
    api.create_repo(repo, repo_type="dataset")
    api.create_commit(repo, repo_type="dataset", commit_message="data", operations=[
        __import__("huggingface_hub").CommitOperationAdd(p, c) for p, c in [
            ("train/a.csv", b"1,2\n"), ("train/b.csv", b"3,4\n"), ("test/c.csv", b"5\n"), ("notes.md", b"# n\n"),
            ("img/x.png", os.urandom(1000))]])
    out = client(hub.endpoint, hub.alice, f"""
        import json, os
        from huggingface_hub import snapshot_download
        def walk(d):
            return sorted(os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs
                          if ".cache" not in r)
        full = snapshot_download({repo!r}, repo_type="dataset")
        part = snapshot_download({repo!r}, repo_type="dataset", allow_patterns=["train/*"], local_dir={str(tmp_path / "l")!r})
        some = snapshot_download({repo!r}, repo_type="dataset", ignore_patterns=["*.csv"], local_dir={str(tmp_path / "s")!r})
        print(json.dumps({{"full": walk(full), "part": walk(part), "some": walk(some),
                           "png": open(os.path.join(full, "img/x.png"), "rb").read().hex()}}))
    """)
    assert out["full"] == [".gitattributes", "img/x.png", "notes.md", "test/c.csv", "train/a.csv", "train/b.csv"]
    assert out["part"] == ["train/a.csv", "train/b.csv"]
    assert out["some"] == [".gitattributes", "img/x.png", "notes.md"]
    assert (tmp_path / "l" / "train" / "a.csv").read_bytes() == b"1,2\n"
    png = api.get_paths_info(repo, ["img/x.png"], repo_type="dataset")[0]
    assert png.lfs is not None and png.lfs.sha256 == hashlib.sha256(bytes.fromhex(out["png"])).hexdigest()


def test_tree_paths_info_file_exists_and_pagination(hub):
    from huggingface_hub import CommitOperationAdd, RepoFile, RepoFolder

    api = hub.api(hub.alice)
    repo = f"alice/{unique('tree')}"
    api.create_repo(repo)
    ops = [CommitOperationAdd(f"d{i % 3}/sub/f{i}.txt", f"{i}".encode()) for i in range(120)]
    ops.append(CommitOperationAdd("top level.txt", b"space"))
    api.create_commit(repo, operations=ops, commit_message="tree")
    entries = list(api.list_repo_tree(repo, recursive=True))  # > 50 entries: three pages through Link headers
    files = [e for e in entries if isinstance(e, RepoFile)]
    folders = sorted(e.path for e in entries if isinstance(e, RepoFolder))
    assert len(files) == 122 and folders == ["d0", "d0/sub", "d1", "d1/sub", "d2", "d2/sub"]
    top = [e.path for e in api.list_repo_tree(repo)]
    assert top == [".gitattributes", "d0", "d1", "d2", "top level.txt"]
    sub = list(api.list_repo_tree(repo, path_in_repo="d1/sub", expand=True))
    assert len(sub) == 40 and all(e.last_commit is not None and e.last_commit.title == "tree" for e in sub)
    info = api.get_paths_info(repo, ["top level.txt", "d2", "missing.txt"])
    assert [type(i).__name__ for i in info] == ["RepoFile", "RepoFolder"]
    f = info[0]
    assert f.size == 5 and f.blob_id == hashlib.sha1(b"blob 5\0space").hexdigest() and f.lfs is None
    assert api.file_exists(repo, "top level.txt") and api.file_exists(repo, "d0/sub/f0.txt")
    assert not api.file_exists(repo, "d0") and not api.file_exists(repo, "nope")
    assert not api.file_exists(repo, "top level.txt", revision="nope")
    assert not api.file_exists(f"alice/{unique('none')}", "x")
    assert api.revision_exists(repo, "main") and not api.revision_exists(repo, "nope")


def test_model_info_siblings_with_files_metadata(hub):
    api = hub.api(hub.alice)
    repo = f"alice/{unique('sib')}"
    api.create_repo(repo)
    weights = os.urandom(1500)
    api.upload_file(path_or_fileobj=weights, path_in_repo="w.safetensors", repo_id=repo)
    api.upload_file(path_or_fileobj=b"{}", path_in_repo="config.json", repo_id=repo)
    plain = api.model_info(repo)
    assert sorted(s.rfilename for s in plain.siblings) == [".gitattributes", "config.json", "w.safetensors"]
    meta = {s.rfilename: s for s in api.model_info(repo, files_metadata=True).siblings}
    assert meta["config.json"].size == 2 and meta["config.json"].blob_id == hashlib.sha1(b"blob 2\0{}").hexdigest()
    lfs = meta["w.safetensors"].lfs
    assert lfs.size == 1500 and lfs.sha256 == hashlib.sha256(weights).hexdigest() and lfs.pointer_size == 129
    tag_info = api.model_info(repo, revision=api.list_repo_commits(repo)[-1].commit_id)
    assert [s.rfilename for s in tag_info.siblings] == [".gitattributes"]


def test_hf_file_system_reads_ranges(hub):
    from huggingface_hub import HfFileSystem

    api = hub.api(hub.alice)
    repo = f"alice/{unique('fs')}"
    api.create_repo(repo)
    data = os.urandom(3 * MIB + 123)
    api.upload_file(path_or_fileobj=data, path_in_repo="blob.bin", repo_id=repo)
    api.upload_file(path_or_fileobj=b"0123456789", path_in_repo="digits.txt", repo_id=repo)
    fs = HfFileSystem(endpoint=hub.endpoint, token=hub.alice)
    with fs.open(f"{repo}/blob.bin", "rb", block_size=64 * 1024) as f:
        f.seek(MIB + 5)
        assert f.read(1000) == data[MIB + 5:MIB + 1005]
        f.seek(len(data) - 10)
        assert f.read() == data[-10:]
    assert fs.cat_file(f"{repo}/digits.txt", start=3, end=7) == b"3456"
    assert fs.info(f"{repo}/blob.bin")["size"] == len(data)
    assert sorted(p.rsplit("/", 1)[1] for p in fs.ls(repo, detail=False)) == [".gitattributes", "blob.bin", "digits.txt"]


# ----------------------------------------------------------------------------------------------- refs


def test_branches_tags_refs_and_commits(hub):
    from huggingface_hub.errors import HfHubHTTPError, RevisionNotFoundError

    api = hub.api(hub.alice)
    repo = f"alice/{unique('refs')}"
    api.create_repo(repo)
    c1 = api.upload_file(path_or_fileobj=b"1", path_in_repo="f.txt", repo_id=repo).oid
    api.create_branch(repo, branch="dev/feature")
    api.create_branch(repo, branch="dev/feature", exist_ok=True)
    with pytest.raises(HfHubHTTPError) as e:
        api.create_branch(repo, branch="dev/feature")
    assert e.value.response.status_code == 409
    c2 = api.upload_file(path_or_fileobj=b"2", path_in_repo="f.txt", repo_id=repo, revision="dev/feature").oid
    api.create_tag(repo, tag="v1", revision="dev/feature", tag_message="first release")
    api.create_tag(repo, tag="v0")
    api.create_branch(repo, branch="from-v0", revision="v0")
    refs = api.list_repo_refs(repo, include_pull_requests=True)
    assert {b.name: b.target_commit for b in refs.branches} == {"main": c1, "dev/feature": c2, "from-v0": c1}
    assert {t.name: t.target_commit for t in refs.tags} == {"v1": c2, "v0": c1}
    assert refs.converts == [] and refs.pull_requests == []
    assert [c.commit_id for c in api.list_repo_commits(repo, revision="dev/feature")][:2] == [c2, c1]
    formatted = api.list_repo_commits(repo, formatted=True)
    assert formatted[0].formatted_title and formatted[0].authors == ["alice"]
    api.delete_branch(repo, branch="dev/feature")
    api.delete_tag(repo, tag="v1")
    refs = api.list_repo_refs(repo)
    assert {b.name for b in refs.branches} == {"main", "from-v0"} and [t.name for t in refs.tags] == ["v0"]
    with pytest.raises(RevisionNotFoundError):
        api.list_repo_commits(repo, revision="dev/feature")
    api.super_squash_history(repo, commit_message="one commit")  # returns nothing
    squashed = api.list_repo_commits(repo)
    assert [c.title for c in squashed] == ["one commit"]
    assert api.model_info(repo).sha == squashed[0].commit_id


# ----------------------------------------------------------------------------------------------- LFS


def test_default_client_gets_a_clear_error_for_files_that_must_go_to_lfs(lfs_hub):
    """Over --regular-upload-max a client with hf_xet asks for a Xet token; the 404 says what to do."""
    name = unique("xet")
    lfs_hub.api(lfs_hub.alice).create_repo(name)
    code = f"""
        import json, os
        from huggingface_hub import HfApi
        try:
            HfApi().upload_file(path_or_fileobj=os.urandom(2 * 1024 * 1024), path_in_repo="big.bin", repo_id="alice/{name}")
            print(json.dumps({{"error": None}}))
        except Exception as e:
            print(json.dumps({{"error": str(e)}}))
    """
    out = client(lfs_hub.endpoint, lfs_hub.alice, code)
    assert out["error"] and "xet-write-token" in out["error"]
    ok = client(lfs_hub.endpoint, lfs_hub.alice, code.replace("big.bin", "big2.bin"), env=NO_XET)
    assert ok["error"] is None


def test_lfs_basic_and_multipart_uploads_without_xet(lfs_hub, tmp_path):
    name = unique("lfs")
    small = random_file(tmp_path / "small.bin", 3 * MIB, seed=2)        # one PUT
    large = random_file(tmp_path / "large.bin", 40 * MIB + 7, seed=3)   # 3 parts of 16 MiB
    out = client(lfs_hub.endpoint, lfs_hub.alice, f"""
        import json, hashlib
        from huggingface_hub import HfApi, CommitOperationAdd, hf_hub_download
        api = HfApi()
        api.create_repo({name!r})
        c = api.create_commit("alice/{name}", commit_message="lfs", operations=[
            CommitOperationAdd("small.bin", {str(tmp_path / "small.bin")!r}),
            CommitOperationAdd("nested/large.dat", {str(tmp_path / "large.bin")!r}),
            CommitOperationAdd("tiny.txt", b"regular")])
        def sha(p):
            return hashlib.sha256(open(p, "rb").read()).hexdigest()
        out = {{"oid": c.oid,
                "small": sha(hf_hub_download("alice/{name}", "small.bin")),
                "large": sha(hf_hub_download("alice/{name}", "nested/large.dat")),
                "tiny": open(hf_hub_download("alice/{name}", "tiny.txt")).read()}}
        # unchanged: preupload reports the sha256, the client skips the upload and the commit
        again = api.upload_file(path_or_fileobj={str(tmp_path / "large.bin")!r}, path_in_repo="nested/large.dat",
                                repo_id="alice/{name}")
        out["again"] = again.oid
        print(json.dumps(out))
    """, env=NO_XET)
    assert out["small"] == small and out["large"] == large and out["tiny"] == "regular"
    assert out["again"] == out["oid"]
    api = lfs_hub.api(lfs_hub.alice)
    info = {p.path: p for p in api.get_paths_info(f"alice/{name}", ["small.bin", "nested/large.dat", "tiny.txt"])}
    assert info["nested/large.dat"].lfs.sha256 == large and info["nested/large.dat"].size == 40 * MIB + 7
    assert info["tiny.txt"].lfs is None
    # objects stored by hash, no part files left behind
    assert (lfs_hub.data / "lfs" / "objects" / large[:2] / large[2:4] / large).stat().st_size == 40 * MIB + 7
    assert not list((lfs_hub.data / "lfs").glob("parts/*/*"))
    attrs = client(lfs_hub.endpoint, lfs_hub.alice, f"""
        import json
        from huggingface_hub import hf_hub_download
        print(json.dumps(open(hf_hub_download("alice/{name}", ".gitattributes")).read()))
    """)
    assert "nested/large.dat filter=lfs diff=lfs merge=lfs -text" in attrs


@slow
def test_300_mib_through_regular_mode_with_the_default_client(hub, tmp_path):
    """The default install (hf_xet) against a default server: 300 MiB travel base64 in the commit body."""
    name = unique("big-regular")
    digest = random_file(tmp_path / "big.bin", 300 * MIB, seed=4)
    out = client(hub.endpoint, hub.alice, f"""
        import json, hashlib, time
        from huggingface_hub import HfApi, hf_hub_download
        api = HfApi()
        api.create_repo({name!r})
        t = time.time()
        api.upload_file(path_or_fileobj={str(tmp_path / "big.bin")!r}, path_in_repo="big.bin", repo_id="alice/{name}")
        up = time.time() - t
        t = time.time()
        p = hf_hub_download("alice/{name}", "big.bin")
        down = time.time() - t
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for b in iter(lambda: f.read(1 << 22), b""):
                h.update(b)
        print(json.dumps({{"sha": h.hexdigest(), "up": up, "down": down}}))
    """, timeout=900)
    print(f"300 MiB regular: upload {out['up']:.1f} s, download {out['down']:.1f} s")
    assert out["sha"] == digest


@slow
def test_300_mib_through_lfs_multipart_without_xet(lfs_hub, tmp_path):
    name = unique("big-lfs")
    digest = random_file(tmp_path / "big.bin", 300 * MIB, seed=5)
    out = client(lfs_hub.endpoint, lfs_hub.alice, f"""
        import json, hashlib, time
        from huggingface_hub import HfApi, hf_hub_download
        api = HfApi()
        api.create_repo({name!r})
        t = time.time()
        api.upload_file(path_or_fileobj={str(tmp_path / "big.bin")!r}, path_in_repo="big.bin", repo_id="alice/{name}")
        up = time.time() - t
        t = time.time()
        p = hf_hub_download("alice/{name}", "big.bin")
        down = time.time() - t
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for b in iter(lambda: f.read(1 << 22), b""):
                h.update(b)
        print(json.dumps({{"sha": h.hexdigest(), "up": up, "down": down}}))
    """, env=NO_XET, timeout=900)
    print(f"300 MiB LFS multipart: upload {out['up']:.1f} s, download {out['down']:.1f} s")
    assert out["sha"] == digest
