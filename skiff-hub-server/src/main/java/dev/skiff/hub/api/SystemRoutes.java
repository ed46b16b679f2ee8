package dev.skiff.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Endpoints about the caller and the service itself: whoami, validate-yaml, telemetry and Xet probes. */
final class SystemRoutes implements RouteGroup {
    /** The Hub's front-matter regex (huggingface_hub keeps it in sync with the server). */
    static final Pattern FRONT_MATTER = Pattern.compile("^(\\s*---(?:\\r\\n|\\r|\\n))([\\S\\s]*?)((?:\\r\\n|\\r|\\n)---[ \\t]*(\\r\\n|\\n|$))");

    @Override
    public void register(Router r, Hub hub) {
        r.add("GET", "/api/whoami-v2", (ex, p) -> whoami(ex, hub));
        r.add("POST", "/api/validate-yaml", (ex, p) -> validateYaml(ex));
        r.add("GET", "/api/agent-harnesses", (ex, p) -> ex.json(200, Map.of("standardEnvVars", List.of(), "harnesses", Map.of())));
        r.add("GET", "/api/models-tags-by-type", (ex, p) -> ex.json(200, Map.of()));
        r.add("GET", "/api/datasets-tags-by-type", (ex, p) -> ex.json(200, Map.of()));
        for (String t : List.of("models", "datasets", "spaces")) {
            for (String kind : List.of("xet-write-token", "xet-read-token")) {
                r.add("GET", "/api/" + t + "/{ns}/{name}/" + kind + "/{rev}", (ex, p) -> xet(hub, kind));
            }
        }
    }

    private static void whoami(Exchange ex, Hub hub) throws java.io.IOException {
        Principal p = hub.auth().caller(ex);
        if (p == null) {
            throw new HubException(401, null, "Invalid user token. Send Authorization: Bearer <token>.");
        }
        List<Map<String, Object>> orgs = new ArrayList<>();
        for (String o : hub.meta().orgsOf(p.user())) {
            Map<String, Object> org = new LinkedHashMap<>();
            org.put("type", "org");
            org.put("name", o);
            org.put("fullname", o);
            org.put("roleInOrg", hub.meta().membership(o, p.user()).orElse("read"));
            orgs.add(org);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "user");
        body.put("id", p.user());
        body.put("name", p.user());
        body.put("fullname", p.user());
        body.put("email", null);
        body.put("emailVerified", false);
        body.put("isPro", false);
        body.put("canPay", false);
        body.put("orgs", orgs);
        body.put("auth", Map.of("type", "access_token",
                "accessToken", Map.of("displayName", p.tokenName(), "role", p.role())));
        ex.json(200, body);
    }

    /** Checks a README's YAML front matter as the Hub does before a commit: it must parse and be a mapping. */
    private static void validateYaml(Exchange ex) throws java.io.IOException {
        JsonNode body = ex.jsonBody(16 << 20);
        String content = body.path("content").asText("");
        List<Map<String, String>> errors = new ArrayList<>();
        Matcher m = FRONT_MATTER.matcher(content);
        if (m.find()) {
            LoaderOptions opts = new LoaderOptions();
            opts.setMaxAliasesForCollections(50);
            opts.setNestingDepthLimit(64);
            opts.setCodePointLimit(4 << 20);
            try {
                Object doc = new Yaml(new SafeConstructor(opts)).load(m.group(2));
                if (doc != null && !(doc instanceof Map)) {
                    errors.add(Map.of("message", "repo card metadata block should be a dict"));
                }
            } catch (RuntimeException e) {
                errors.add(Map.of("message", "Invalid YAML in README.md metadata: " + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        ex.json(errors.isEmpty() ? 200 : 400, Map.of("errors", errors, "warnings", List.of()));
    }

    private static void xet(Hub hub, String kind) {
        throw HubException.notFound("This hub does not speak Xet (" + kind + "). Files up to "
                + (hub.config().regularUploadMax() >> 20) + " MiB upload without it; for larger files set "
                + "HF_HUB_DISABLE_XET=1 before importing huggingface_hub, and the client uses LFS instead.");
    }
}
