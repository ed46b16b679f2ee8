package dev.skiff.hub.files;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.skiff.hub.files.HubFixture.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** git smart HTTP: clone with and without .git, private repos over Basic auth, pushes by the rules. */
class GitHttpTest {
    @TempDir
    Path tmp;
    HubFixture hub;

    SystemReader machine;

    /** JGit without the machine's git configuration (a global git-lfs install would run its hooks and filters). */
    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(tmp.resolve("data"));
        machine = SystemReader.getInstance();
        Path empty = Files.writeString(tmp.resolve("empty.gitconfig"), "");
        SystemReader.setInstance(new SystemReader.Delegate(machine) {
            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, empty.toFile(), fs);
            }

            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, empty.toFile(), fs);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        SystemReader.setInstance(machine);
        hub.close();
    }

    @Test
    void clonesPublicReposWithPointersForLfsFiles() throws Exception {
        String repo = hub.createRepo("model", "g", false);
        String head = hub.commitOk(repo, file("a.txt", "A"), file("w.bin", "weights"));
        for (String url : new String[] {hub.base + "/" + repo, hub.base + "/" + repo + ".git"}) {
            Path dir = Files.createTempDirectory(tmp, "clone");
            try (Git g = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setNoCheckout(true).call()) {
                Repository r = g.getRepository();
                assertThat(r.resolve("HEAD").name()).isEqualTo(head);
                RevCommit c = r.parseCommit(r.resolve("HEAD"));
                try (TreeWalk tw = TreeWalk.forPath(r, "a.txt", c.getTree())) {
                    assertThat(new String(r.open(tw.getObjectId(0)).getBytes())).isEqualTo("A");
                }
                try (TreeWalk tw = TreeWalk.forPath(r, "w.bin", c.getTree())) {
                    // the pointer; the content comes from the LFS batch API (git-lfs, when installed)
                    assertThat(new String(r.open(tw.getObjectId(0)).getBytes()))
                            .startsWith("version https://git-lfs.github.com/spec/v1\noid sha256:");
                }
            }
        }
    }

    @Test
    void privateReposNeedATokenAsBasicPassword() throws Exception {
        String d = hub.createRepo("dataset", "p", true);
        hub.commit("datasets", d, "main", hub.alice, HubFixture.header("x", null), file("x.csv", "1,2\n"));
        String url = hub.base + "/datasets/" + d;
        HubFixture.Reply anon = hub.get("/datasets/" + d + "/info/refs?service=git-upload-pack", null);
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(hub.get("/datasets/" + d + ".git/info/refs?service=git-upload-pack", hub.bob).status()).isEqualTo(404);
        assertThatThrownBy(() -> Git.cloneRepository().setURI(url).setDirectory(tmp.resolve("anon").toFile()).call())
                .isInstanceOf(GitAPIException.class);
        assertThatThrownBy(() -> Git.cloneRepository().setURI(url).setDirectory(tmp.resolve("bob").toFile())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("bob", hub.bob)).call())
                .isInstanceOf(GitAPIException.class);
        Path dir = tmp.resolve("alice");
        try (Git g = Git.cloneRepository().setURI(url).setDirectory(dir.toFile())
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("alice", hub.alice)).call()) {
            assertThat(Files.readString(dir.resolve("x.csv"))).isEqualTo("1,2\n");
        }
    }

    static UsernamePasswordCredentialsProvider as(String user, String token) {
        return new UsernamePasswordCredentialsProvider(user, token);
    }

    @Test
    void pushesMoveBranchesByTheRulesAndUpdateTheMetadata() throws Exception {
        String repo = hub.createRepo("model", "push", false);
        hub.commitOk(repo, file("a.txt", "A"));
        String url = hub.base + "/" + repo;
        Path dir = tmp.resolve("work");
        try (Git g = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).call()) {
            Files.writeString(dir.resolve("README.md"), "---\nlicense: apache-2.0\n---\n# pushed\n");
            g.add().addFilepattern("README.md").call();
            RevCommit c = g.commit().setMessage("pushed over git").setAuthor("alice", "a@x").setCommitter("alice", "a@x").call();

            // anonymous and other users' pushes fail; nothing moves
            assertThatThrownBy(() -> g.push().call()).isInstanceOf(TransportException.class);
            assertThatThrownBy(() -> g.push().setCredentialsProvider(as("bob", hub.bob)).call()).isInstanceOf(TransportException.class);
            assertThatThrownBy(() -> g.push().setCredentialsProvider(as("alice", hub.aliceRead)).call())
                    .isInstanceOf(TransportException.class);
            assertThat(status(g.push().setCredentialsProvider(as("alice", hub.alice)).call())).containsExactly(RemoteRefUpdate.Status.OK);
            HubFixture.Reply info = hub.get("/api/models/" + repo, null);
            assertThat(info.json().get("sha").asText()).isEqualTo(c.name());
            assertThat(info.json().get("cardData").get("license").asText()).isEqualTo("apache-2.0");
            assertThat(hub.get("/" + repo + "/resolve/main/README.md", null).text()).contains("# pushed");
            assertThat(hub.get("/api/models?author=alice&expand=sha", null).json().get(0).get("sha").asText()).isEqualTo(c.name());

            // a pointer to an LFS object the hub does not have is refused
            Files.writeString(dir.resolve("w.bin"), new dev.skiff.hub.lfs.LfsPointer("e".repeat(64), 12).text());
            g.add().addFilepattern("w.bin").call();
            g.commit().setMessage("dangling pointer").setAuthor("alice", "a@x").setCommitter("alice", "a@x").call();
            Iterable<PushResult> res = g.push().setCredentialsProvider(as("alice", hub.alice)).call();
            assertThat(status(res)).containsExactly(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(res.iterator().next().getRemoteUpdates().iterator().next().getMessage()).contains("LFS objects missing");
            assertThat(hub.get("/api/models/" + repo, null).json().get("sha").asText()).isEqualTo(c.name());

            // main cannot be deleted; other branches and tags can be pushed and deleted
            assertThat(status(g.push().setRefSpecs(new RefSpec(":refs/heads/main")).setCredentialsProvider(as("alice", hub.alice)).call()))
                    .containsExactly(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(status(g.push().setRefSpecs(new RefSpec(c.name() + ":refs/heads/dev")).setCredentialsProvider(as("alice", hub.alice)).call()))
                    .containsExactly(RemoteRefUpdate.Status.OK);
            assertThat(status(g.push().setRefSpecs(new RefSpec(c.name() + ":refs/pr/1")).setCredentialsProvider(as("alice", hub.alice)).call()))
                    .containsExactly(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(hub.get("/api/models/" + repo + "/revision/dev", null).json().get("sha").asText()).isEqualTo(c.name());
            assertThat(status(g.push().setRefSpecs(new RefSpec(":refs/heads/dev")).setCredentialsProvider(as("alice", hub.alice)).call()))
                    .containsExactly(RemoteRefUpdate.Status.OK);
            assertThat(hub.get("/api/models/" + repo + "/revision/dev", null).status()).isEqualTo(404);
        }
    }

    static java.util.List<RemoteRefUpdate.Status> status(Iterable<PushResult> results) {
        java.util.List<RemoteRefUpdate.Status> out = new java.util.ArrayList<>();
        for (PushResult r : results) {
            for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                out.add(u.getStatus());
            }
        }
        return out;
    }
}
