package org.mlaan.lab.core.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Refuses symbolic links inside a run folder before a process writes there: resuming writes
 * checkpoints and deletes the old ones, and through a link those writes and deletes would land
 * in the link's target, outside the run. The folder itself may be reached through a link.
 */
final class RunFolderLinks {
    private RunFolderLinks() {}

    static void refuseLinksIn(Path dir) throws IOException {
        Path real = dir.toRealPath();
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    throw new RunFolderException(dir.resolve(real.relativize(file)) + ": is a symbolic link (to "
                            + Files.readSymbolicLink(file) + "); a run folder must hold its own files, so copy"
                            + " the target in place of the link before resuming");
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
