package dev.skiff.hub.git;

import dev.skiff.hub.http.HubException;
import dev.skiff.hub.lfs.LfsPointer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FileUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Bare git repositories under a root directory, one per storage id at {@code <root>/<storageId>.git}, with
 * {@code HEAD} on {@code refs/heads/main}. Thread-safe: reads share one cached {@link Repository} per storage id;
 * commits and ref changes of one branch are serialised by a lock and published by compare-and-set.
 * <p>
 * Errors the client should see (unknown revision, missing file, stale parent, existing ref) are thrown as
 * {@link HubException}s in the Hub's shape; storage failures as {@link UncheckedIOException}.
 */
public final class GitStore implements AutoCloseable {
    public static final String MAIN = "main";
    public static final String HEADS = Constants.R_HEADS;
    public static final String TAGS = Constants.R_TAGS;
    /** The message a stale {@code parentCommit} gets; libraries retry on it. */
    public static final String STALE_PARENT = "A commit has happened since. Please refresh and try again.";

    private static final Pattern STORAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern PARENT = Pattern.compile("[0-9a-fA-F]{5,40}");
    private static final int CACHE_MAX = 200_000;
    private static final int ATTRIBUTES_MAX = 1 << 20;

    private final Path root;
    private final ConcurrentHashMap<String, Repository> repos = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** (commit, path) → entry; commits are immutable, so entries never go stale. */
    private final ConcurrentHashMap<EntryKey, Optional<FileEntry>> entries = new ConcurrentHashMap<>();
    /** blob id → size and LFS pointer. */
    private final ConcurrentHashMap<ObjectId, BlobMeta> blobs = new ConcurrentHashMap<>();

    private record EntryKey(ObjectId commit, String path) {
    }

    private record BlobMeta(long size, LfsPointer lfs) {
    }

    private record Leaf(ObjectId id, FileMode mode) {
    }

    public GitStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The bare repository's directory; 400-free: a bad id is an {@link IllegalArgumentException}. */
    public Path dir(String storageId) {
        if (storageId == null || !STORAGE_ID.matcher(storageId).matches()) {
            throw new IllegalArgumentException("not a storage id: " + storageId);
        }
        return root.resolve(storageId + ".git");
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    /**
     * Creates the repository with the Hub's first commit ({@code .gitattributes} alone, message "initial commit") on
     * {@code main}. It is built in {@code <root>/.tmp} and renamed into place, so a crash never leaves a half-made
     * repository under its real name.
     */
    public void create(String storageId, String gitattributes) {
        Path target = dir(storageId);
        Path tmp = root.resolve(".tmp").resolve(storageId + "-" + UUID.randomUUID() + ".git");
        try {
            if (Files.exists(target)) {
                throw new IllegalStateException("repository storage " + storageId + " already exists");
            }
            Files.createDirectories(tmp.getParent());
            try (Git git = Git.init().setBare(true).setDirectory(tmp.toFile()).setInitialBranch(MAIN).call()) {
                initialCommit(git.getRepository(), gitattributes);
            }
            ensurePackedRefs(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("creating repository storage " + storageId + ": " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("creating repository storage " + storageId + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void initialCommit(Repository repo, String attributes) throws IOException {
        PersonIdent skiff = new PersonIdent("Skiff", "skiff@localhost", Instant.now(), ZoneOffset.UTC);
        ObjectId commit;
        try (ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, attributes.getBytes(StandardCharsets.UTF_8));
            TreeFormatter tree = new TreeFormatter();
            tree.append(".gitattributes", FileMode.REGULAR_FILE, blob);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(ins.insert(tree));
            cb.setAuthor(skiff);
            cb.setCommitter(skiff);
            cb.setMessage("initial commit");
            commit = ins.insert(cb);
            ins.flush();
        }
        RefUpdate ru = repo.updateRef(HEADS + MAIN);
        ru.setNewObjectId(commit);
        ru.setExpectedOldObjectId(ObjectId.zeroId());
        ru.setRefLogMessage("initial commit", false);
        RefUpdate.Result r = ru.update();
        if (r != RefUpdate.Result.NEW) {
            throw new IOException("could not create " + HEADS + MAIN + ": " + r);
        }
    }

    /** Removes the repository; nothing happens if it does not exist. */
    public void delete(String storageId) {
        Path d = dir(storageId);
        Repository r = repos.remove(storageId);
        if (r != null) {
            r.close();
        }
        deleteTree(d);
    }

    /** Opens a new handle on the repository, which must exist; the caller closes it. */
    public Repository open(String storageId) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir(storageId).toFile()).setMustExist(true).setBare().build();
    }

    /** The shared handle on the repository (not to be closed). */
    public Repository repo(String storageId) {
        Repository r = repos.get(storageId);
        if (r != null) {
            return r;
        }
        return repos.computeIfAbsent(storageId, id -> {
            try {
                ensurePackedRefs(dir(id));
                return open(id);
            } catch (IOException e) {
                throw new UncheckedIOException("opening repository storage " + id + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Gives the repository an (empty) {@code packed-refs} file if it has none: JGit looks for it on every ref read,
     * and a missing one costs an exception each time (a third of a HEAD request's garbage).
     */
    private static void ensurePackedRefs(Path gitDir) throws IOException {
        Path packed = gitDir.resolve("packed-refs");
        if (Files.isDirectory(gitDir) && !Files.exists(packed)) {
            try {
                Files.writeString(packed, "# pack-refs with: peeled fully-peeled sorted \n", StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // written meanwhile
            }
        }
    }

    @Override
    public void close() {
        repos.values().forEach(Repository::close);
        repos.clear();
    }

    private static void deleteTree(Path p) {
        try {
            if (Files.exists(p)) {
                FileUtils.delete(p.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + p + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------ revisions

    /** The commit a branch points at, or null. */
    public ObjectId branch(String storageId, String branch) {
        try {
            Ref ref = repo(storageId).exactRef(HEADS + branch);
            return ref == null ? null : ref.getObjectId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commit {@code main} points at (40 hex), or null. */
    public String head(String storageId) {
        ObjectId id = branch(storageId, MAIN);
        return id == null ? null : id.name();
    }

    /**
     * The commit a revision names, or null: a 40-hex commit id, a full ref name ({@code refs/heads/x},
     * {@code refs/tags/v1}, {@code refs/pr/1}, {@code refs/convert/parquet}), a branch, then a tag.
     */
    public ObjectId resolve(String storageId, String revision) {
        if (revision == null || revision.isEmpty()) {
            return null;
        }
        Repository r = repo(storageId);
        try {
            if (HEX40.matcher(revision).matches()) {
                ObjectId id = ObjectId.fromString(revision);
                try (RevWalk rw = new RevWalk(r)) {
                    rw.parseCommit(id);
                    return id;
                } catch (MissingObjectException | IncorrectObjectTypeException e) {
                    return null;
                }
            }
            List<String> names = revision.startsWith("refs/") ? List.of(revision) : List.of(HEADS + revision, TAGS + revision);
            for (String name : names) {
                if (!Repository.isValidRefName(name)) {
                    continue;
                }
                Ref ref = r.exactRef(name);
                if (ref != null && ref.getObjectId() != null) {
                    return peel(r, ref);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #resolve}, but a revision naming nothing is a 404 RevisionNotFound. */
    public ObjectId require(String storageId, String revision) {
        ObjectId id = resolve(storageId, revision);
        if (id == null) {
            throw HubException.revisionNotFound(revision);
        }
        return id;
    }

    private static ObjectId peel(Repository r, Ref ref) throws IOException {
        if (ref.getName().startsWith(HEADS)) {
            return ref.getObjectId(); // branches point at commits: no object read (resolve is on every download)
        }
        Ref p = ref.isPeeled() ? ref : r.getRefDatabase().peel(ref);
        return p.getPeeledObjectId() != null ? p.getPeeledObjectId() : p.getObjectId();
    }

    // ------------------------------------------------------------------------------------------ reading trees

    /** The file or directory at {@code path} ("" is the root) in {@code commit}, or null. Cached. */
    public FileEntry entry(String storageId, ObjectId commit, String path) {
        EntryKey key = new EntryKey(commit.copy(), path);
        Optional<FileEntry> e = entries.get(key);
        if (e == null) {
            e = Optional.ofNullable(readEntry(storageId, commit, path));
            if (entries.size() > CACHE_MAX) {
                entries.clear();
            }
            entries.put(key, e);
        }
        return e.orElse(null);
    }

    private FileEntry readEntry(String storageId, ObjectId commit, String path) {
        Repository r = repo(storageId);
        try (ObjectReader reader = r.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
            RevCommit c = rw.parseCommit(commit);
            if (path.isEmpty()) {
                return new FileEntry("", true, c.getTree().copy(), 0, null, FileMode.TREE);
            }
            if (!isCleanPath(path)) {
                return null;
            }
            try (TreeWalk tw = TreeWalk.forPath(reader, path, c.getTree())) {
                if (tw == null) {
                    return null;
                }
                return toEntry(reader, path, tw.getObjectId(0), tw.getFileMode(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileEntry toEntry(ObjectReader reader, String path, ObjectId id, FileMode mode) throws IOException {
        if (mode == FileMode.TREE) {
            return new FileEntry(path, true, id.copy(), 0, null, mode);
        }
        if (mode == FileMode.GITLINK) {
            return null; // submodules have no content here
        }
        BlobMeta m = blobMeta(reader, id);
        return new FileEntry(path, false, id.copy(), m.size(), m.lfs(), mode);
    }

    private BlobMeta blobMeta(ObjectReader reader, ObjectId id) throws IOException {
        BlobMeta m = blobs.get(id);
        if (m != null) {
            return m;
        }
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        LfsPointer lfs = null;
        if (size >= 100 && size <= LfsPointer.MAX_POINTER_SIZE) {
            lfs = LfsPointer.parse(reader.open(id, Constants.OBJ_BLOB).getCachedBytes());
        }
        m = new BlobMeta(size, lfs);
        if (blobs.size() > CACHE_MAX) {
            blobs.clear();
        }
        blobs.put(id.copy(), m);
        return m;
    }

    /**
     * The entries under directory {@code dir} ("" for the root) in {@code commit}: its children, or with
     * {@code recursive} all descendants including directories (each directory before its contents). Null if
     * {@code dir} does not exist or is a file.
     */
    public List<FileEntry> list(String storageId, ObjectId commit, String dir, boolean recursive) {
        FileEntry d = entry(storageId, commit, dir);
        if (d == null || !d.directory()) {
            return null;
        }
        Repository r = repo(storageId);
        List<FileEntry> out = new ArrayList<>();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        try (ObjectReader reader = r.newObjectReader(); TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(d.id());
            tw.setRecursive(false);
            while (tw.next()) {
                String p = prefix + tw.getPathString();
                FileEntry e = toEntry(reader, p, tw.getObjectId(0), tw.getFileMode(0));
                if (e == null) {
                    continue;
                }
                out.add(e);
                if (recursive && tw.isSubtree()) {
                    tw.enterSubtree();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every file (not directory) in {@code commit}. */
    public List<FileEntry> files(String storageId, ObjectId commit) {
        List<FileEntry> all = list(storageId, commit, "", true);
        return all == null ? List.of() : all.stream().filter(e -> !e.directory()).toList();
    }

    /** Opens a blob for reading. */
    public ObjectLoader blob(String storageId, ObjectId blobId) {
        try {
            return repo(storageId).open(blobId, Constants.OBJ_BLOB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of a regular file of at most {@code max} bytes, or null if it is missing, a folder or larger. */
    public byte[] readSmall(String storageId, ObjectId commit, String path, int max) {
        FileEntry e = entry(storageId, commit, path);
        if (e == null || e.directory() || e.blobSize() > max) {
            return null;
        }
        try {
            return blob(storageId, e.id()).getCachedBytes(max);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A repository path the hub accepts: relative, no empty, {@code .} or {@code ..} segment, no {@code .git} folder. */
    public static boolean isCleanPath(String path) {
        if (path == null || path.isEmpty() || path.length() > 4096 || path.startsWith("/") || path.endsWith("/")
                || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.equalsIgnoreCase(".git")) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ commits

    private ReentrantLock lock(String storageId, String branch) {
        return locks.computeIfAbsent(storageId + "\0" + branch, k -> new ReentrantLock());
    }

    /**
     * Commits {@code changes} on top of {@code branch} and moves the branch by compare-and-set.
     *
     * @param expectedParent null, or a 5-40 hex prefix the branch head must have (else 412)
     * @param lfs            decides which uploads go to LFS and stores them; null keeps everything in git
     * @return the new commit
     */
    public ObjectId commit(String storageId, String branch, String expectedParent, List<Change> changes, PersonIdent who,
                           String message, LfsPolicy lfs) throws IOException {
        if (expectedParent != null && !PARENT.matcher(expectedParent).matches()) {
            throw HubException.badRequest("parentCommit must be 5 to 40 hex characters, not " + expectedParent);
        }
        Repository r = repo(storageId);
        ReentrantLock lock = lock(storageId, branch);
        lock.lock();
        try {
            Ref ref = r.exactRef(HEADS + branch);
            if (ref == null || ref.getObjectId() == null) {
                throw HubException.revisionNotFound(branch);
            }
            ObjectId parent = ref.getObjectId();
            if (expectedParent != null && !parent.name().startsWith(expectedParent.toLowerCase())) {
                throw new HubException(412, null, STALE_PARENT);
            }
            try (ObjectInserter ins = r.newObjectInserter(); ObjectReader reader = ins.newReader(); RevWalk rw = new RevWalk(reader)) {
                RevCommit pc = rw.parseCommit(parent);
                TreeMap<String, Object> state = readTree(reader, pc.getTree());
                for (Change c : changes) {
                    apply(state, c);
                }
                buildLeaves(reader, ins, state, lfs);
                DirCache dc = DirCache.newInCore();
                DirCacheBuilder b = dc.builder();
                for (Map.Entry<String, Object> e : state.entrySet()) {
                    Leaf l = (Leaf) e.getValue();
                    DirCacheEntry d = new DirCacheEntry(e.getKey());
                    d.setFileMode(l.mode());
                    d.setObjectId(l.id());
                    b.add(d);
                }
                b.finish();
                ObjectId tree = dc.writeTree(ins);
                CommitBuilder cb = new CommitBuilder();
                cb.setTreeId(tree);
                cb.setParentId(parent);
                cb.setAuthor(who);
                cb.setCommitter(who);
                cb.setEncoding(StandardCharsets.UTF_8);
                cb.setMessage(message);
                ObjectId commit = ins.insert(cb);
                ins.flush();
                publish(r, ref.getName(), parent, commit, who, "commit: " + message.lines().findFirst().orElse(""), false);
                return commit;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves {@code refName} from {@code expected} to {@code commit}; anything else having moved it is a 412. */
    private static void publish(Repository r, String refName, ObjectId expected, ObjectId commit, PersonIdent who,
                                String log, boolean force) throws IOException {
        RefUpdate ru = r.updateRef(refName);
        ru.setExpectedOldObjectId(expected);
        ru.setNewObjectId(commit);
        ru.setRefLogIdent(who);
        ru.setRefLogMessage(log, false);
        ru.setForceUpdate(force);
        RefUpdate.Result res = ru.update();
        switch (res) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> {
            }
            case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH, REJECTED_MISSING_OBJECT, REJECTED_OTHER_REASON ->
                    throw new HubException(412, null, STALE_PARENT);
            default -> throw new IOException("could not update " + refName + ": " + res);
        }
    }

    /** path → Leaf (git entries) or Change (pending additions). */
    private static TreeMap<String, Object> readTree(ObjectReader reader, ObjectId tree) throws IOException {
        TreeMap<String, Object> state = new TreeMap<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(tree);
            tw.setRecursive(true);
            while (tw.next()) {
                state.put(tw.getPathString(), new Leaf(tw.getObjectId(0), tw.getFileMode(0)));
            }
        }
        return state;
    }

    private static void apply(TreeMap<String, Object> state, Change c) {
        switch (c) {
            case Change.Delete d -> {
                if (state.remove(d.path()) == null) {
                    throw HubException.entryNotFound("A file with this name doesn't exist: " + d.path(), null);
                }
            }
            case Change.DeleteFolder d -> {
                String p = d.path().replaceAll("/+$", "");
                if (p.isEmpty() || !isCleanPath(p)) {
                    throw HubException.badRequest("Invalid folder path \"" + d.path() + "\"");
                }
                SortedMap<String, Object> sub = state.subMap(p + "/", p + "0");
                if (sub.isEmpty()) {
                    throw HubException.entryNotFound("A folder with this name doesn't exist: " + d.path(), null);
                }
                sub.clear();
            }
            default -> {
                String p = c.path();
                if (!isCleanPath(p)) {
                    throw HubException.badRequest("Invalid path \"" + p + "\": use a relative path without empty, '.', "
                            + "'..' or '.git' segments");
                }
                int i = -1;
                while ((i = p.indexOf('/', i + 1)) >= 0) {
                    if (state.containsKey(p.substring(0, i))) {
                        throw HubException.badRequest("Cannot add \"" + p + "\": \"" + p.substring(0, i) + "\" is a file");
                    }
                }
                String under = state.ceilingKey(p + "/");
                if (under != null && under.startsWith(p + "/")) {
                    throw HubException.badRequest("Cannot add \"" + p + "\": it is a folder");
                }
                state.put(p, c);
            }
        }
    }

    /** Turns pending additions into git entries: blobs, LFS pointers, and the .gitattributes lines LFS files need. */
    private void buildLeaves(ObjectReader reader, ObjectInserter ins, TreeMap<String, Object> state, LfsPolicy lfs)
            throws IOException {
        String attrText = attributesText(reader, state.get(".gitattributes"));
        GitRules.Attributes attrs = GitRules.Attributes.parse(attrText);
        List<String> lfsPaths = new ArrayList<>();
        for (Map.Entry<String, Object> e : state.entrySet()) {
            String path = e.getKey();
            switch (e.getValue()) {
                case Change.AddFile f -> {
                    boolean tracked = attrs.isLfs(path);
                    if (lfs != null && !path.equals(".gitattributes") && lfs.toLfs(path, f.size(), tracked)) {
                        LfsPointer ptr = lfs.store(f.file(), f.sha256(), f.size());
                        e.setValue(new Leaf(ins.insert(Constants.OBJ_BLOB, ptr.bytes()), FileMode.REGULAR_FILE));
                        lfsPaths.add(path);
                    } else {
                        try (InputStream in = Files.newInputStream(f.file())) {
                            e.setValue(new Leaf(ins.insert(Constants.OBJ_BLOB, f.size(), in), FileMode.REGULAR_FILE));
                        }
                    }
                }
                case Change.AddBytes b -> e.setValue(new Leaf(ins.insert(Constants.OBJ_BLOB, b.data()), FileMode.REGULAR_FILE));
                case Change.AddLfs l -> {
                    if (lfs != null && !lfs.has(l.pointer().oid())) {
                        throw HubException.badRequest("LFS object " + l.pointer().oid() + " of " + path
                                + " was not uploaded to this repository");
                    }
                    e.setValue(new Leaf(ins.insert(Constants.OBJ_BLOB, l.pointer().bytes()), FileMode.REGULAR_FILE));
                    lfsPaths.add(path);
                }
                default -> {
                    // an existing entry
                }
            }
        }
        StringBuilder extra = new StringBuilder();
        for (String p : lfsPaths) {
            if (!attrs.isLfs(p)) {
                extra.append(GitRules.lfsLine(p));
            }
        }
        if (!extra.isEmpty()) {
            String base = attrText == null ? "" : attrText;
            if (!base.isEmpty() && !base.endsWith("\n")) {
                base += "\n";
            }
            byte[] text = (base + extra).getBytes(StandardCharsets.UTF_8);
            state.put(".gitattributes", new Leaf(ins.insert(Constants.OBJ_BLOB, text), FileMode.REGULAR_FILE));
        }
    }

    private static String attributesText(ObjectReader reader, Object v) throws IOException {
        byte[] data = switch (v) {
            case null -> null;
            case Leaf l -> reader.open(l.id(), Constants.OBJ_BLOB).getCachedBytes(ATTRIBUTES_MAX);
            case Change.AddBytes b -> b.data();
            case Change.AddFile f -> f.size() > ATTRIBUTES_MAX ? null : Files.readAllBytes(f.file());
            default -> null;
        };
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    /**
     * Replaces the history of {@code branch} by one root commit with its current tree (super-squash). Returns the new
     * commit.
     */
    public ObjectId squash(String storageId, String branch, PersonIdent who, String message) throws IOException {
        Repository r = repo(storageId);
        ReentrantLock lock = lock(storageId, branch);
        lock.lock();
        try {
            Ref ref = r.exactRef(HEADS + branch);
            if (ref == null) {
                throw HubException.revisionNotFound(branch);
            }
            try (ObjectInserter ins = r.newObjectInserter(); RevWalk rw = new RevWalk(r)) {
                RevCommit head = rw.parseCommit(ref.getObjectId());
                CommitBuilder cb = new CommitBuilder();
                cb.setTreeId(head.getTree());
                cb.setAuthor(who);
                cb.setCommitter(who);
                cb.setEncoding(StandardCharsets.UTF_8);
                cb.setMessage(message);
                ObjectId commit = ins.insert(cb);
                ins.flush();
                publish(r, ref.getName(), head, commit, who, "super-squash", true);
                return commit;
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------ refs

    /** Refs under {@code prefix} ({@code refs/heads/}, {@code refs/tags/}, {@code refs/pr/}, {@code refs/convert/}). */
    public List<RefInfo> refs(String storageId, String prefix) {
        Repository r = repo(storageId);
        try {
            List<RefInfo> out = new ArrayList<>();
            for (Ref ref : r.getRefDatabase().getRefsByPrefix(prefix)) {
                if (ref.getObjectId() == null) {
                    continue;
                }
                out.add(new RefInfo(ref.getName().substring(prefix.length()), ref.getName(), peel(r, ref).name()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A branch or tag name the hub accepts: a valid git ref name, not itself starting with {@code refs/}. */
    public static boolean isValidRefName(String kindPrefix, String name) {
        return name != null && !name.isEmpty() && !name.startsWith("refs/") && name.length() <= 255
                && Repository.isValidRefName(kindPrefix + name);
    }

    /** Creates branch {@code name} at {@code start}; 409 if it exists, 400 for a bad name. */
    public void createBranch(String storageId, String name, ObjectId start, PersonIdent who) throws IOException {
        createRef(storageId, HEADS, "branch", name, start, who);
    }

    private void createRef(String storageId, String prefix, String kind, String name, ObjectId target, PersonIdent who)
            throws IOException {
        if (!isValidRefName(prefix, name)) {
            throw HubException.badRequest("Invalid " + kind + " name \"" + name + "\"");
        }
        Repository r = repo(storageId);
        ReentrantLock lock = lock(storageId, prefix + name);
        lock.lock();
        try {
            if (r.exactRef(prefix + name) != null) {
                throw HubException.conflict("A " + kind + " named " + name + " already exists", null);
            }
            RefUpdate ru = r.updateRef(prefix + name);
            ru.setExpectedOldObjectId(ObjectId.zeroId());
            ru.setNewObjectId(target);
            ru.setRefLogIdent(who);
            ru.setRefLogMessage(kind + ": created", false);
            RefUpdate.Result res = ru.update();
            if (res != RefUpdate.Result.NEW) {
                throw HubException.conflict("Cannot create " + kind + " " + name + " (" + res
                        + "): it conflicts with an existing ref", null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Deletes a branch; 404 if missing, 403 for {@code main}. */
    public void deleteBranch(String storageId, String name, PersonIdent who) throws IOException {
        if (MAIN.equals(name)) {
            throw HubException.forbidden("Cannot delete the default branch " + MAIN);
        }
        deleteRef(storageId, HEADS, name, who);
    }

    /** Deletes a tag; 404 if missing. */
    public void deleteTag(String storageId, String name, PersonIdent who) throws IOException {
        deleteRef(storageId, TAGS, name, who);
    }

    private void deleteRef(String storageId, String prefix, String name, PersonIdent who) throws IOException {
        Repository r = repo(storageId);
        String full = prefix + name;
        ReentrantLock lock = lock(storageId, prefix.equals(HEADS) ? name : full);
        lock.lock();
        try {
            Ref ref = Repository.isValidRefName(full) ? r.exactRef(full) : null;
            if (ref == null) {
                throw HubException.revisionNotFound(name);
            }
            RefUpdate ru = r.updateRef(full);
            ru.setExpectedOldObjectId(ref.getObjectId());
            ru.setForceUpdate(true);
            ru.setRefLogIdent(who);
            RefUpdate.Result res = ru.delete();
            if (res != RefUpdate.Result.FORCED && res != RefUpdate.Result.FAST_FORWARD && res != RefUpdate.Result.NO_CHANGE) {
                throw new HubException(409, null, "Could not delete " + full + ": " + res);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tags {@code target}: an annotated tag when {@code message} is not blank, else a lightweight one. 409 if the tag
     * exists.
     */
    public void createTag(String storageId, String name, ObjectId target, String message, PersonIdent who)
            throws IOException {
        ObjectId obj = target;
        if (message != null && !message.isBlank() && isValidRefName(TAGS, name)) {
            Repository r = repo(storageId);
            try (ObjectInserter ins = r.newObjectInserter()) {
                TagBuilder tb = new TagBuilder();
                tb.setObjectId(target, Constants.OBJ_COMMIT);
                tb.setTag(name);
                tb.setTagger(who);
                tb.setMessage(message.endsWith("\n") ? message : message + "\n");
                obj = ins.insert(tb);
                ins.flush();
            }
        }
        createRef(storageId, TAGS, "tag", name, obj, who);
    }

    // ------------------------------------------------------------------------------------------ history

    /** Up to {@code limit} commits reachable from {@code start}, newest first, after skipping {@code skip}. */
    public List<CommitInfo> log(String storageId, ObjectId start, int skip, int limit) {
        Repository r = repo(storageId);
        List<CommitInfo> out = new ArrayList<>();
        try (RevWalk rw = new RevWalk(r)) {
            rw.sort(RevSort.COMMIT_TIME_DESC);
            rw.markStart(rw.parseCommit(start));
            int i = 0;
            for (RevCommit c : rw) {
                if (i++ < skip) {
                    continue;
                }
                if (out.size() >= limit) {
                    break;
                }
                out.add(info(c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A commit's summary. */
    public CommitInfo commitInfo(String storageId, ObjectId id) {
        try (RevWalk rw = new RevWalk(repo(storageId))) {
            return info(rw.parseCommit(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommitInfo info(RevCommit c) {
        String full = c.getFullMessage();
        String title = c.getShortMessage();
        int nl = full.indexOf('\n');
        String rest = nl < 0 ? "" : full.substring(nl + 1).strip();
        PersonIdent a = c.getAuthorIdent();
        return new CommitInfo(c.name(), title, rest, List.of(a.getName()), a.getWhenAsInstant());
    }

    /**
     * The last commit (walking back from {@code start}, at most {@code maxCommits}) that changed each of
     * {@code paths} (files or folders). Paths not resolved within the walk are missing from the result.
     */
    public Map<String, CommitInfo> lastCommits(String storageId, ObjectId start, Collection<String> paths, int maxCommits) {
        Map<String, CommitInfo> out = new HashMap<>();
        Set<String> pending = new HashSet<>(paths);
        pending.remove("");
        if (pending.isEmpty()) {
            return out;
        }
        Repository r = repo(storageId);
        try (RevWalk rw = new RevWalk(r)) {
            rw.sort(RevSort.COMMIT_TIME_DESC);
            rw.markStart(rw.parseCommit(start));
            int n = 0;
            for (RevCommit c : rw) {
                if (pending.isEmpty() || n++ >= maxCommits) {
                    break;
                }
                CommitInfo ci = null;
                if (c.getParentCount() == 0) {
                    ci = info(c);
                    for (String p : pending) {
                        out.put(p, ci);
                    }
                    pending.clear();
                    break;
                }
                RevCommit parent = rw.parseCommit(c.getParent(0));
                try (TreeWalk tw = new TreeWalk(r)) {
                    tw.addTree(parent.getTree());
                    tw.addTree(c.getTree());
                    tw.setRecursive(true);
                    tw.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(pending), TreeFilter.ANY_DIFF));
                    Set<String> hit = new HashSet<>();
                    while (tw.next()) {
                        String changed = tw.getPathString();
                        for (String p : pending) {
                            if (changed.equals(p) || changed.startsWith(p + "/")) {
                                hit.add(p);
                            }
                        }
                    }
                    if (!hit.isEmpty()) {
                        ci = info(c);
                        for (String p : hit) {
                            out.put(p, ci);
                        }
                        pending.removeAll(hit);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
