package org.mlaan.lab.core.local;

/**
 * One module's InfoPro loss weights (ALGORITHMS.md Part B §3), read by InfoPro heads only.
 *
 * @param recon weight of the reconstruction loss
 * @param cls weight of the classification loss
 */
public record InfoProLambdas(double recon, double cls) {}
