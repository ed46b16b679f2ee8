"""Repository management, info and listing on the Skiff hub, with the stock huggingface_hub client."""

from __future__ import annotations

import datetime
import re

import httpx2 as httpx
import pytest
from huggingface_hub import HfApi
from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

from .conftest import PAGE_SIZE, run_client, unique

SHA = re.compile(r"[0-9a-f]{40}")


def test_whoami_names_the_user_and_orgs(hub):
    me = hub.api(hub.alice).whoami()
    assert me["name"] == "alice" and me["type"] == "user"
    assert [o["name"] for o in me["orgs"]] == ["acme"]
    assert me["auth"]["accessToken"]["role"] == "write"
    assert hub.api(hub.alice_read).whoami()["auth"]["accessToken"] == {"displayName": "read-only", "role": "read"}
    with pytest.raises(HfHubHTTPError) as e:
        hub.api("hf_not_a_token").whoami()
    assert e.value.response.status_code == 401


def test_module_level_client_reads_endpoint_and_token_from_the_environment(hub):
    name = unique("env")
    out = run_client(
        "import json, huggingface_hub as h\n"
        f"url = h.create_repo({name!r})\n"
        f"info = h.model_info('alice/{name}')\n"
        "print(json.dumps({'me': h.whoami()['name'], 'url': str(url), 'repo_id': url.repo_id,"
        " 'endpoint': url.endpoint, 'id': info.id, 'sha': info.sha}))",
        hub, hub.alice)
    assert out["me"] == "alice"
    assert out["url"] == f"{hub.endpoint}/alice/{name}"
    assert out["repo_id"] == f"alice/{name}" and out["endpoint"] == hub.endpoint
    assert out["id"] == f"alice/{name}" and SHA.fullmatch(out["sha"])


def test_create_repo_of_each_type(hub):
    api = hub.api(hub.alice)
    m, d, s = unique("m"), unique("d"), unique("s")
    url = api.create_repo(m)
    assert url == f"{hub.endpoint}/alice/{m}"
    assert (url.repo_id, url.repo_type, url.namespace, url.repo_name) == (f"alice/{m}", "model", "alice", m)
    url = api.create_repo(f"alice/{d}", repo_type="dataset")
    assert url == f"{hub.endpoint}/datasets/alice/{d}" and url.repo_type == "dataset"
    url = api.create_repo(s, repo_type="space", space_sdk="static")
    assert url == f"{hub.endpoint}/spaces/alice/{s}" and url.repo_type == "space"

    assert api.repo_exists(f"alice/{m}")
    assert api.repo_exists(f"alice/{d}", repo_type="dataset")
    assert not api.repo_exists(f"alice/{d}")  # a dataset is not a model
    ds = api.dataset_info(f"alice/{d}")
    assert ds.id == f"alice/{d}" and SHA.fullmatch(ds.sha) and ds.private is False
    sp = api.space_info(f"alice/{s}")
    assert sp.sdk == "static" and sp.author == "alice"


def test_create_repo_in_an_org_needs_membership(hub):
    name = unique("org")
    assert hub.api(hub.alice).create_repo(f"acme/{name}") == f"{hub.endpoint}/acme/{name}"
    with pytest.raises(HfHubHTTPError) as e:
        hub.api(hub.bob).create_repo(f"acme/{unique('org')}")
    assert e.value.response.status_code == 403


def test_create_private_repo(hub):
    api = hub.api(hub.alice)
    name = unique("priv")
    api.create_repo(name, private=True)
    assert api.model_info(f"alice/{name}").private is True
    other = unique("vis")
    api.create_repo(other, visibility="private", repo_type="dataset")
    assert api.dataset_info(f"alice/{other}").private is True


def test_exist_ok(hub):
    api = hub.api(hub.alice)
    name = unique("twice")
    first = api.create_repo(name)
    assert api.create_repo(name, exist_ok=True) == first  # the 409's url
    with pytest.raises(HfHubHTTPError) as e:
        api.create_repo(name)
    assert e.value.response.status_code == 409
    assert e.value.response.json()["url"] == f"{hub.endpoint}/alice/{name}"
    ds = unique("twice-ds")
    assert api.create_repo(ds, repo_type="dataset") == api.create_repo(ds, repo_type="dataset", exist_ok=True)


def test_model_info(hub):
    api = hub.api(hub.alice)
    name = unique("info")
    before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)
    api.create_repo(name)
    info = api.model_info(f"alice/{name}")
    assert info.id == f"alice/{name}" and info.author == "alice"
    assert SHA.fullmatch(info.sha)
    assert info.private is False and info.gated is False and info.disabled is False
    assert info.downloads == 0 and info.likes == 0 and info.tags == []
    assert [f.rfilename for f in info.siblings] == [".gitattributes"]  # the Hub's initial commit
    assert info.created_at >= before and info.last_modified >= before
    assert api.model_info(f"alice/{name}", revision="main").sha == info.sha
    assert api.model_info(f"alice/{name}", revision=info.sha).sha == info.sha
    assert api.revision_exists(f"alice/{name}", "main")
    assert not api.revision_exists(f"alice/{name}", "nope")
    with pytest.raises(RevisionNotFoundError):
        api.model_info(f"alice/{name}", revision="nope")
    only = api.model_info(f"alice/{name}", expand=["sha", "private"])
    assert only.sha == info.sha and only.private is False and only.author is None and only.siblings is None


def test_private_repos_are_invisible_to_others(hub):
    name = unique("secret")
    hub.api(hub.alice).create_repo(name, private=True)
    repo = f"alice/{name}"
    assert hub.api(hub.alice_read).model_info(repo).private is True
    for api in (hub.api(hub.bob), hub.api(False)):
        with pytest.raises(RepositoryNotFoundError):
            api.model_info(repo)
        assert not api.repo_exists(repo)
        assert repo not in [m.id for m in api.list_models(author="alice")]
    with pytest.raises(RepositoryNotFoundError):
        hub.api(hub.bob).delete_repo(repo)
    with pytest.raises(RepositoryNotFoundError):
        hub.api(hub.bob).update_repo_settings(repo, private=False)
    assert hub.api(hub.alice).model_info(repo).private is True


def test_read_tokens_cannot_write(hub):
    read = hub.api(hub.alice_read)
    with pytest.raises(HfHubHTTPError) as e:
        read.create_repo(unique("ro"))
    assert e.value.response.status_code == 403
    name = unique("ro")
    hub.api(hub.alice).create_repo(name)
    for call in (lambda: read.delete_repo(f"alice/{name}"),
                 lambda: read.update_repo_settings(f"alice/{name}", private=True),
                 lambda: read.move_repo(f"alice/{name}", f"alice/{name}-moved")):
        with pytest.raises(HfHubHTTPError) as e:
            call()
        assert e.value.response.status_code == 403
    assert hub.api(hub.alice).repo_exists(f"alice/{name}")


def test_update_repo_settings(hub):
    api = hub.api(hub.alice)
    name = unique("settings")
    repo = f"alice/{name}"
    api.create_repo(name)
    api.update_repo_settings(repo, private=True)
    assert api.model_info(repo).private is True
    assert not hub.api(hub.bob).repo_exists(repo)
    api.update_repo_settings(repo, private=False, gated="auto")
    info = hub.api(hub.bob).model_info(repo)
    assert info.private is False and info.gated == "auto"
    api.update_repo_settings(repo, gated=False)
    assert api.model_info(repo).gated is False


def test_move_repo(hub):
    api = hub.api(hub.alice)
    name, new = unique("from"), unique("to")
    api.create_repo(name)
    sha = api.model_info(f"alice/{name}").sha
    api.move_repo(f"alice/{name}", f"alice/{new}")
    assert not api.repo_exists(f"alice/{name}")
    assert api.model_info(f"alice/{new}").sha == sha  # same git repository
    api.move_repo(f"alice/{new}", f"acme/{new}")
    assert api.model_info(f"acme/{new}").author == "acme"

    taken = unique("taken")
    api.create_repo(taken)
    with pytest.raises(HfHubHTTPError) as e:
        api.move_repo(f"acme/{new}", f"alice/{taken}")
    assert e.value.response.status_code == 409
    with pytest.raises(HfHubHTTPError) as e:
        api.move_repo(f"acme/{new}", f"bob/{new}")
    assert e.value.response.status_code == 403
    with pytest.raises(RepositoryNotFoundError):
        api.move_repo(f"alice/{unique('none')}", f"alice/{unique('x')}")


def test_delete_repo(hub):
    api = hub.api(hub.alice)
    name = unique("del")
    api.create_repo(name, repo_type="dataset")
    with pytest.raises(HfHubHTTPError) as e:
        hub.api(hub.bob).delete_repo(f"alice/{name}", repo_type="dataset")
    assert e.value.response.status_code == 403
    api.delete_repo(f"alice/{name}", repo_type="dataset")
    assert not api.repo_exists(f"alice/{name}", repo_type="dataset")
    with pytest.raises(RepositoryNotFoundError):
        api.delete_repo(f"alice/{name}", repo_type="dataset")
    api.delete_repo(f"alice/{name}", repo_type="dataset", missing_ok=True)
    api.create_repo(name, repo_type="dataset")  # the name is free again


def test_list_models_search_author_filter_sort_limit(hub):
    api = hub.api(hub.alice)
    tag = unique("lst").replace("-", "")
    names = [f"{tag}-a", f"{tag}-B", f"{tag}-c"]
    for n in names:
        api.create_repo(n)
    hub.api(hub.bob).create_repo(f"{tag}-bob")

    found = [m.id for m in api.list_models(search=tag.upper(), sort="created_at")]
    assert found == [f"bob/{tag}-bob"] + [f"alice/{n}" for n in reversed(names)]
    assert [m.id for m in api.list_models(search=tag, author="bob")] == [f"bob/{tag}-bob"]
    assert [m.id for m in api.list_models(search=f"{tag}-b")] == [f"bob/{tag}-bob", f"alice/{tag}-B"]
    assert list(api.list_models(search=tag, filter="no-such-tag")) == []
    for sort in ("downloads", "likes", "last_modified", "trending_score"):
        assert len(list(api.list_models(search=tag, sort=sort))) == 4
    limited = list(api.list_models(search=tag, sort="created_at", limit=2))
    assert [m.id for m in limited] == [f"bob/{tag}-bob", f"alice/{names[2]}"]

    m = next(iter(api.list_models(search=f"{tag}-a")))
    assert m.id == f"alice/{tag}-a" and SHA.fullmatch(m.sha) and m.private is False and m.siblings is None
    full = next(iter(api.list_models(search=f"{tag}-a", full=True, cardData=True)))
    assert [f.rfilename for f in full.siblings] == [".gitattributes"]
    exp = next(iter(api.list_models(search=f"{tag}-a", expand=["createdAt", "downloads"])))
    assert exp.created_at is not None and exp.downloads == 0 and exp.sha is None


def test_list_models_pages_through_link_headers(hub):
    api = hub.api(hub.alice)
    tag = unique("pg").replace("-", "")
    count = 3 * PAGE_SIZE + 1  # four pages
    for i in range(count):
        api.create_repo(f"{tag}-{i:02d}")
    got = [m.id for m in api.list_models(search=tag, sort="created_at")]
    assert got == [f"alice/{tag}-{i:02d}" for i in reversed(range(count))]
    assert len(list(api.list_models(search=tag, limit=PAGE_SIZE + 1))) == PAGE_SIZE + 1

    # the pages themselves, as the client follows them
    pages, url = 0, f"{hub.endpoint}/api/models"
    params = {"search": tag, "sort": "createdAt"}
    with httpx.Client() as http:
        while url:
            r = http.get(url, params=params)
            r.raise_for_status()
            assert len(r.json()) <= PAGE_SIZE
            pages += 1
            params = None
            url = r.links.get("next", {}).get("url")
            if url:
                assert url.startswith(hub.endpoint + "/api/models?") and f"search={tag}" in url and "sort=createdAt" in url
    assert pages == 4


def test_list_datasets_and_spaces(hub):
    api = hub.api(hub.alice)
    tag = unique("kinds").replace("-", "")
    api.create_repo(f"{tag}-d", repo_type="dataset")
    api.create_repo(f"{tag}-s", repo_type="space", space_sdk="gradio")
    assert [d.id for d in api.list_datasets(search=tag)] == [f"alice/{tag}-d"]
    assert [d.id for d in api.list_datasets(search=tag, language="xx")] == []
    spaces = list(api.list_spaces(search=tag))
    assert [s.id for s in spaces] == [f"alice/{tag}-s"] and spaces[0].sdk == "gradio"
    assert list(api.list_models(search=tag)) == []


def test_bad_requests_are_400_not_500(hub):
    # the client validates names itself, so go around it
    with httpx.Client() as http:
        for body in ({"name": "a--b", "organization": None}, {"name": "x.git", "organization": None},
                     {"name": "ok", "organization": None, "type": "kernel"}):
            r = http.post(f"{hub.endpoint}/api/repos/create", json=body, headers={"authorization": f"Bearer {hub.alice}"})
            assert r.status_code == 400, r.text
            assert r.json()["error"]
        r = http.get(f"{hub.endpoint}/api/models", params={"sort": "stars"})
        assert r.status_code == 400
