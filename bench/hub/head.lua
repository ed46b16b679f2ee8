-- wrk script: HEAD requests, as hf_hub_download's metadata call (Accept-Encoding: identity).
wrk.method = "HEAD"
wrk.headers["Accept-Encoding"] = "identity"
