package dev.skiff.hub.git;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GitRulesTest {
    @Test
    void attributesFollowGitMatchingAndTheLastLineWins() {
        GitRules.Attributes a = GitRules.Attributes.parse("""
                *.bin filter=lfs diff=lfs merge=lfs -text
                saved_model/**/* filter=lfs diff=lfs merge=lfs -text
                keep.bin -filter
                docs/*.pdf filter=lfs
                """);
        assertThat(a.isLfs("w.bin")).isTrue();
        assertThat(a.isLfs("deep/dir/w.bin")).isTrue();
        assertThat(a.isLfs("keep.bin")).isFalse();
        assertThat(a.isLfs("saved_model/v1/variables/x")).isTrue();
        assertThat(a.isLfs("docs/a.pdf")).isTrue();
        assertThat(a.isLfs("other/docs/a.pdf")).isFalse();
        assertThat(a.isLfs("w.txt")).isFalse();
        assertThat(GitRules.Attributes.parse(null).isLfs("a.bin")).isFalse();
        assertThat(GitRules.Attributes.parse(GitRules.lfsLine("a b/#c*.txt")).isLfs("a b/#c*.txt")).isTrue();
        assertThat(GitRules.Attributes.parse(GitRules.lfsLine("a b/#c*.txt")).isLfs("a b/#cX.txt")).isFalse();
    }

    @Test
    void ignoreRulesCoverParentFoldersAndNegation() {
        GitRules.Ignore i = GitRules.Ignore.parse("""
                # comment
                *.log
                build/
                !important.log
                /rooted.txt
                """);
        assertThat(i.isIgnored("x.log")).isTrue();
        assertThat(i.isIgnored("a/b/x.log")).isTrue();
        assertThat(i.isIgnored("important.log")).isFalse();
        assertThat(i.isIgnored("build/out.bin")).isTrue();
        assertThat(i.isIgnored("src/build/out.bin")).isTrue();
        assertThat(i.isIgnored("build")).isFalse(); // a file named build is not the folder
        assertThat(i.isIgnored("rooted.txt")).isTrue();
        assertThat(i.isIgnored("sub/rooted.txt")).isFalse();
        assertThat(i.isIgnored("main.py")).isFalse();
        assertThat(GitRules.Ignore.parse("").isIgnored("x")).isFalse();
    }
}
