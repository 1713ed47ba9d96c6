package org.mlaan.lab.core.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mlaan.lab.core.config.ConfigFiles;

/**
 * The one-writer rule of a run folder: an operating-system lock on {@code <run>/.lock}, held by
 * the process that trains the run for as long as it writes there, so a second process (another
 * {@code train --resume}, the window) is refused with the holder named instead of interleaving
 * its rows and checkpoints with the first. The OS drops the lock when the holder dies, kill -9
 * included, so a stale lock never blocks a resume. The file holds the holder's {@link RunProcess}
 * as JSON, for the message. Locks are advisory and need a file system that supports them
 * (local disks do; NFS does through its lock manager).
 */
public final class RunLock implements Closeable {
    public static final String FILE = ".lock";

    /**
     * Folders locked by this JVM. Checked before any channel is opened: closing a second channel
     * on a locked file drops the POSIX lock of the whole process on Linux, the first holder's too.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the run folder {@code dir} for this process, or refuses naming the holder. */
    public static RunLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.isSymbolicLink(file)) {
            throw new RunFolderException(file + ": is a symbolic link; a run folder's lock must be its own file");
        }
        Path key = dir.toRealPath();
        if (!HELD_HERE.add(key)) {
            throw new RunFolderException(dir + ": in use by a run this process is training (" + RunProcess.current()
                    .describe() + "); wait until it ends or stop it, then try again");
        }
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            throw e;
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException thisProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            channel.close();
            throw e;
        }
        if (lock == null) {
            HELD_HERE.remove(key);
            String holder = holderOf(channel);
            channel.close();
            throw new RunFolderException(dir + ": in use by another training process (" + holder
                    + "); wait until it ends or stop it, then try again");
        }
        try {
            byte[] json = ConfigFiles.mapper().writeValueAsBytes(RunProcess.current());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(json), 0);
            channel.force(false);
        } catch (IOException e) {
            // The lock is what matters; the holder's name is only for messages.
        }
        return new RunLock(key, channel, lock);
    }

    /** Who holds the lock, from the file's record, or "holder unknown". */
    private static String holderOf(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(buffer, 0);
            RunProcess p = ConfigFiles.mapper().readValue(new String(buffer.array(), 0, buffer.position(),
                    StandardCharsets.UTF_8), RunProcess.class);
            return p.describe();
        } catch (IOException | RuntimeException e) {
            return "holder unknown";
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
            HELD_HERE.remove(key);
        }
    }
}
