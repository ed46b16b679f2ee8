package dev.skiff.client.folder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RepoFolder#getConfig}, {@link RepoFolder#getRequirements}, {@link RepoFolder#updateEnv} and
 * {@link RepoFolder#validate} on folders skops 0.11 wrote, and {@code config.json}'s text layout against Python's
 * {@code json.dump(sort_keys=True, indent=4)}.
 */
class RepoFolderConfigTest {
    @TempDir
    Path tmp;

    /** A folder as skops 0.11's init left it: the model and its config.json. */
    private Path skopsFolder(String fixture) throws Exception {
        Path dir = tmp.resolve(fixture);
        Fixture.copy(fixture + "/model.skops", dir, "model.skops");
        Fixture.copy(fixture + "/expected/config.json", dir, "config.json");
        return dir;
    }

    @Test
    void readsWhatSkopsWrote() throws Exception {
        Path dir = skopsFolder("mixed_pipeline");
        FolderConfig c = RepoFolder.getConfig(dir);
        assertThat(c.modelFile()).isEqualTo("model.skops");
        assertThat(c.modelFormat()).isEqualTo("skops");
        assertThat(c.task()).isEqualTo("tabular-classification");
        assertThat(c.columns()).containsExactly("colour", "size", "count", "flag", "température");
        assertThat(c.environment()).containsExactly("scikit-learn=1.9.1", "skops=0.16.0");
        assertThat(c.exampleInput().keySet()).containsExactly("colour", "count", "flag", "size", "température");
        assertThat(c.exampleInput().get("count")).containsExactly(7L, 0L, 1L);
        assertThat(c.exampleInput().get("flag")).containsExactly(true, true, false);
        assertThat(c.exampleInput().get("size")).containsExactly(7.98, Double.NaN, 9.68);
        assertThat(c.exampleInputInColumnOrder().keySet()).containsExactlyElementsOf(c.columns());
        assertThat(RepoFolder.getRequirements(dir)).isEqualTo(c.environment());
        assertThat(RepoFolder.validate(dir)).isEqualTo(c);
        assertThatThrownBy(() -> c.json().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) c.json().get("sklearn")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris_forest", "mixed_pipeline", "numpy_linear"})
    void updateEnvWritesWhatSkopsUpdateEnvWrote(String fixture) throws Exception {
        Path dir = skopsFolder(fixture);
        List<String> env = List.of("scikit-learn=1.9.1", "skops=0.16.0", "pandas", "numpy>=2");
        FolderConfig updated = RepoFolder.updateEnv(dir, env);
        assertThat(updated.environment()).isEqualTo(env);
        assertThat(Files.readString(dir.resolve("config.json"), StandardCharsets.UTF_8))
                .isEqualTo(Fixture.text(fixture + "/expected/config.updated.json"));
        assertThat(RepoFolder.getRequirements(dir)).isEqualTo(env);
        assertThatThrownBy(() -> RepoFolder.updateEnv(dir, List.of("pandas", " "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateEnvKeepsKeysSkiffDoesNotKnow() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("odd"));
        Files.writeString(dir.resolve("config.json"), "{\"sklearn\": {\"use_intelex\": true, \"model\": {\"file\": \"m.pkl\"},"
                + " \"environment\": [\"scikit-learn\"]}, \"other\": {\"b\": 1.0, \"a\": [1e400]}}");
        RepoFolder.updateEnv(dir, List.of("scikit-learn=1.9.1"));
        assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo("""
                {
                    "other": {
                        "a": [
                            Infinity
                        ],
                        "b": 1.0
                    },
                    "sklearn": {
                        "environment": [
                            "scikit-learn=1.9.1"
                        ],
                        "model": {
                            "file": "m.pkl"
                        },
                        "use_intelex": true
                    }
                }""");
    }

    @Test
    void jsonLayoutIsPythons() throws Exception {
        // json.dump(LAYOUT, f, sort_keys=True, indent=4) by CPython; parsed and written back it must not change
        String python = Fixture.text("json_layout.json");
        Path f = Files.writeString(tmp.resolve("layout.json"), python);
        assertThat(ConfigJson.dumps(ConfigJson.read(f))).isEqualTo(python);
        // ... and the order comes from the writer, not from the input
        Path shuffled = Files.writeString(tmp.resolve("shuffled.json"),
                "{\"order\": {\"\\uffff\": 7, \"9\": 9, \"\\ud83d\\ude00\": 6, \"a\": 2}}");
        assertThat(ConfigJson.dumps(ConfigJson.read(shuffled)).replaceAll("\\s+", ""))
                .isEqualTo("{\"order\":{\"9\":9,\"a\":2,\"\\uffff\":7,\"\\ud83d\\ude00\":6}}");
    }

    @Test
    void badFoldersAreNamedClearly() throws Exception {
        Path none = Files.createDirectories(tmp.resolve("none"));
        assertThatThrownBy(() -> RepoFolder.getConfig(none)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> RepoFolder.validate(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("has no config.json");
        assertThatThrownBy(() -> RepoFolder.validate(tmp.resolve("missing"))).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("is not a directory");
        Files.writeString(none.resolve("config.json"), "{\"sklearn\": ");
        assertThatThrownBy(() -> RepoFolder.getConfig(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("is not valid JSON");
        Files.writeString(none.resolve("config.json"), "[1] 2");
        assertThatThrownBy(() -> RepoFolder.getConfig(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("text after the end");
        Files.writeString(none.resolve("config.json"), "[1]");
        assertThatThrownBy(() -> RepoFolder.getConfig(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("does not hold a JSON object");
        Files.writeString(none.resolve("config.json"), "{\"sklearn\": {\"environment\": \"scikit-learn\"}}");
        assertThatThrownBy(() -> RepoFolder.getRequirements(none)).isInstanceOf(RepoFolderException.class)
                .hasMessage("config.json: sklearn.environment should be a list of strings");
        Files.writeString(none.resolve("config.json"), "{\"sklearn\": {}}");
        assertThat(RepoFolder.getRequirements(none)).isEmpty();
        assertThatThrownBy(() -> RepoFolder.validate(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("names no model file");
        Files.writeString(none.resolve("config.json"), "{\"sklearn\": {\"model\": {\"file\": \"gone.skops\"}}}");
        assertThatThrownBy(() -> RepoFolder.validate(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("gone.skops (named in config.json) does not exist");
        Files.writeString(tmp.resolve("outside.skops"), "x");
        Files.writeString(none.resolve("config.json"), "{\"sklearn\": {\"model\": {\"file\": \"../outside.skops\"}}}");
        assertThatThrownBy(() -> RepoFolder.validate(none)).isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("is outside the folder");
    }
}
