package dev.skiff.client.folder;

import dev.skiff.card.Card;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.audit.UntrustedTypesException;
import dev.skiff.runtime.ModelInputException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Repo folders for scikit-learn models, as skops' {@code hub_utils} made them before skops removed it: {@link #init}
 * turns a {@code .skops} file into a folder holding the model, {@code config.json} (skops' {@code sklearn} section:
 * columns, example input, environment, model file and format, task) and a starter README card; {@link #push} uploads
 * the folder to a hub, {@link #download} fetches a repo into a fresh folder; {@link #getConfig},
 * {@link #getRequirements} and {@link #updateEnv} read and edit {@code config.json}.
 */
public final class RepoFolder {
    /** The configuration file's name. */
    public static final String CONFIG = "config.json";
    /** The model card's name. */
    public static final String README = "README.md";

    private RepoFolder() {
    }

    // ------------------------------------------------------------------------------------------------------- init

    /**
     * Makes {@code dir} a repo folder for {@code model}: audits the model, copies it into {@code dir}, writes
     * {@code config.json} in skops' layout and (unless told not to) a starter {@code README.md}. {@code dir} must not
     * exist, be empty, or hold nothing but the model itself. On failure nothing is left behind.
     *
     * @throws UntrustedTypesException when the model holds types neither trusted by default nor by
     *                                 {@link InitOptions#trust()}
     * @throws SkopsFormatException    when the model is not a valid {@code .skops} file
     * @throws RepoFolderException     when {@code dir} is not empty, the model is a pickle, or the data sample does
     *                                 not fit the model
     */
    public static InitResult init(Path model, Path dir, Task task, InitOptions options)
            throws IOException, UntrustedTypesException {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(options, "options");
        if (!Files.exists(model)) {
            throw new NoSuchFileException(model.toString());
        }
        if (!Files.isRegularFile(model)) {
            throw new RepoFolderException(model + " is not a file");
        }
        if (Files.size(model) == 0) {
            throw new RepoFolderException("model file " + model + " is empty");
        }
        ModelFormat format = options.modelFormat() != null ? options.modelFormat() : ModelFormat.detect(model);
        if (format == ModelFormat.PICKLE) {
            throw new RepoFolderException(model.getFileName() + " is a pickle: loading it runs arbitrary code, so Skiff"
                    + " makes folders from .skops files only (convert it in Python with skops.io.dump)");
        }
        boolean modelInside = checkTarget(dir, model);

        ModelFacts facts = ModelFacts.read(model, options.trust());
        List<String> columns;
        Map<String, List<Object>> example = null;
        List<String> ignored = List.of();
        boolean checked = false;
        if (options.data() != null) {
            ExampleInput ex = ExampleInput.of(options.data(), facts);
            columns = ex.columns();
            example = ex.values();
            ignored = ex.ignored();
            checked = tryPredict(facts, ex);
        } else if (facts.featureNames() != null) {
            columns = facts.featureNames();
        } else {
            columns = facts.nFeatures() >= 0 ? ExampleInput.positionalNames(facts.nFeatures()) : List.of();
        }
        List<String> env = Requirements.merge(Requirements.forModel(facts), options.requirements());
        String fileName = model.getFileName().toString();
        FolderConfig config = FolderConfig.create(fileName, format, task, columns, example, env);

        boolean created = !Files.exists(dir);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(fileName);
            if (!modelInside) {
                written.add(target);
                Files.copy(model, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            written.add(dir.resolve(CONFIG));
            ConfigJson.write(dir.resolve(CONFIG), config.json());
            if (options.readme()) {
                written.add(dir.resolve(README));
                Card card = StarterCard.build(config, facts.trustedTypes());
                card.save(dir);
            }
        } catch (IOException | RuntimeException e) {
            undo(dir, created, written, e);
            throw e;
        }
        return new InitResult(dir, config, facts.trustedTypes(), ignored, checked);
    }

    /** Whether the model already sits in {@code dir}; refuses a target that holds anything else. */
    private static boolean checkTarget(Path dir, Path model) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(dir)) {
            throw new RepoFolderException(dir + " exists and is not a directory");
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                entries.add(p);
                if (entries.size() > 1) {
                    break;
                }
            }
        }
        if (entries.isEmpty()) {
            return false;
        }
        if (entries.size() == 1 && Files.isRegularFile(entries.get(0), LinkOption.NOFOLLOW_LINKS)
                && Files.isSameFile(entries.get(0), model)) {
            return true;
        }
        throw new RepoFolderException(dir + " is not empty: init needs a new or empty folder (or one holding only the model)");
    }

    /** Predicts the example rows on the JVM when the runtime supports the model; a misfit is the sample's fault. */
    private static boolean tryPredict(ModelFacts facts, ExampleInput ex) throws RepoFolderException {
        if (facts.model() == null) {
            return false;
        }
        try {
            facts.model().predict(ex.rows());
            return true;
        } catch (ModelInputException e) {
            throw new RepoFolderException("the data sample does not fit the model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return false; // a runtime limitation, not a problem of the folder
        }
    }

    private static void undo(Path dir, boolean created, List<Path> written, Exception cause) {
        try {
            if (created) {
                deleteTree(dir);
            } else {
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ config.json

    /**
     * The folder's {@code config.json}.
     *
     * @throws NoSuchFileException when there is none
     * @throws RepoFolderException when it is not JSON or a known key has the wrong type
     */
    public static FolderConfig getConfig(Path dir) throws IOException {
        return FolderConfig.of(ConfigJson.read(dir.resolve(CONFIG)));
    }

    /** {@code sklearn.environment} of the folder's {@code config.json} (empty when absent). */
    public static List<String> getRequirements(Path dir) throws IOException {
        return getConfig(dir).environment();
    }

    /**
     * Replaces {@code sklearn.environment} in the folder's {@code config.json}; every other key is kept, and the file
     * is rewritten in skops' layout.
     */
    public static FolderConfig updateEnv(Path dir, List<String> requirements) throws IOException {
        Objects.requireNonNull(requirements, "requirements");
        for (String r : requirements) {
            if (r == null || r.isBlank()) {
                throw new IllegalArgumentException("empty requirement");
            }
        }
        Path file = dir.resolve(CONFIG);
        FolderConfig updated = FolderConfig.of(ConfigJson.read(file)).withEnvironment(requirements);
        ConfigJson.write(file, updated.json());
        return updated;
    }

    /**
     * Checks that {@code dir} is a repo folder the Hub understands (skops' {@code _validate_folder}): a directory with
     * a {@code config.json} whose {@code sklearn.model.file} names a file inside the folder.
     *
     * @return the configuration
     */
    public static FolderConfig validate(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new RepoFolderException(dir + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new RepoFolderException(dir + " has no " + CONFIG + " (make the folder with skiff init)");
        }
        FolderConfig config = getConfig(dir);
        String file = config.modelFile();
        if (file == null || file.isBlank()) {
            throw new RepoFolderException(CONFIG + " names no model file (sklearn.model.file)");
        }
        Path root = dir.toAbsolutePath().normalize();
        Path model = root.resolve(file).normalize();
        if (!model.startsWith(root) || model.equals(root)) {
            throw new RepoFolderException(CONFIG + ": sklearn.model.file " + file + " is outside the folder");
        }
        if (!Files.isRegularFile(model)) {
            throw new RepoFolderException("model file " + file + " (named in " + CONFIG + ") does not exist");
        }
        return config;
    }
}
