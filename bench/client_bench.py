"""client_bench.py - Java snapshotDownload beside Python's snapshot_download, against a running Skiff hub.

Usage (run-client-bench.sh starts the hub and calls this):

    client_bench.py setup ENDPOINT TOKEN REPO WORK [--small N] [--large-mib M]
    client_bench.py run   ENDPOINT TOKEN REPO WORK --skiff CMD [--rounds R]

``setup`` makes REPO: N small files (1-20 KiB, seeded sizes and contents, in 10 folders) and one M MiB file, uploaded
in one ``upload_folder`` commit with ``HF_HUB_DISABLE_XET=1`` (the large file goes through LFS multipart; the hub has
no Xet server). ``run`` downloads the whole repo R times with each client, each time into a fresh, empty cache
(``HF_HOME``): ``skiff download REPO`` (a new JVM per download) and ``python -c 'snapshot_download(REPO)'`` (a new
interpreter per download), alternating which goes first, and reports wall-clock seconds per download (process start
to exit, so both include their start-up), their medians and the ratio. The first download of each client is checked
(file count, sizes, the large file's SHA-256; Java's cache must be one Python finds offline) outside the timing.

Prints one JSON line at the end: {"java_s": [...], "python_s": [...], "java_median": ..., ...}.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SMALL_DIRS = 10


def _client_env(endpoint: str, token: str, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING_FACE"))}
    env.update({
        "HF_ENDPOINT": endpoint,
        "HF_TOKEN": token,
        "HF_HOME": str(home),
        "HF_HUB_DISABLE_XET": "1",  # the hub has no Xet server (see docs/hub.md); downloads are plain HTTP anyway
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    })
    return env


def setup(args) -> None:
    os.environ.update(_client_env(args.endpoint, args.token, Path(args.work) / "setup-home"))
    from huggingface_hub import HfApi

    src = Path(args.work) / "src"
    shutil.rmtree(src, ignore_errors=True)
    rng = random.Random(20261122)
    total = 0
    for i in range(args.small):
        size = rng.randint(1 << 10, 20 << 10)
        p = src / f"part-{i % SMALL_DIRS:02d}" / f"file-{i:04d}.bin"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(rng.randbytes(size))
        total += size
    large = src / "large.bin"
    block = os.urandom(8 << 20)
    h = hashlib.sha256()
    with open(large, "wb") as f:
        left = args.large_mib << 20
        i = 0
        while left > 0:
            b = i.to_bytes(8, "little") + block[8:min(len(block), left)]
            f.write(b)
            h.update(b)
            left -= len(b)
            i += 1
    api = HfApi()
    api.create_repo(args.repo, exist_ok=True)
    t0 = time.perf_counter()
    info = api.upload_folder(folder_path=src, repo_id=args.repo, commit_message="benchmark files")
    up_s = time.perf_counter() - t0
    repo_files = api.list_repo_files(args.repo)  # the upload's files and the .gitattributes the hub keeps for LFS
    manifest = {"files": len(repo_files), "small_bytes": total, "large_bytes": args.large_mib << 20,
                "large_sha256": h.hexdigest(), "commit": info.oid, "upload_s": round(up_s, 2)}
    (Path(args.work) / "manifest.json").write_text(json.dumps(manifest))
    shutil.rmtree(src)
    print(json.dumps(manifest))


PY_DOWNLOAD = """
import sys, time
t0 = time.perf_counter()
from huggingface_hub import snapshot_download
p = snapshot_download(sys.argv[1])
print(p)
print("inner_s", time.perf_counter() - t0, file=sys.stderr)
"""


def _snapshot_dir(home: Path, repo: str) -> Path:
    snaps = home / "hub" / ("models--" + repo.replace("/", "--")) / "snapshots"
    dirs = [d for d in snaps.iterdir() if d.is_dir()] if snaps.is_dir() else []
    if len(dirs) != 1:
        raise SystemExit(f"expected one snapshot in {snaps}, found {dirs}")
    return dirs[0]


def _check(home: Path, repo: str, manifest: dict, who: str) -> None:
    snap = _snapshot_dir(home, repo)
    files = [p for p in snap.rglob("*") if p.is_file()]
    if len(files) != manifest["files"]:
        raise SystemExit(f"{who}: {len(files)} files in {snap}, expected {manifest['files']}")
    large = snap / "large.bin"
    if large.stat().st_size != manifest["large_bytes"]:
        raise SystemExit(f"{who}: large.bin has {large.stat().st_size} bytes")
    h = hashlib.sha256()
    with open(large, "rb") as f:
        while chunk := f.read(8 << 20):
            h.update(chunk)
    if h.hexdigest() != manifest["large_sha256"]:
        raise SystemExit(f"{who}: large.bin content differs")
    small = sum(p.stat().st_size for p in files if p.name not in ("large.bin", ".gitattributes"))
    if small != manifest["small_bytes"]:
        raise SystemExit(f"{who}: small files hold {small} bytes, expected {manifest['small_bytes']}")
    for p in files:
        if not p.is_symlink():  # the Python cache layout: snapshot files link to blobs/
            raise SystemExit(f"{who}: {p} is not a symlink into blobs/")


def _python_finds_offline(python: str, endpoint: str, token: str, home: Path, repo: str) -> None:
    env = _client_env(endpoint, token, home)
    env["HF_HUB_OFFLINE"] = "1"
    code = ("import sys; from huggingface_hub import snapshot_download;"
            "print(snapshot_download(sys.argv[1], local_files_only=True))")
    subprocess.run([python, "-c", code, repo], env=env, check=True, capture_output=True, text=True)


def _timed(cmd: list[str], env: dict[str, str], log: Path) -> float:
    t0 = time.perf_counter()
    with open(log, "ab") as out:
        p = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}); see {log}")
    return dt


def run(args) -> None:
    work = Path(args.work)
    manifest = json.loads((work / "manifest.json").read_text())
    skiff = args.skiff.split()
    clients = {
        "java": lambda: skiff + ["download", args.repo],
        "python": lambda: [sys.executable, "-c", PY_DOWNLOAD, args.repo],
    }
    times: dict[str, list[float]] = {"java": [], "python": []}
    for r in range(args.rounds):
        order = ["java", "python"] if r % 2 == 0 else ["python", "java"]
        for who in order:
            home = work / f"home-{who}-{r}"
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir()
            subprocess.run(["sync"], check=False)
            dt = _timed(clients[who](), _client_env(args.endpoint, args.token, home), work / f"{who}.log")
            times[who].append(dt)
            print(f"round {r + 1} {who:6s} {dt:7.2f} s", file=sys.stderr, flush=True)
            if r == 0:
                _check(home, args.repo, manifest, who)
                if who == "java":
                    _python_finds_offline(sys.executable, args.endpoint, args.token, home, args.repo)
            shutil.rmtree(home, ignore_errors=True)
    total_mib = (manifest["small_bytes"] + manifest["large_bytes"]) / (1 << 20)
    jm = statistics.median(times["java"])
    pm = statistics.median(times["python"])
    result = {
        "files": manifest["files"], "total_mib": round(total_mib, 1), "rounds": args.rounds,
        "java_s": [round(t, 2) for t in times["java"]], "python_s": [round(t, 2) for t in times["python"]],
        "java_median_s": round(jm, 2), "python_median_s": round(pm, 2),
        "java_mib_s": round(total_mib / jm, 1), "python_mib_s": round(total_mib / pm, 1),
        "speedup_python_over_java": round(pm / jm, 2),
        "target": "PASS" if jm <= pm else "MISS",
    }
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["setup", "run"])
    ap.add_argument("endpoint")
    ap.add_argument("token")
    ap.add_argument("repo")
    ap.add_argument("work")
    ap.add_argument("--small", type=int, default=500)
    ap.add_argument("--large-mib", type=int, default=1024)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--skiff", default="skiff")
    args = ap.parse_args()
    {"setup": setup, "run": run}[args.command](args)


if __name__ == "__main__":
    main()
