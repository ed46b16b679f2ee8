package dev.skiff.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.format.testing.PythonOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link HubEnvironment} resolves endpoint, folders, token, offline mode and timeouts as huggingface_hub does: each
 * case runs a fresh Python process with the same variables and compares what its {@code constants} and
 * {@code get_token()} say.
 */
class HubEnvironmentTest {
    @TempDir
    Path home;

    private static final String PYTHON = """
            import json, os, sys
            cases = json.load(sys.stdin)
            out = []
            import subprocess
            probe = '''
            import json
            from huggingface_hub import constants as c
            from huggingface_hub.utils import get_token
            print(json.dumps({"endpoint": c.ENDPOINT, "home": c.HF_HOME, "cache": c.HF_HUB_CACHE,
                "tokenPath": c.HF_TOKEN_PATH, "token": get_token(), "offline": c.HF_HUB_OFFLINE,
                "implicit": c.HF_HUB_DISABLE_IMPLICIT_TOKEN, "etag": c.HF_HUB_ETAG_TIMEOUT,
                "download": c.HF_HUB_DOWNLOAD_TIMEOUT}))
            '''
            for env in cases:
                full = {"PATH": os.environ["PATH"], "HOME": env.pop("__home")}
                full.update(env)
                r = subprocess.run([sys.executable, "-c", probe], env=full, capture_output=True, text=True)
                if r.returncode:
                    sys.exit(f"probe failed for {env}: {r.stderr}")
                out.append(json.loads(r.stdout))
            print(json.dumps(out))
            """;

    @Test
    void resolvesLikeHuggingfaceHub() throws Exception {
        Path hf = home.resolve("hf");
        Files.createDirectories(hf);
        Files.writeString(hf.resolve("token"), "  hf_fromfile\n");
        Path other = home.resolve("elsewhere-token");
        Files.writeString(other, "hf_other");
        List<Map<String, String>> cases = new ArrayList<>();
        cases.add(Map.of());
        cases.add(Map.of("HF_ENDPOINT", "http://127.0.0.1:8000/", "HF_HOME", hf.toString()));
        cases.add(Map.of("HF_HOME", hf.toString(), "HF_TOKEN", "hf_env"));
        cases.add(Map.of("HF_HOME", hf.toString(), "HUGGING_FACE_HUB_TOKEN", "hf_legacy"));
        cases.add(Map.of("HF_HOME", hf.toString(), "HF_TOKEN", "   ", "HUGGING_FACE_HUB_TOKEN", "hf_legacy"));
        cases.add(Map.of("HF_HOME", hf.toString(), "HF_TOKEN_PATH", other.toString()));
        cases.add(Map.of("XDG_CACHE_HOME", home.resolve("xdg").toString()));
        cases.add(Map.of("HF_HOME", "~/hf-tilde", "HF_HUB_CACHE", "$HOME/cache-var"));
        cases.add(Map.of("HUGGINGFACE_HUB_CACHE", home.resolve("legacy-cache").toString()));
        cases.add(Map.of("HF_HUB_OFFLINE", "yes", "HF_HUB_DISABLE_IMPLICIT_TOKEN", "1"));
        cases.add(Map.of("TRANSFORMERS_OFFLINE", "1"));
        cases.add(Map.of("HF_HUB_OFFLINE", "0", "TRANSFORMERS_OFFLINE", "1"));
        cases.add(Map.of("HF_HUB_ETAG_TIMEOUT", "3", "HF_HUB_DOWNLOAD_TIMEOUT", "0"));
        ObjectMapper json = new ObjectMapper();
        List<Map<String, String>> sent = new ArrayList<>();
        for (Map<String, String> c : cases) {
            Map<String, String> m = new LinkedHashMap<>(c);
            m.put("__home", home.toString());
            sent.add(m);
        }
        JsonNode py = json.readTree(PythonOracle.run(PYTHON, json.writeValueAsString(sent)));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, String> env = new LinkedHashMap<>(cases.get(i));
            env.put("HOME", home.toString());
            HubEnvironment e = HubEnvironment.from(env, home);
            JsonNode p = py.get(i);
            compare(mismatches, cases.get(i), "endpoint", p.get("endpoint").asText(), e.endpoint());
            compare(mismatches, cases.get(i), "home", p.get("home").asText(), e.hfHome().toString());
            compare(mismatches, cases.get(i), "cache", p.get("cache").asText(), e.hubCache().toString());
            compare(mismatches, cases.get(i), "tokenPath", p.get("tokenPath").asText(), e.tokenPath().toString());
            compare(mismatches, cases.get(i), "token", p.get("token").isNull() ? null : p.get("token").asText(), e.token());
            compare(mismatches, cases.get(i), "offline", p.get("offline").asBoolean(), e.offline());
            compare(mismatches, cases.get(i), "implicit", p.get("implicit").asBoolean(), e.implicitTokenDisabled());
            compare(mismatches, cases.get(i), "etag", (long) p.get("etag").asInt(), e.etagTimeout().toSeconds());
            compare(mismatches, cases.get(i), "download", (long) p.get("download").asInt(), e.downloadTimeout().toSeconds());
        }
        assertEquals(List.of(), mismatches);
    }

    private static void compare(List<String> out, Map<String, String> env, String what, Object python, Object skiff) {
        if (!java.util.Objects.equals(python, skiff)) {
            out.add(env + " " + what + ": python " + python + ", skiff " + skiff);
        }
    }
}
