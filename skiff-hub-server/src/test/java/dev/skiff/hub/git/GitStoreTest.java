package dev.skiff.hub.git;

import dev.skiff.hub.http.HubException;
import dev.skiff.hub.lfs.LfsPointer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitStoreTest {
    static final String ATTRS = "*.bin filter=lfs diff=lfs merge=lfs -text\n";
    static final PersonIdent ALICE = new PersonIdent("alice", "alice@x", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    GitStore git;

    @BeforeEach
    void init() {
        git = new GitStore(tmp.resolve("git"));
        git.create("r1", ATTRS);
    }

    static Change add(String path, String text) {
        return new Change.AddBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    ObjectId commit(String parent, Change... changes) throws IOException {
        return git.commit("r1", "main", parent, List.of(changes), ALICE, "msg", null);
    }

    String read(ObjectId commit, String path) {
        byte[] b = git.readSmall("r1", commit, path, 1 << 20);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void commitsAddReplaceAndDeleteInOrderAndMoveMain() throws Exception {
        ObjectId first = ObjectId.fromString(git.head("r1"));
        ObjectId c1 = commit(null, add("a.txt", "A"), add("dir/b.txt", "B"), add("dir/sub/c.txt", "C"));
        assertThat(git.head("r1")).isEqualTo(c1.name());
        assertThat(read(c1, "dir/sub/c.txt")).isEqualTo("C");
        assertThat(read(c1, ".gitattributes")).isEqualTo(ATTRS);
        ObjectId c2 = commit(c1.name().substring(0, 7), new Change.Delete("a.txt"), add("a.txt", "A2"),
                new Change.DeleteFolder("dir/sub/"));
        assertThat(read(c2, "a.txt")).isEqualTo("A2");
        assertThat(git.entry("r1", c2, "dir/sub")).isNull();
        assertThat(git.entry("r1", c2, "dir/b.txt")).isNotNull();
        assertThat(git.entry("r1", c1, "dir/sub/c.txt")).isNotNull(); // old commits keep their trees
        try (Repository r = git.open("r1"); RevWalk rw = new RevWalk(r)) {
            RevCommit rc = rw.parseCommit(c2);
            assertThat(rc.getParent(0)).isEqualTo(c1);
            assertThat(rw.parseCommit(c1).getParent(0)).isEqualTo(first);
            assertThat(rc.getAuthorIdent().getName()).isEqualTo("alice");
        }
        assertThat(git.log("r1", c2, 0, 10)).extracting(CommitInfo::id).containsExactly(c2.name(), c1.name(), first.name());
        assertThat(git.log("r1", c2, 1, 1)).extracting(CommitInfo::id).containsExactly(c1.name());
    }

    @Test
    void regularBlobIdsAreGitBlobShas() throws Exception {
        ObjectId c = commit(null, add("x.txt", "hello\n"));
        // `git hash-object` of "hello\n"
        assertThat(git.entry("r1", c, "x.txt").oid()).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(git.entry("r1", c, "x.txt").size()).isEqualTo(6);
    }

    @Test
    void staleParentIs412AndLeavesTheBranchAlone() throws Exception {
        String before = git.head("r1");
        ObjectId c1 = commit(before, add("a", "1"));
        assertThatThrownBy(() -> commit(before, add("b", "2")))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).isEqualTo(GitStore.STALE_PARENT);
                });
        assertThat(git.head("r1")).isEqualTo(c1.name());
        assertThatThrownBy(() -> commit("xyz", add("b", "2"))).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void concurrentCommitsOnOneBranchSerialiseAndNoneIsLost() throws Exception {
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ObjectId>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                go.await();
                return commit(null, add("f" + k + ".txt", "v" + k));
            }));
        }
        go.countDown();
        for (Future<ObjectId> f : fs) {
            f.get();
        }
        pool.shutdown();
        ObjectId head = ObjectId.fromString(git.head("r1"));
        for (int i = 0; i < n; i++) {
            assertThat(read(head, "f" + i + ".txt")).isEqualTo("v" + i);
        }
        assertThat(git.log("r1", head, 0, 100)).hasSize(n + 1);
    }

    @Test
    void concurrentCommitsWithTheSameParentCommitLetExactlyOneWin() throws Exception {
        String parent = git.head("r1");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                go.await();
                try {
                    commit(parent, add("f" + k, "x"));
                    return 200;
                } catch (HubException e) {
                    return e.status();
                }
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : fs) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(Collections.frequency(codes, 200)).isEqualTo(1);
        assertThat(Collections.frequency(codes, 412)).isEqualTo(n - 1);
    }

    @Test
    void missingFilesFoldersAndBranchesAreHubErrors() {
        assertThatThrownBy(() -> commit(null, new Change.Delete("nope.txt"))).isInstanceOfSatisfying(HubException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("EntryNotFound");
            assertThat(e.getMessage()).contains("A file with this name doesn't exist");
        });
        assertThatThrownBy(() -> commit(null, new Change.DeleteFolder("nope/"))).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.code()).isEqualTo("EntryNotFound"));
        assertThatThrownBy(() -> git.commit("r1", "dev", null, List.of(add("a", "b")), ALICE, "m", null))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo("RevisionNotFound"));
    }

    @Test
    void refusesBadPathsAndFileFolderClashes() throws Exception {
        for (String bad : List.of("/abs", "a//b", "../x", "a/./b", ".git/config", "x/.GIT/y", "trailing/")) {
            assertThatThrownBy(() -> commit(null, add(bad, "x"))).as(bad).isInstanceOfSatisfying(HubException.class,
                    e -> assertThat(e.status()).isEqualTo(400));
        }
        commit(null, add("a/b.txt", "1"), add("f", "2"));
        assertThatThrownBy(() -> commit(null, add("a", "x"))).isInstanceOf(HubException.class);
        assertThatThrownBy(() -> commit(null, add("f/g", "x"))).isInstanceOf(HubException.class);
        // replacing a file by a folder within one commit is fine
        ObjectId c = commit(null, new Change.Delete("f"), add("f/g", "x"));
        assertThat(read(c, "f/g")).isEqualTo("x");
    }

    @Test
    void lfsFilesArePointersAndGitattributesLearnsUntrackedOnes() throws Exception {
        Path staged = Files.writeString(tmp.resolve("staged"), "content of a big file");
        List<String> stored = new ArrayList<>();
        LfsPolicy policy = new LfsPolicy() {
            @Override
            public boolean toLfs(String path, long size, boolean tracked) {
                return tracked || path.endsWith(".huge");
            }

            @Override
            public LfsPointer store(Path file, String oid, long size) {
                stored.add(oid);
                return new LfsPointer(oid, size);
            }

            @Override
            public boolean has(String oid) {
                return true;
            }
        };
        String sha = "a".repeat(64);
        ObjectId c = git.commit("r1", "main", null, List.of(
                new Change.AddFile("m.bin", staged, Files.size(staged), sha),
                new Change.AddFile("my file [1].huge", staged, Files.size(staged), sha),
                new Change.AddFile("notes.txt", staged, Files.size(staged), sha),
                new Change.AddLfs("w/x.safetensors", new LfsPointer("b".repeat(64), 1234))), ALICE, "m", policy);
        assertThat(stored).containsExactly(sha, sha);
        FileEntry bin = git.entry("r1", c, "m.bin");
        assertThat(bin.lfs()).isEqualTo(new LfsPointer(sha, 21));
        assertThat(bin.size()).isEqualTo(21);
        assertThat(bin.blobSize()).isEqualTo(new LfsPointer(sha, 21).pointerSize());
        assertThat(bin.etag()).isEqualTo(sha);
        assertThat(git.entry("r1", c, "notes.txt").lfs()).isNull();
        assertThat(git.entry("r1", c, "w/x.safetensors").lfs().size()).isEqualTo(1234);
        String attrs = read(c, ".gitattributes");
        assertThat(attrs).startsWith(ATTRS)
                .contains("my[[:space:]]file[[:space:]]\\[1\\].huge filter=lfs diff=lfs merge=lfs -text\n")
                .contains("w/x.safetensors filter=lfs diff=lfs merge=lfs -text\n")
                .doesNotContain("m.bin");
        GitRules.Attributes parsed = GitRules.Attributes.parse(attrs);
        assertThat(parsed.isLfs("my file [1].huge")).isTrue();
        assertThat(parsed.isLfs("w/x.safetensors")).isTrue();
        assertThat(parsed.isLfs("notes.txt")).isFalse();
        assertThat(git.files("r1", c)).extracting(FileEntry::path)
                .containsExactly(".gitattributes", "m.bin", "my file [1].huge", "notes.txt", "w/x.safetensors");
    }

    @Test
    void resolvesBranchesTagsFullRefsAndCommitIds() throws Exception {
        ObjectId c1 = commit(null, add("a", "1"));
        git.createBranch("r1", "dev/x", c1, ALICE);
        ObjectId c2 = git.commit("r1", "dev/x", null, List.of(add("b", "2")), ALICE, "on dev", null);
        git.createTag("r1", "v1", c1, null, ALICE);
        git.createTag("r1", "v2", c2, "annotated", ALICE);
        assertThat(git.resolve("r1", "main")).isEqualTo(c1);
        assertThat(git.resolve("r1", "dev/x")).isEqualTo(c2);
        assertThat(git.resolve("r1", "refs/heads/dev/x")).isEqualTo(c2);
        assertThat(git.resolve("r1", "v1")).isEqualTo(c1);
        assertThat(git.resolve("r1", "v2")).isEqualTo(c2); // peeled
        assertThat(git.resolve("r1", "refs/tags/v2")).isEqualTo(c2);
        assertThat(git.resolve("r1", c2.name())).isEqualTo(c2);
        assertThat(git.resolve("r1", "0".repeat(40))).isNull();
        assertThat(git.resolve("r1", "nope")).isNull();
        assertThat(git.resolve("r1", "main~1")).isNull(); // no revision expressions
        assertThat(git.resolve("r1", "refs/pr/1")).isNull();
        assertThat(git.refs("r1", GitStore.HEADS)).extracting(RefInfo::name).containsExactlyInAnyOrder("main", "dev/x");
        assertThat(git.refs("r1", GitStore.TAGS)).extracting(RefInfo::targetCommit).containsExactlyInAnyOrder(c1.name(), c2.name());

        assertThatThrownBy(() -> git.createBranch("r1", "dev/x", c1, ALICE)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> git.createTag("r1", "v1", c1, null, ALICE)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> git.createBranch("r1", "bad..name", c1, ALICE)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> git.deleteBranch("r1", "main", ALICE)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        git.deleteBranch("r1", "dev/x", ALICE);
        git.deleteTag("r1", "v2", ALICE);
        assertThat(git.resolve("r1", "dev/x")).isNull();
        assertThat(git.resolve("r1", "v2")).isNull();
        assertThatThrownBy(() -> git.deleteTag("r1", "v2", ALICE)).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.code()).isEqualTo("RevisionNotFound"));
    }

    @Test
    void listsTreesAndFindsLastCommitsAndSquashes() throws Exception {
        ObjectId c1 = commit(null, add("a.txt", "1"), add("d/x.txt", "x"), add("d/e/y.txt", "y"));
        ObjectId c2 = commit(null, add("a.txt", "2"));
        assertThat(git.list("r1", c2, "", false)).extracting(FileEntry::path).containsExactly(".gitattributes", "a.txt", "d");
        assertThat(git.list("r1", c2, "", true)).extracting(FileEntry::path)
                .containsExactly(".gitattributes", "a.txt", "d", "d/e", "d/e/y.txt", "d/x.txt");
        assertThat(git.list("r1", c2, "d", false)).extracting(FileEntry::path).containsExactly("d/e", "d/x.txt");
        assertThat(git.list("r1", c2, "a.txt", false)).isNull();
        assertThat(git.list("r1", c2, "zz", false)).isNull();
        Map<String, CommitInfo> last = git.lastCommits("r1", c2, List.of("a.txt", "d", "d/e/y.txt", ".gitattributes"), 100);
        assertThat(last.get("a.txt").id()).isEqualTo(c2.name());
        assertThat(last.get("d").id()).isEqualTo(c1.name());
        assertThat(last.get("d/e/y.txt").id()).isEqualTo(c1.name());
        assertThat(last.get(".gitattributes").title()).isEqualTo("initial commit");

        ObjectId sq = git.squash("r1", "main", ALICE, "squashed");
        assertThat(git.log("r1", sq, 0, 10)).hasSize(1);
        assertThat(read(sq, "a.txt")).isEqualTo("2");
        assertThat(git.resolve("r1", c1.name())).isEqualTo(c1); // old objects stay until a gc
    }

    @Test
    void aCrashedCommitLeavesOnlyUnreachableObjects() throws Exception {
        // what a kill -9 between writing objects and moving the ref leaves: objects, no ref change
        String before = git.head("r1");
        Repository r = git.repo("r1");
        try (var ins = r.newObjectInserter()) {
            ins.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB, "orphan".getBytes(StandardCharsets.UTF_8));
            ins.flush();
        }
        assertThat(git.head("r1")).isEqualTo(before);
        ObjectId c = commit(before, add("a", "1"));
        assertThat(git.head("r1")).isEqualTo(c.name());
    }
}
