package org.mlaan.lab.cluster;

import java.io.IOException;

/**
 * Slurm could not be asked, or refused (no {@code sbatch} on the PATH, a partition that does not
 * exist, a time limit beyond the partition's): the message holds Slurm's own words. The user's
 * input or set-up, so the command line exits with 2.
 */
public final class SlurmException extends IOException {
    private static final long serialVersionUID = 1L;

    public SlurmException(String message) {
        super(message);
    }
}
