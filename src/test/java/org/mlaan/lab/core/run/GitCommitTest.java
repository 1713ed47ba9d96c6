package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    @Test
    void looseBranchRefIsReadFromAnySubfolder() throws IOException {
        Path git = Files.createDirectories(tmp.resolve("repo/.git/refs/heads"));
        Files.writeString(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), SHA + "\n");
        Path deep = Files.createDirectories(tmp.resolve("repo/a/b"));
        assertEquals(Optional.of(SHA), GitCommit.find(deep));
    }

    @Test
    void packedRefIsUsedWhenThereIsNoLooseOne() throws IOException {
        Files.createDirectories(tmp.resolve("repo/.git"));
        Files.writeString(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(tmp.resolve("repo/.git/packed-refs"),
                "# pack-refs with: peeled\n" + OTHER + " refs/heads/other\n" + SHA + " refs/heads/main\n");
        assertEquals(Optional.of(SHA), GitCommit.find(tmp.resolve("repo")));
    }

    @Test
    void worktreeLinkIsFollowedToTheCommonRefs() throws IOException {
        Path common = Files.createDirectories(tmp.resolve("main/.git/refs/heads"));
        Files.writeString(common.resolve("engine"), SHA + "\n");
        Path wtGit = Files.createDirectories(tmp.resolve("main/.git/worktrees/wt"));
        Files.writeString(wtGit.resolve("HEAD"), "ref: refs/heads/engine\n");
        Files.writeString(wtGit.resolve("commondir"), "../..\n");
        Files.createDirectories(tmp.resolve("wt"));
        Files.writeString(tmp.resolve("wt/.git"), "gitdir: " + wtGit + "\n");
        assertEquals(Optional.of(SHA), GitCommit.find(tmp.resolve("wt")));
    }

    @Test
    void detachedHeadIsTheCommitItself() throws IOException {
        Files.createDirectories(tmp.resolve("repo/.git"));
        Files.writeString(tmp.resolve("repo/.git/HEAD"), OTHER + "\n");
        assertEquals(Optional.of(OTHER), GitCommit.find(tmp.resolve("repo")));
    }

    @Test
    void noRepositoryGivesNothing() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        // A temp folder may itself sit inside a repository; only assert when it does not.
        if (GitCommit.find(tmp.getParent()).isEmpty()) {
            assertEquals(Optional.empty(), GitCommit.find(plain));
        }
    }
}
