package org.mlaan.lab.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the commit a working tree is at by reading git's files ({@code .git/HEAD}, the ref it
 * names, {@code packed-refs}), without running git. Worktrees ({@code .git} as a file naming the
 * real git folder, refs in its {@code commondir}) are followed.
 */
public final class GitCommit {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitCommit() {}

    /** The commit of the first repository at or above {@code start}, if any can be read. */
    public static Optional<String> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return headOf(gitDir(dotGit));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Path gitDir(Path dotGit) throws IOException {
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        String text = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
        if (!text.startsWith("gitdir:")) {
            throw new IOException("not a git link: " + dotGit);
        }
        Path target = Path.of(text.substring("gitdir:".length()).trim());
        return target.isAbsolute() ? target : dotGit.getParent().resolve(target).normalize();
    }

    private static Optional<String> headOf(Path gitDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (SHA.matcher(head).matches()) {
            return Optional.of(head);
        }
        if (!head.startsWith("ref:")) {
            return Optional.empty();
        }
        String ref = head.substring("ref:".length()).trim();
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            Path c = Path.of(Files.readString(commonFile, StandardCharsets.UTF_8).trim());
            common = c.isAbsolute() ? c : gitDir.resolve(c).normalize();
        }
        for (Path dir : List.of(gitDir, common)) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
                if (SHA.matcher(sha).matches()) {
                    return Optional.of(sha);
                }
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }
}
