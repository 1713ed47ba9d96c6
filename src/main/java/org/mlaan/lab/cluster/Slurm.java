package org.mlaan.lab.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Slurm commands the lab uses ({@code sbatch}, {@code squeue}, {@code sacct}, {@code scancel}),
 * run as programs on the PATH, as a user would type them; their refusals come back in their own
 * words. The programs' names can be changed for tests of a missing Slurm.
 */
public class Slurm {
    private static final long TIMEOUT_SECONDS = 60;
    private final String sbatch;
    private final String squeue;
    private final String sacct;

    public Slurm() {
        this("sbatch", "squeue", "sacct");
    }

    Slurm(String sbatch, String squeue, String sacct) {
        this.sbatch = sbatch;
        this.squeue = squeue;
        this.sacct = sacct;
    }

    /** The sbatch command line that submits {@code script} for the array tasks {@code spec}. */
    public List<String> sbatchLine(Path script, String spec) {
        return List.of(sbatch, "--parsable", "--array=" + spec, script.toString());
    }

    /**
     * Submits the array and returns its job id; a refusal, or no sbatch at all, is a
     * {@link SlurmException} with sbatch's message.
     */
    public String submit(Path script, String spec) throws IOException {
        Result r = run(sbatchLine(script, spec), "submit the job array");
        if (r.code != 0) {
            throw new SlurmException("sbatch refused the job array (exit " + r.code + "): " + r.err.strip());
        }
        String out = r.out.strip();
        // --parsable prints "jobid" or "jobid;cluster".
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("\\d+")) {
            throw new SlurmException("sbatch answered '" + out + "', expected a job id");
        }
        return id;
    }

    /**
     * What Slurm knows of the array tasks of these jobs: squeue (pending and running tasks, and
     * ended ones while the controller still holds them), then sacct for the rest when the cluster
     * keeps accounting. Empty when Slurm does not answer (no squeue here, or the jobs are gone).
     */
    public List<QueueEntry> queue(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", jobIds);
        List<QueueEntry> out = new ArrayList<>();
        try {
            Result q = run(List.of(squeue, "--array", "--noheader", "--states=all", "--jobs=" + ids,
                    "--format=%F|%K|%T|%r"), "ask squeue");
            if (q.code == 0) {
                out.addAll(parse(q.out));
            }
        } catch (IOException e) {
            // no squeue: the run folders alone tell
        }
        try {
            Result a = run(List.of(sacct, "--noheader", "--parsable2", "--allocations", "--jobs=" + ids,
                    "--format=JobID,State"), "ask sacct");
            if (a.code == 0) {
                for (QueueEntry e : parseSacct(a.out)) {
                    boolean known = out.stream().anyMatch(o -> o.jobId().equals(e.jobId()) && o.task() == e.task());
                    if (!known) {
                        out.add(e);
                    }
                }
            }
        } catch (IOException e) {
            // no accounting on this cluster: squeue's answer is all there is
        }
        return out;
    }

    /** squeue lines {@code arrayJobId|taskId|STATE|reason}; a task id that is a range (not expanded) is skipped. */
    static List<QueueEntry> parse(String text) {
        List<QueueEntry> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] c = line.strip().split("\\|", -1);
            if (c.length < 4 || !c[1].matches("\\d+")) {
                continue;
            }
            out.add(new QueueEntry(c[0], Integer.parseInt(c[1]), c[2], c[3]));
        }
        return out;
    }

    /** sacct lines {@code jobId_task|STATE ...}; "CANCELLED by 0" keeps its first word. */
    static List<QueueEntry> parseSacct(String text) {
        List<QueueEntry> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] c = line.strip().split("\\|", -1);
            if (c.length < 2 || !c[0].matches("\\d+_\\d+")) {
                continue;
            }
            String[] id = c[0].split("_");
            out.add(new QueueEntry(id[0], Integer.parseInt(id[1]), c[1].split(" ")[0], "None"));
        }
        return out;
    }

    private record Result(int code, String out, String err) {}

    private Result run(List<String> command, String what) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SlurmException("cannot " + what + ": no '" + command.get(0) + "' on the PATH (is this a machine"
                    + " of a Slurm cluster? with --dry-run the job array is written without submitting)");
        }
        try {
            p.getOutputStream().close();
            // Both streams are small (a job id, a queue listing); read them on one thread each way.
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> err.complete(read(p.getErrorStream())), "slurm-stderr");
            t.setDaemon(true);
            t.start();
            String out = read(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SlurmException("cannot " + what + ": '" + command.get(0) + "' did not answer within "
                        + TIMEOUT_SECONDS + " s (is slurmctld up?)");
            }
            return new Result(p.exitValue(), out, err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
