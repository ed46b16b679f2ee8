"""Creates the benchmark repo on a running hub: a small regular file and a large LFS file (multipart upload).

Usage: setup_repo.py ENDPOINT TOKEN REPO_ID SIZE_BYTES WORKDIR
Prints JSON: {"small": url, "large": url, "sha256": ..., "object": path-in-data-dir}.
"""
import hashlib
import json
import os
import sys

endpoint, token, repo, size, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
os.environ["HF_ENDPOINT"] = endpoint
os.environ["HF_TOKEN"] = token
os.environ["HF_HUB_DISABLE_XET"] = "1"  # larger than --regular-upload-max: LFS
os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
from huggingface_hub import HfApi  # noqa: E402

path = os.path.join(work, "large.bin")
h = hashlib.sha256()
block = os.urandom(8 << 20)
with open(path, "wb") as f:
    left = size
    i = 0
    while left > 0:
        b = block if left >= len(block) else block[:left]
        b = i.to_bytes(8, "little") + b[8:] if len(b) >= 8 else b  # distinct blocks
        f.write(b)
        h.update(b)
        left -= len(b)
        i += 1
api = HfApi()
api.create_repo(repo, exist_ok=True)
api.upload_file(path_or_fileobj=b'{"a":1}', path_in_repo="config.json", repo_id=repo)
api.upload_file(path_or_fileobj=path, path_in_repo="large.bin", repo_id=repo)
os.remove(path)
sha = h.hexdigest()
print(json.dumps({"small": f"{endpoint}/{repo}/resolve/main/config.json",
                  "large": f"{endpoint}/{repo}/resolve/main/large.bin",
                  "sha256": sha, "object": f"lfs/objects/{sha[:2]}/{sha[2:4]}/{sha}"}))
