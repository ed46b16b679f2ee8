package dev.skiff.client.folder;

import dev.skiff.card.Card;
import dev.skiff.card.Section;
import dev.skiff.card.Templates;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.audit.UntrustedTypesException;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RepoFolder#init} against what skops 0.11's {@code hub_utils.init} wrote for the same model and data. */
class RepoFolderInitTest {
    static final String TREE = "sklearn.tree._tree.Tree";

    @TempDir
    Path tmp;

    private Path model(String fixture) throws IOException {
        return Fixture.copy(fixture + "/model.skops", tmp.resolve("in"), fixture + ".skops");
    }

    private Frame sample(String fixture) throws IOException {
        return Csv.read(new StringReader(Fixture.text(fixture + "/sample.csv")));
    }

    /** init from the model renamed to model.skops (the file name skops' fixture used). */
    private InitResult init(String fixture, Task task, InitOptions options) throws Exception {
        Path m = Fixture.copy(fixture + "/model.skops", tmp.resolve("in-" + fixture), "model.skops");
        return RepoFolder.init(m, tmp.resolve("repo-" + fixture + "-" + (++folders)), task, options);
    }

    private int folders;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "iris_forest, tabular-classification, sklearn.tree._tree.Tree",
            "mixed_pipeline, tabular-classification, numpy.dtype",
            "numpy_linear, tabular-regression, ''",
            "mlp_unsupported, tabular-classification, sklearn.neural_network._stochastic_optimizers.AdamOptimizer"})
    void configJsonIsByteForByteWhatSkops011Wrote(String fixture, String task, String trust) throws Exception {
        Frame data = sample(fixture);
        if (fixture.equals("numpy_linear")) {
            data = data.positional(); // skops was given X.to_numpy(): columns x0..x3
        }
        InitResult r = init(fixture, Task.parse(task), InitOptions.defaults().withData(data)
                .withTrust(trust.isEmpty() ? List.of() : List.of(trust)));
        String written = Files.readString(r.dir().resolve("config.json"), StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(Fixture.text(fixture + "/expected/config.json"));
        assertThat(r.trustedTypes()).isEqualTo(trust.isEmpty() ? List.of() : List.of(trust));
        assertThat(Files.readAllBytes(r.dir().resolve("model.skops"))).isEqualTo(Fixture.bytes(fixture + "/model.skops"));
        // the runtime predicts the example rows, except for the model it does not run (inputs read from the tree)
        assertThat(r.exampleChecked()).as("example rows predicted on the JVM").isEqualTo(!fixture.equals("mlp_unsupported"));
    }

    @Test
    void targetColumnOfTheSampleIsLeftOutAndColumnsFollowTheModel() throws Exception {
        // the sample has the iris columns and "target"; the model knows the four features
        InitResult r = init("iris_forest", Task.TABULAR_CLASSIFICATION,
                InitOptions.defaults().withData(sample("iris_forest")).withTrust(List.of(TREE)));
        assertThat(r.ignoredColumns()).containsExactly("target");
        assertThat(r.config().columns()).containsExactly("sepal length (cm)", "sepal width (cm)",
                "petal length (cm)", "petal width (cm)");
        // columns of the sample in another order: config.json keeps the model's order
        Frame shuffled = sample("iris_forest").select(4, 3, 1, 0, 2);
        Path out = tmp.resolve("shuffled");
        RepoFolder.init(model("iris_forest"), out, Task.TABULAR_CLASSIFICATION,
                InitOptions.defaults().withData(shuffled).withTrust(List.of(TREE)));
        assertThat(RepoFolder.getConfig(out).columns()).isEqualTo(r.config().columns());
        assertThat(RepoFolder.getConfig(out).exampleInput()).isEqualTo(r.config().exampleInput());
    }

    @Test
    void csvHeaderNamesTheColumnsOfAModelFittedOnAnArray() throws Exception {
        InitResult r = init("numpy_linear", Task.TABULAR_REGRESSION,
                InitOptions.defaults().withData(Csv.read(new StringReader("a,b,c,d\n1,2,3,4\n5,6,7,8\n"))));
        assertThat(r.config().columns()).containsExactly("a", "b", "c", "d");
        assertThat(r.config().exampleInput()).containsEntry("a", List.of(1L, 5L)).containsEntry("d", List.of(4L, 8L));
    }

    @Test
    void sampleThatDoesNotFitIsRefusedAndNothingIsLeft() throws Exception {
        Path m = model("iris_forest");
        Path dir = tmp.resolve("nofit");
        Frame lacking = sample("iris_forest").select(0, 1, 2);
        assertThatThrownBy(() -> RepoFolder.init(m, dir, Task.TABULAR_CLASSIFICATION,
                InitOptions.defaults().withData(lacking).withTrust(List.of(TREE))))
                .isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("lacks column(s) [petal width (cm)]");
        Path lm = model("numpy_linear");
        assertThatThrownBy(() -> RepoFolder.init(lm, dir, Task.TABULAR_REGRESSION,
                InitOptions.defaults().withData(Csv.read(new StringReader("a,b,c,d,y\n1,2,3,4,5\n")))))
                .isInstanceOf(RepoFolderException.class)
                .hasMessageContaining("expects 4 input column(s); the data sample has 5 [a, b, c, d, y]")
                .hasMessageContaining("such as the target");
        // a string where the forest needs numbers: the JVM prediction of the example rows catches it
        Frame words = Csv.read(new StringReader("""
                sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)
                long,3.5,1.4,0.2
                """));
        assertThatThrownBy(() -> RepoFolder.init(m, dir, Task.TABULAR_CLASSIFICATION,
                InitOptions.defaults().withData(words).withTrust(List.of(TREE))))
                .isInstanceOf(RepoFolderException.class)
                .hasMessageStartingWith("the data sample does not fit the model");
        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> RepoFolder.init(m, dir, Task.TABULAR_CLASSIFICATION,
                InitOptions.defaults().withData(sample("iris_forest").slice(0, 0)).withTrust(List.of(TREE))))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("no rows");
        assertThat(dir).doesNotExist();
    }

    @Test
    void untrustedTypesAreRefusedUnlessTrusted() throws Exception {
        Path m = model("iris_forest");
        Path dir = tmp.resolve("untrusted");
        assertThatThrownBy(() -> RepoFolder.init(m, dir, Task.TABULAR_CLASSIFICATION, InitOptions.defaults()))
                .isInstanceOf(UntrustedTypesException.class)
                .hasMessageContaining(TREE)
                .satisfies(e -> assertThat(((UntrustedTypesException) e).report().typeNames()).containsExactly(TREE));
        assertThat(dir).doesNotExist();
        assertThat(RepoFolder.init(m, dir, Task.TABULAR_CLASSIFICATION, InitOptions.defaults().withTrust(List.of(TREE)))
                .trustedTypes()).containsExactly(TREE);
    }

    @Test
    void targetMustBeNewEmptyOrHoldOnlyTheModel() throws Exception {
        Path m = model("numpy_linear");
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> RepoFolder.init(m, busy, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("is not empty");
        assertThat(busy.resolve("notes.txt")).hasContent("mine");
        assertThat(busy.resolve("config.json")).doesNotExist();

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RepoFolder.init(m, empty, Task.TABULAR_REGRESSION, InitOptions.defaults());
        assertThat(empty.resolve("numpy_linear.skops")).exists();

        // a folder that already holds the model (and nothing else) is made a repo folder in place
        Path inPlace = Files.createDirectories(tmp.resolve("inplace"));
        Path there = Files.copy(m, inPlace.resolve("linear.skops"));
        InitResult r = RepoFolder.init(there, inPlace, Task.TABULAR_REGRESSION, InitOptions.defaults());
        assertThat(r.config().modelFile()).isEqualTo("linear.skops");
        try (var s = Files.list(inPlace)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("README.md", "config.json", "linear.skops");
        }
        // ... but a second model beside it is another file
        assertThatThrownBy(() -> RepoFolder.init(m, inPlace, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("is not empty");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> RepoFolder.init(m, file, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("not a directory");
    }

    @Test
    void picklesEmptyAndBrokenModelsAreRefused() throws Exception {
        Path dir = tmp.resolve("out");
        Path pkl = Files.write(tmp.resolve("model.pkl"), new byte[]{(byte) 0x80, 4, '.'});
        assertThatThrownBy(() -> RepoFolder.init(pkl, dir, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("is a pickle");
        Path empty = Files.write(tmp.resolve("empty.skops"), new byte[0]);
        assertThatThrownBy(() -> RepoFolder.init(empty, dir, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("is empty");
        Path junk = Files.writeString(tmp.resolve("junk.skops"), "not a zip");
        assertThatThrownBy(() -> RepoFolder.init(junk, dir, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(SkopsFormatException.class);
        Path unknown = Files.writeString(tmp.resolve("model.bin"), "not a zip");
        assertThatThrownBy(() -> RepoFolder.init(unknown, dir, Task.TABULAR_REGRESSION, InitOptions.defaults()))
                .isInstanceOf(RepoFolderException.class).hasMessageContaining("cannot tell the format");
        assertThatThrownBy(() -> RepoFolder.init(tmp.resolve("nope.skops"), dir, Task.TABULAR_REGRESSION,
                InitOptions.defaults())).isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(dir).doesNotExist();
        // a skops file under another name is recognised by its content
        Path renamed = Files.copy(model("numpy_linear"), tmp.resolve("model.bin2"));
        assertThat(RepoFolder.init(renamed, dir, Task.TABULAR_REGRESSION, InitOptions.defaults()).config().modelFormat())
                .isEqualTo("skops");
    }

    @Test
    void withoutASampleColumnsComeFromTheModelAndThereIsNoExample() throws Exception {
        InitResult r = init("iris_forest", Task.TABULAR_CLASSIFICATION, InitOptions.defaults().withTrust(List.of(TREE)));
        assertThat(r.config().columns()).containsExactly("sepal length (cm)", "sepal width (cm)",
                "petal length (cm)", "petal width (cm)");
        assertThat(r.config().exampleInput()).isEmpty();
        assertThat(((Map<?, ?>) r.config().json().get("sklearn")).containsKey("example_input")).isFalse();
        assertThat(r.exampleChecked()).isFalse();
        Card card = Card.parse(r.dir().resolve("README.md"));
        assertThat(card.metadata().has("widget")).isFalse();
        // a model fitted on an array: skops' x0..x{n-1}
        InitResult lin = init("numpy_linear", Task.TABULAR_REGRESSION, InitOptions.defaults());
        assertThat(lin.config().columns()).containsExactly("x0", "x1", "x2", "x3");
        // an estimator the runtime does not run: feature names from the node tree
        InitResult mlp = init("mlp_unsupported", Task.TABULAR_CLASSIFICATION, InitOptions.defaults()
                .withTrust(List.of("sklearn.neural_network._stochastic_optimizers.AdamOptimizer")));
        assertThat(mlp.config().columns()).isEqualTo(r.config().columns());
        // a pipeline knows its features through its first step
        InitResult pipe = init("mixed_pipeline", Task.TABULAR_CLASSIFICATION,
                InitOptions.defaults().withTrust(List.of("numpy.dtype")));
        assertThat(pipe.config().columns()).containsExactly("colour", "size", "count", "flag", "température");
    }

    @Test
    void environmentPinsTheVersionsOfTheFileAndTakesOverrides() throws Exception {
        InitResult r = init("numpy_linear", Task.TABULAR_REGRESSION,
                InitOptions.defaults().withRequirements(List.of("pandas", "Scikit_Learn>=1.9", "numpy=2.4.6")));
        assertThat(r.config().environment()).containsExactly("Scikit_Learn>=1.9", "skops=0.16.0", "pandas", "numpy=2.4.6");
        assertThat(RepoFolder.getRequirements(r.dir())).isEqualTo(r.config().environment());
        assertThatThrownBy(() -> init("numpy_linear", Task.TABULAR_REGRESSION,
                InitOptions.defaults().withRequirements(List.of("pandas\nnumpy"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "iris_forest, tabular-classification, sklearn.tree._tree.Tree",
            "mixed_pipeline, tabular-classification, numpy.dtype",
            "numpy_linear, tabular-regression, ''",
            "mlp_unsupported, tabular-classification, sklearn.neural_network._stochastic_optimizers.AdamOptimizer"})
    void readmeCarriesSkopsMetadataWithTodaysWidgetSpelling(String fixture, String task, String trust) throws Exception {
        Frame data = sample(fixture);
        if (fixture.equals("numpy_linear")) {
            data = data.positional();
        }
        InitResult r = init(fixture, Task.parse(task), InitOptions.defaults().withData(data)
                .withTrust(trust.isEmpty() ? List.of() : List.of(trust)));
        Card ours = Card.parse(r.dir().resolve("README.md"));
        Card skops = Card.parse(Fixture.text(fixture + "/expected/README.md"));
        Map<String, Object> theirs = new LinkedHashMap<>(skops.metadata().asMap());
        // skops 0.11 wrote widget: [{structuredData: ...}]; the Hub has read structured_data since 2023
        theirs.put("widget", List.of(Map.of("structured_data",
                ((Map<?, ?>) ((List<?>) theirs.get("widget")).get(0)).get("structuredData"))));
        assertThat(ours.metadata().keys()).containsExactlyElementsOf(theirs.keySet());
        for (String k : theirs.keySet()) {
            if (!k.equals("widget")) {
                assertThat(ours.metadata().get(k)).as(k).isEqualTo(theirs.get(k));
            }
        }
        // same columns and values; ours are in the model's column order, skops' sorted by name
        Map<String, List<Object>> sd = ours.metadata().structuredData();
        assertThat(new ArrayList<>(sd.keySet())).isEqualTo(r.config().columns());
        assertThat(sameValues(sd, skops.metadata().structuredData())).isTrue();
        // the skops template's sections, in order, with the get-started code filled in
        List<String> paths = new ArrayList<>();
        collect(ours.sections(), paths);
        List<String> skopsPaths = new ArrayList<>();
        collect(Card.fromTemplate(Templates.skops()).sections(), skopsPaths);
        assertThat(paths).isEqualTo(skopsPaths);
        String code = ours.select(Templates.SKOPS_GET_STARTED).text();
        assertThat(code).contains("model = sio.load(\"model.skops\"" + (trust.isEmpty() ? ")" : ", trusted=[\"" + trust + "\"])"))
                .contains("[config[\"sklearn\"][\"columns\"]]")
                .contains("skiff predict model.skops --input rows.csv" + (trust.isEmpty() ? "\n" : " --trust " + trust));
    }

    private static boolean sameValues(Map<String, List<Object>> a, Map<String, List<Object>> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String k : a.keySet()) {
            List<Object> x = a.get(k);
            List<Object> y = b.get(k);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                Object u = x.get(i);
                Object v = y.get(i);
                boolean nan = u instanceof Double d && d.isNaN() && v instanceof Double e && e.isNaN();
                if (!nan && !String.valueOf(u).equals(String.valueOf(v))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void collect(List<Section> sections, List<String> out) {
        for (Section s : sections) {
            out.add(s.path());
            collect(s.subsections(), out);
        }
    }
}
