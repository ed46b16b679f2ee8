package dev.skiff.card;

import dev.skiff.card.content.ContentFormatter;
import dev.skiff.card.content.SectionContent;
import dev.skiff.card.markdown.FrontMatter;
import dev.skiff.card.markdown.Headings;
import dev.skiff.card.markdown.LineBreaks;
import dev.skiff.card.meta.CardMetadata;
import dev.skiff.card.yaml.YamlLimits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A model card: YAML metadata and a tree of sections, written to and read from a {@code README.md}.
 *
 * <pre>{@code
 * Card card = Card.fromTemplate(Templates.skops());
 * card.metadata().license("mit").libraryName("sklearn");
 * card.add("Model description", "A forest on iris.");
 * card.addMetrics("Model description/Evaluation Results", Map.of("accuracy", 0.96));
 * card.save(Path.of("out"));
 * }</pre>
 *
 * <p>Sections are addressed by {@code "A/B/C"} paths with skops' rules ({@link SectionPath}). {@link #parse} reads
 * cards written by Skiff, skops, huggingface_hub or by hand, without pandoc; {@link #render()} of a card that was
 * parsed and not modified gives back the exact text, and after a change only the changed parts are rewritten (the
 * YAML block only when the metadata changed, a section only when it did). New parts are written as skops writes
 * them: a blank line before every heading and content block, {@code #} repeated by depth, and the card's line
 * break style. Not thread-safe.
 */
public final class Card {
    /** The largest README {@link #parse(Path)} reads. */
    public static final int MAX_README_BYTES = 16 << 20;

    private final CardMetadata metadata;
    private final Section root = new Section("", SectionContent.Markdown.EMPTY, false);
    /** Metadata as parsed, to tell whether the YAML block must be rewritten; null for a new card. */
    private final CardMetadata parsedMetadata;
    private final FrontMatter frontMatter;
    private final String bom;
    private final String lineBreak;
    /** Text before the first heading: raw when parsed; null when there is none. */
    private String preambleRaw;
    private String preamble = "";
    /** Directory plot links are relative to in {@link #render()} (the README's directory once read or saved). */
    private Path baseDir;

    private Card(CardMetadata metadata, CardMetadata parsedMetadata, FrontMatter frontMatter, String bom,
                 String lineBreak) {
        this.metadata = metadata;
        this.parsedMetadata = parsedMetadata;
        this.frontMatter = frontMatter;
        this.bom = bom;
        this.lineBreak = lineBreak;
    }

    // ------------------------------------------------------------------------------------------------- creating

    /** A card with no metadata and no sections. */
    public static Card empty() {
        return new Card(new CardMetadata(), null, null, "", "\n");
    }

    /** A card holding the sections of {@code template}, in order. */
    public static Card fromTemplate(Template template) {
        Card c = empty();
        template.sections().forEach(c::add);
        return c;
    }

    /** Reads a README's text (see the class comment); YAML is loaded with the default limits. */
    public static Card parse(String text) {
        return parse(text, YamlLimits.DEFAULT);
    }

    /**
     * Reads a README's text.
     *
     * @throws InvalidCardException when the YAML front matter does not parse, is not a mapping, breaks a limit or has
     *                              a key that is not a string
     */
    public static Card parse(String text, YamlLimits limits) {
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String t = text.substring(bom.length());
        String lb = LineBreaks.detect(t);
        Optional<FrontMatter> fm = FrontMatter.find(t);
        CardMetadata meta;
        try {
            meta = fm.isPresent() ? CardMetadata.parse(fm.get().yaml(), limits) : new CardMetadata();
        } catch (InvalidCardException e) {
            throw new InvalidCardException("invalid YAML metadata: " + e.getMessage(), e);
        } catch (CardException e) {
            throw new InvalidCardException(e.getMessage(), e);
        }
        Card card = new Card(meta, meta.copy(), fm.orElse(null), bom, lb == null ? "\n" : lb);
        String body = fm.map(FrontMatter::body).orElse(t);
        card.readBody(body);
        return card;
    }

    /** Reads a README file (UTF-8, at most {@link #MAX_README_BYTES}); plot links are relative to its directory. */
    public static Card parse(Path readme) throws IOException {
        long size = Files.size(readme);
        if (size > MAX_README_BYTES) {
            throw new InvalidCardException(readme + " is larger than " + (MAX_README_BYTES >> 20) + " MiB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(readme))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidCardException(readme + " is not UTF-8 text");
        }
        Card card = parse(text);
        card.baseDir = readme.toAbsolutePath().getParent();
        return card;
    }

    private void readBody(String body) {
        List<Headings.Heading> headings = Headings.find(body);
        int firstStart = headings.isEmpty() ? body.length() : headings.getFirst().start();
        preambleRaw = body.substring(0, firstStart);
        preamble = contentOf(preambleRaw);
        List<Section> trace = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Headings.Heading h = headings.get(i);
            int next = i + 1 < headings.size() ? headings.get(i + 1).start() : body.length();
            String rawBody = body.substring(h.end(), next);
            List<Section> kept = new ArrayList<>(trace.subList(0, Math.min(h.level() - 1, trace.size())));
            Section parent = kept.isEmpty() ? root : kept.getLast();
            Section s = new Section(h.title(), new SectionContent.Markdown(contentOf(rawBody)), false);
            s.rawHeading = body.substring(h.start(), h.end());
            s.rawStart = h.start();
            s.rawHeadingLength = h.end() - h.start();
            s.rawBody = rawBody;
            s.parent = parent;
            parent.children.add(s);
            s.rawDepth = s.depth();
            kept.add(s);
            trace = kept;
        }
    }

    /** A section's Markdown from its source text: blank lines around it dropped, {@code \n} line breaks. */
    private static String contentOf(String raw) {
        String t = LineBreaks.normalize(raw);
        int start = 0;
        int i = 0;
        while (i < t.length()) { // skip whole blank lines, keep the first text line's indentation
            int eol = t.indexOf('\n', i);
            String line = eol < 0 ? t.substring(i) : t.substring(i, eol);
            if (!line.isBlank() || eol < 0) {
                break;
            }
            i = eol + 1;
            start = i;
        }
        return t.substring(start).stripTrailing();
    }

    // ------------------------------------------------------------------------------------------------- metadata

    /** The metadata (YAML front matter); changes to it are written on the next render. */
    public CardMetadata metadata() {
        return metadata;
    }

    /** The line break this card is written with ({@code \n} unless it was read with {@code \r\n} or {@code \r}). */
    public String lineBreak() {
        return lineBreak;
    }

    // ------------------------------------------------------------------------------------------------- sections

    /** The top-level sections, in order. */
    public List<Section> sections() {
        return root.subsections();
    }

    /** Markdown before the first heading (empty for a new card). */
    public String preamble() {
        return preamble;
    }

    /** Replaces the Markdown before the first heading. */
    public Card preamble(String markdown) {
        preamble = markdown == null ? "" : markdown;
        preambleRaw = null;
        return this;
    }

    /** {@link #add(String, SectionContent, boolean)} with Markdown text, not folded. */
    public Section add(String path, String markdown) {
        return add(path, new SectionContent.Markdown(markdown), false);
    }

    /** {@link #add(String, SectionContent, boolean)}, not folded. */
    public Section add(String path, SectionContent content) {
        return add(path, content, false);
    }

    /**
     * Adds or overwrites the section at {@code path}, as skops' {@code Card.add}: missing parents are created with
     * empty content; an existing section gets the new content and folding (and becomes visible) but keeps its
     * subsections.
     */
    public Section add(String path, SectionContent content, boolean folded) {
        List<String> names = names(path);
        Section parent = root;
        for (String name : names.subList(0, names.size() - 1)) {
            Section next = Tree.child(parent, name);
            if (next == null) {
                next = attach(parent, new Section(name, SectionContent.Markdown.EMPTY, false), -1);
            }
            parent = next;
        }
        String leaf = names.getLast();
        Section existing = Tree.child(parent, leaf);
        if (existing != null) {
            existing.replace(content, folded);
            return existing;
        }
        return attach(parent, new Section(leaf, content, folded), -1);
    }

    /**
     * Adds metrics to a Metric/Value table at {@code path}, as skops' {@code add_metrics}: the section keeps one
     * running table; a metric already there gets the new value in its place, new ones are appended. A section whose
     * Markdown is such a table (a card read back) continues that table.
     *
     * @param description Markdown before the table; null keeps the current one
     */
    public Section addMetrics(String path, String description, Map<String, ?> metrics) {
        SectionContent.Metrics current = null;
        Optional<Section> existing = find(path);
        if (existing.isPresent()) {
            SectionContent c = existing.get().content();
            if (c instanceof SectionContent.Metrics m) {
                current = m;
            } else if (c instanceof SectionContent.Markdown md) {
                current = MetricsTables.read(md.text()).orElse(null);
            }
        }
        SectionContent.Metrics next = current == null
                ? new SectionContent.Metrics(new LinkedHashMap<>(metrics), description)
                : current.plus(metrics, description);
        boolean folded = existing.map(Section::folded).orElse(false);
        return add(path, next, folded);
    }

    /** {@link #addMetrics(String, String, Map)} keeping the description. */
    public Section addMetrics(String path, Map<String, ?> metrics) {
        return addMetrics(path, null, metrics);
    }

    /** The section at {@code path}. @throws SectionNotFoundException when the path is empty or names nothing */
    public Section select(String path) {
        return Tree.select(root, path);
    }

    /** The section at {@code path}, if there is one. */
    public Optional<Section> find(String path) {
        try {
            return Optional.of(select(path));
        } catch (SectionNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Deletes the section at {@code path} with its subsections. */
    public void delete(String path) {
        Section s = select(path);
        s.parent.children.remove(s);
        s.parent = null;
    }

    /** Renames the section at {@code path} (the title is one line of Markdown). */
    public Section rename(String path, String newTitle) {
        Section s = select(path);
        checkTitle(newTitle);
        Section clash = Tree.child(s.parent, newTitle);
        if (clash != null && clash != s) {
            throw new CardException("cannot rename '" + path + "': a section '" + newTitle + "' is already there");
        }
        s.title(newTitle);
        return s;
    }

    /**
     * Moves the section at {@code path} (with its subsections) under {@code newParentPath} ({@code ""} for the top
     * level) at position {@code index} among its new siblings (-1: last).
     */
    public Section move(String path, String newParentPath, int index) {
        Section s = select(path);
        Section target = newParentPath == null || newParentPath.isEmpty() ? root : select(newParentPath);
        for (Section t = target; t != null; t = t.parent) {
            if (t == s) {
                throw new CardException("cannot move '" + path + "' into itself");
            }
        }
        Section clash = Tree.child(target, s.title());
        if (clash != null && clash != s) {
            throw new CardException("cannot move '" + path + "': '" + (target == root ? "" : target.path())
                    + "' already has a section '" + s.title() + "'");
        }
        s.parent.children.remove(s);
        return attach(target, s, index);
    }

    /** The table of contents as skops' {@code get_toc}: {@code "  " * level + "- " + title}, visible sections. */
    public String toc() {
        List<String> lines = new ArrayList<>();
        toc(root, 0, lines);
        return String.join("\n", lines);
    }

    private static void toc(Section parent, int level, List<String> lines) {
        for (Section s : parent.children) {
            if (!s.visible()) {
                continue;
            }
            lines.add("  ".repeat(level) + "- " + s.title());
            toc(s, level + 1, lines);
        }
    }

    private static Section attach(Section parent, Section s, int index) {
        s.parent = parent;
        if (index < 0 || index >= parent.children.size()) {
            parent.children.add(s);
        } else {
            parent.children.add(index, s);
        }
        return s;
    }

    private static List<String> names(String path) {
        if (path == null || path.isEmpty()) {
            throw new SectionNotFoundException(String.valueOf(path), "Section name cannot be empty but got ''");
        }
        List<String> names = SectionPath.split(path);
        for (String n : names) {
            if (n.isEmpty()) {
                throw new SectionNotFoundException(path, "Section name cannot be empty but got '" + path + "'");
            }
            checkTitle(n);
        }
        return names;
    }

    private static void checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new CardException("a section title cannot be empty");
        }
        if (title.indexOf('\n') >= 0 || title.indexOf('\r') >= 0) {
            throw new CardException("a section title must be one line: " + title.strip().lines().findFirst().orElse(""));
        }
    }

    // ------------------------------------------------------------------------------------------------- output

    /** Options for {@link #save(Path, SaveOptions)}. */
    public record SaveOptions(boolean copyPlotFiles, String fileName) {
        public SaveOptions {
            if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
                throw new IllegalArgumentException("file name must be a plain name like README.md");
            }
        }

        /** README.md; plots must already be under the directory. */
        public static SaveOptions defaults() {
            return new SaveOptions(false, "README.md");
        }

        /** README.md; every plot file is copied beside it and linked by its file name. */
        public static SaveOptions copyPlots() {
            return new SaveOptions(true, "README.md");
        }
    }

    /**
     * The README text. Plot links are relative to the directory the card was read from or last saved to; for a card
     * that has neither, they are the plot paths as given.
     */
    public String render() {
        Path base = baseDir;
        return render(file -> base == null ? slashes(file) : link(base, file));
    }

    /** Writes {@code dir/README.md} (creating {@code dir}); plots are linked relative to {@code dir}. */
    public Path save(Path dir) throws IOException {
        return save(dir, SaveOptions.defaults());
    }

    /**
     * Writes the README into {@code dir}. With {@link SaveOptions#copyPlots()} every plot file is copied into
     * {@code dir} and linked by its name; otherwise each plot must already be inside {@code dir} (a link that climbs
     * out of it would not work on the hub) and is linked by its relative path.
     *
     * @return the README's path
     */
    public Path save(Path dir, SaveOptions options) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        Map<Path, String> links = new LinkedHashMap<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (SectionContent.Plot p : plots()) {
            Path src = p.file().toAbsolutePath().normalize();
            if (links.containsKey(src)) {
                continue;
            }
            if (options.copyPlotFiles()) {
                String name = src.getFileName().toString();
                Path other = byName.putIfAbsent(name, src);
                if (other != null && !other.equals(src)) {
                    throw new CardException("two plots are named " + name + " (" + other + ", " + src
                            + "): rename one before saving with copied plots");
                }
                Path dest = target.resolve(name);
                if (!Files.isRegularFile(src)) {
                    throw new CardException("plot file " + src + " does not exist");
                }
                if (!dest.equals(src)) {
                    Files.copy(src, dest, StandardCopyOption.REPLACE_EXISTING);
                }
                links.put(src, name);
            } else {
                if (!src.startsWith(target)) {
                    throw new CardException("plot " + src + " is outside " + target
                            + ": save with copied plots, or write the plot inside that directory");
                }
                links.put(src, slashes(target.relativize(src)));
            }
        }
        String text = render(file -> links.getOrDefault(file.toAbsolutePath().normalize(), slashes(file)));
        Path readme = target.resolve(options.fileName());
        Path tmp = Files.createTempFile(target, ".readme-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, readme, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        baseDir = target;
        return readme;
    }

    /** The plots the rendered card shows (visible sections, not under a folded one). */
    public List<SectionContent.Plot> plots() {
        List<SectionContent.Plot> out = new ArrayList<>();
        plots(root, out);
        return Collections.unmodifiableList(out);
    }

    private static void plots(Section parent, List<SectionContent.Plot> out) {
        for (Section s : parent.children) {
            if (!s.visible()) {
                continue;
            }
            if (s.content() instanceof SectionContent.Plot p) {
                out.add(p);
            }
            if (!s.folded()) {
                plots(s, out);
            }
        }
    }

    private String render(Function<Path, String> link) {
        Out out = new Out(lineBreak, bom);
        int bodyStart = frontMatter == null ? 0 : frontMatter.block().length();
        if (frontMatter != null && parsedMetadata != null && metadata.sameAs(parsedMetadata)) {
            out.raw(frontMatter.block(), 0, bodyStart);
        } else if (!metadata.isEmpty()) {
            String yaml = stripTrailingBreaks(metadata.toYaml(lineBreak));
            if (frontMatter != null) {
                out.raw(frontMatter.opening() + yaml + frontMatter.closing(), 0, bodyStart);
            } else {
                out.raw("---" + lineBreak + yaml + lineBreak + "---" + lineBreak, 0, 0);
            }
        } else {
            out.skipTo(bodyStart); // the block is dropped; the body still follows where it did
        }
        if (preambleRaw != null) {
            out.raw(preambleRaw, bodyStart, bodyStart + preambleRaw.length());
        } else if (!preamble.isEmpty()) {
            out.block(preamble);
        }
        for (Section s : root.children) {
            render(s, 1, out, link, bodyStart);
        }
        return out.toString();
    }

    private static void render(Section s, int depth, Out out, Function<Path, String> link, int offset) {
        if (!s.visible()) {
            return;
        }
        if (s.rawHeading != null && s.rawDepth == depth) {
            out.raw(s.rawHeading, offset + s.rawStart, offset + s.rawStart + s.rawHeading.length());
        } else {
            out.block("#".repeat(depth) + " " + s.title());
        }
        if (s.rawBody != null) {
            int start = offset + s.rawStart + s.rawHeadingLength;
            out.raw(s.rawBody, start, start + s.rawBody.length());
        } else {
            String body = ContentFormatter.format(s.content(), s.folded(), link);
            if (!body.isEmpty()) {
                out.block(body);
            }
        }
        if (!s.folded()) {
            for (Section c : s.children) {
                render(c, depth + 1, out, link, offset);
            }
        }
    }

    private static String stripTrailingBreaks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String link(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? slashes(base.relativize(abs)) : slashes(file);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    @Override
    public String toString() {
        return "Card(" + metadata.keys().size() + " metadata keys, " + root.children.size() + " top-level sections)";
    }

    /**
     * Assembles the output. Pieces of the original text are written as they were and, when they follow the piece
     * that preceded them in the original, joined exactly; anything else (a new block, or original pieces brought
     * together by a move or a deletion) is separated by a blank line, skops' layout. New blocks end with one line
     * break.
     */
    private static final class Out {
        private final StringBuilder sb = new StringBuilder();
        private final String lb;
        private final int start;
        /** Where the last original piece ended in the original text; -1 after a new block. */
        private int lastEnd;

        Out(String lb, String bom) {
            this.lb = lb;
            sb.append(bom);
            start = bom.length();
        }

        void skipTo(int position) {
            if (sb.length() == start) {
                lastEnd = position;
            }
        }

        void raw(String s, int from, int to) {
            if (s.isEmpty()) {
                return;
            }
            if (lastEnd != from && sb.length() > start) {
                int have = LineBreaks.trailing(sb) + LineBreaks.leading(s);
                sb.append(lb.repeat(Math.max(0, 2 - have)));
            }
            sb.append(s);
            lastEnd = to;
        }

        void block(String text) {
            if (sb.length() == start) {
                sb.append(lb);
            } else {
                sb.append(lb.repeat(Math.max(0, 2 - LineBreaks.trailing(sb))));
            }
            sb.append(LineBreaks.apply(text, lb)).append(lb);
            lastEnd = -1;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
