"""``git clone`` and ``git push`` (Debian ``git`` + ``git-lfs``) of Skiff hub repos: smart HTTP plus the LFS batch API.

Skipped when git-lfs is not installed, unless ``SKIFF_REQUIRE_GIT_LFS=1`` (then a failure). Each test runs git with
its own ``HOME`` (``git lfs install`` writes there), so the machine's git configuration plays no part.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from .conftest import unique

MIB = 1 << 20


@pytest.fixture
def git(tmp_path):
    """Runs git with an isolated HOME where `git lfs install` has been run; returns the CompletedProcess."""
    if shutil.which("git") is None or subprocess.run(["git", "lfs", "version"], capture_output=True).returncode != 0:
        message = "git and git-lfs are needed (apt-get install git git-lfs)"
        if os.environ.get("SKIFF_REQUIRE_GIT_LFS") == "1":
            pytest.fail(message + " (SKIFF_REQUIRE_GIT_LFS=1 makes this a failure)", pytrace=False)
        pytest.skip(message)
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0",
               GIT_ASKPASS="/bin/false", SSH_ASKPASS="/bin/false", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x")

    def run(*args, cwd=None, check=True):
        p = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        if check and p.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
        return p

    run("lfs", "install")
    return run


def with_credentials(url: str, user: str, token: str) -> str:
    u = urlsplit(url)
    return urlunsplit((u.scheme, f"{user}:{token}@{u.netloc}", u.path, u.query, u.fragment))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_repo(hub, repo_type="model", private=False):
    from huggingface_hub import CommitOperationAdd

    api = hub.api(hub.alice)
    name = unique("git")
    repo = f"alice/{name}"
    api.create_repo(repo, repo_type=repo_type, private=private)
    files = {
        "README.md": b"---\nlicense: mit\n---\n# Cloned\n",
        "config.json": b'{"n": 1}\n',
        "weights/model.bin": os.urandom(3 * MIB),          # LFS by .gitattributes (*.bin)
        "data/big.dat": os.urandom(11 * MIB),              # LFS by size (over 10 MiB)
        "with space.txt": b"spaced\n",
    }
    api.create_commit(repo, repo_type=repo_type, commit_message="files",
                      operations=[CommitOperationAdd(p, c) for p, c in files.items()])
    api.upload_file(path_or_fileobj=b"second", path_in_repo="second.txt", repo_id=repo, repo_type=repo_type)
    prefix = "" if repo_type == "model" else f"{repo_type}s/"
    return repo, f"{hub.endpoint}/{prefix}{repo}", files


def check_checkout(git, dest: Path, files: dict[str, bytes]):
    for path, content in files.items():
        assert sha256(dest / path) == hashlib.sha256(content).hexdigest(), path
    assert (dest / "second.txt").read_text() == "second"
    lfs = sorted(line.split(" ", 2)[2] for line in git("lfs", "ls-files", cwd=dest).stdout.splitlines())
    assert lfs == ["data/big.dat", "weights/model.bin"]
    assert git("status", "--porcelain", cwd=dest).stdout == ""
    log = git("log", "--format=%s", cwd=dest).stdout.splitlines()
    assert log == ["Upload second.txt with huggingface_hub", "files", "initial commit"]
    assert "big.dat filter=lfs" in (dest / ".gitattributes").read_text()


def test_clone_a_public_repo_with_lfs_files(hub, git, tmp_path):
    repo, url, files = make_repo(hub)
    git("clone", url, str(tmp_path / "c1"))
    check_checkout(git, tmp_path / "c1", files)
    git("clone", url + ".git", str(tmp_path / "c2"))
    check_checkout(git, tmp_path / "c2", files)
    # fetch after a new commit
    hub.api(hub.alice).upload_file(path_or_fileobj=b"third", path_in_repo="third.txt", repo_id=repo)
    git("pull", "--ff-only", cwd=tmp_path / "c1")
    assert (tmp_path / "c1" / "third.txt").read_text() == "third"


def test_clone_a_dataset(hub, git, tmp_path):
    _, url, files = make_repo(hub, repo_type="dataset")
    git("clone", url, str(tmp_path / "d"))
    check_checkout(git, tmp_path / "d", files)


def test_private_repos_need_a_token_as_password(hub, git, tmp_path):
    _, url, files = make_repo(hub, private=True)
    anon = git("clone", url, str(tmp_path / "anon"), check=False)
    assert anon.returncode != 0
    bob = git("clone", with_credentials(url, "bob", hub.bob), str(tmp_path / "bob"), check=False)
    assert bob.returncode != 0
    git("clone", with_credentials(url, "alice", hub.alice), str(tmp_path / "alice"))
    check_checkout(git, tmp_path / "alice", files)


def test_push_with_git_lfs_updates_the_repo(hub, git, tmp_path):
    from huggingface_hub import hf_hub_download

    repo, url, _ = make_repo(hub)
    dest = tmp_path / "p"
    git("clone", with_credentials(url, "alice", hub.alice), str(dest))
    weights = os.urandom(2 * MIB)
    (dest / "new.bin").write_bytes(weights)                     # *.bin: git-lfs cleans it into a pointer
    (dest / "notes.txt").write_text("pushed over git\n")
    (dest / "README.md").write_text("---\nlicense: apache-2.0\nlibrary_name: skops\n---\n# pushed\n")
    git("add", "-A", cwd=dest)
    git("commit", "-m", "pushed with git", cwd=dest)
    git("push", cwd=dest)  # git-lfs's pre-push hook uploads new.bin through the batch API first
    head = git("rev-parse", "HEAD", cwd=dest).stdout.strip()
    api = hub.api(hub.alice)
    info = api.model_info(repo, files_metadata=True)
    assert info.sha == head and info.card_data.license == "apache-2.0" and "skops" in info.tags
    sib = {s.rfilename: s for s in info.siblings}
    assert sib["new.bin"].lfs.sha256 == hashlib.sha256(weights).hexdigest()
    path = hf_hub_download(repo, "new.bin", endpoint=hub.endpoint, token=hub.alice, cache_dir=str(tmp_path / "cache"))
    assert Path(path).read_bytes() == weights
    assert api.list_repo_commits(repo)[0].title == "pushed with git"
    # and the hub's own commits land on top of pushed history
    api.upload_file(path_or_fileobj=b"after", path_in_repo="after.txt", repo_id=repo)
    git("pull", "--ff-only", cwd=dest)
    assert (dest / "after.txt").read_text() == "after"


def test_pushes_without_lfs_objects_or_rights_are_refused(hub, git, tmp_path):
    repo, url, _ = make_repo(hub)
    dest = tmp_path / "p"
    git("clone", url, str(dest))
    (dest / "new.bin").write_bytes(os.urandom(1000))
    git("add", "new.bin", cwd=dest)
    git("commit", "-m", "local", cwd=dest)
    anon = git("push", cwd=dest, check=False)
    assert anon.returncode != 0
    git("remote", "set-url", "origin", with_credentials(url, "bob", hub.bob), cwd=dest)
    assert git("push", cwd=dest, check=False).returncode != 0
    git("remote", "set-url", "origin", with_credentials(url, "alice", hub.alice), cwd=dest)
    skipped = git("push", "--no-verify", cwd=dest, check=False)  # skips git-lfs's pre-push upload
    assert skipped.returncode != 0 and "LFS objects missing" in skipped.stderr
    deleted = git("push", "origin", ":main", cwd=dest, check=False)
    assert deleted.returncode != 0 and "cannot be deleted" in deleted.stderr
    assert not hub.api(hub.alice).file_exists(repo, "new.bin")
    git("push", cwd=dest)  # with the pre-push hook: uploads the object, then the commit goes in
    assert hub.api(hub.alice).file_exists(repo, "new.bin")
