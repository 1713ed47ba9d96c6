package org.mlaan.lab.engine;

/**
 * Test-set errors of one evaluation.
 *
 * @param top1Error fraction of images whose largest logit is not the label
 * @param top5Error fraction whose label is not among the five largest (NaN with 10 classes or fewer)
 * @param images images evaluated
 */
public record Evaluation(double top1Error, double top5Error, int images) {}
