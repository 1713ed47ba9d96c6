/**
 * Handing the lab's queues to a cluster's scheduler (Slurm) instead of growing one of its own: an
 * ablation or seed sweep becomes a job array whose tasks each run the lab's own {@code train}
 * into a run folder, and the folders are read back as a local ablation's are. Knows core and the
 * analysis plans; never DJL, the engine or the window.
 */
package org.mlaan.lab.cluster;
