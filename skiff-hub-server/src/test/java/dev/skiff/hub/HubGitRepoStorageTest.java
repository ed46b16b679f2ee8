package dev.skiff.hub;

import dev.skiff.hub.repo.DefaultGitAttributes;
import dev.skiff.hub.repo.GitRepoStorage;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubGitRepoStorageTest {
    @TempDir
    Path tmp;

    @Test
    void createsABareRepoWithTheHubsInitialCommitOnMain() throws Exception {
        GitRepoStorage git = new GitRepoStorage(tmp);
        git.create("abc123", "model");
        String head = git.head("abc123");
        assertThat(head).matches("[0-9a-f]{40}");
        assertThat(Files.isDirectory(tmp.resolve("abc123.git"))).isTrue();
        assertThat(Files.exists(tmp.resolve(".tmp"))).isTrue();
        try (Stream<Path> leftovers = Files.list(tmp.resolve(".tmp"))) {
            assertThat(leftovers).isEmpty();
        }

        try (Repository repo = git.open("abc123"); RevWalk walk = new RevWalk(repo)) {
            assertThat(repo.isBare()).isTrue();
            assertThat(repo.exactRef(Constants.HEAD).getTarget().getName()).isEqualTo("refs/heads/main");
            RevCommit c = walk.parseCommit(repo.resolve("main"));
            assertThat(c.name()).isEqualTo(head);
            assertThat(c.getParentCount()).isZero();
            assertThat(c.getFullMessage()).isEqualTo("initial commit");
            assertThat(c.getAuthorIdent().getName()).isEqualTo("Skiff");
            try (TreeWalk tw = new TreeWalk(repo)) {
                tw.addTree(c.getTree());
                assertThat(tw.next()).isTrue();
                assertThat(tw.getPathString()).isEqualTo(".gitattributes");
                String text = new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                assertThat(text).isEqualTo(DefaultGitAttributes.content("model"))
                        .contains("*.safetensors filter=lfs diff=lfs merge=lfs -text\n", "*.pkl filter=lfs", "*tfevents* filter=lfs")
                        .doesNotContain("*.png");
                assertThat(tw.next()).isFalse();
            }
        }
    }

    @Test
    void datasetsTrackMediaTooAndSpacesUseTheModelList() throws Exception {
        assertThat(DefaultGitAttributes.content("dataset")).startsWith(DefaultGitAttributes.content("model"))
                .contains("*.png filter=lfs diff=lfs merge=lfs -text\n", "*.mp3 filter=lfs", "*.parquet filter=lfs");
        assertThat(DefaultGitAttributes.content("space")).isEqualTo(DefaultGitAttributes.content("model"));
        GitRepoStorage git = new GitRepoStorage(tmp);
        git.create("d1", "dataset");
        git.create("d2", "dataset");
        assertThat(git.head("d1")).matches("[0-9a-f]{40}");
        assertThat(git.head("d2")).matches("[0-9a-f]{40}");
    }

    @Test
    void refusesExistingIdsAndPathTricks() {
        GitRepoStorage git = new GitRepoStorage(tmp);
        git.create("x", "model");
        assertThatThrownBy(() -> git.create("x", "model")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> git.create("../evil", "model")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> git.head("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesTheRepoAndIgnoresMissingOnes() {
        GitRepoStorage git = new GitRepoStorage(tmp);
        git.create("x", "space");
        git.delete("x");
        assertThat(Files.exists(tmp.resolve("x.git"))).isFalse();
        git.delete("x");
        git.create("x", "model");
        assertThat(git.head("x")).matches("[0-9a-f]{40}");
    }
}
