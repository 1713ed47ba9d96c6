package org.mlaan.lab.engine;

/**
 * Test-set errors of one evaluation.
 *
 * @param top1Error fraction of images whose largest logit is not the label
 * @param top5Error fraction whose label is not among the five largest (NaN with 10 classes or fewer)
 * @param images images evaluated
 * @param wrongByClass top-1 mistakes among the images of each class (by label)
 * @param countByClass images of each class
 */
public record Evaluation(double top1Error, double top5Error, int images, long[] wrongByClass, long[] countByClass) {

    public Evaluation {
        wrongByClass = wrongByClass.clone();
        countByClass = countByClass.clone();
    }

    @Override
    public long[] wrongByClass() {
        return wrongByClass.clone();
    }

    @Override
    public long[] countByClass() {
        return countByClass.clone();
    }
}
