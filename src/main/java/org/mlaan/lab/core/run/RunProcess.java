package org.mlaan.lab.core.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that writes a run folder: its pid, the host it runs on and when it started. With
 * the pid's start time a reader on the same host can tell the writer from a later process that
 * got the same pid; a reader on another host goes by the heartbeat instead ({@link RunLiveness}).
 *
 * @param pid the operating system's process id
 * @param host the host name
 * @param started when the process started, ISO-8601 instant (null where the OS does not say)
 */
public record RunProcess(long pid, String host, String started) {

    /** This JVM. */
    public static RunProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunProcess(self.pid(), hostName(), startOf(self).orElse(null));
    }

    /** Whether this process is alive, as far as this host can tell; empty when it runs on another host. */
    public Optional<Boolean> aliveHere() {
        if (!hostName().equals(host)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return Optional.of(false);
        }
        // A pid is reused once its process is gone: the start time tells the writer from a newcomer.
        Optional<String> start = startOf(handle.get());
        return Optional.of(started == null || start.isEmpty() || start.get().equals(started));
    }

    /** "pid 1234 on host, started 2026-...". */
    public String describe() {
        return "pid " + pid + " on " + host + (started == null ? "" : ", started " + started);
    }

    private static Optional<String> startOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toString);
    }

    /** The host's name without a DNS lookup where the kernel says it (a lookup can hang on a closed network). */
    static String hostName() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
