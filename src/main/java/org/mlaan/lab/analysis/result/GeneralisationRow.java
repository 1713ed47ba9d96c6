package org.mlaan.lab.analysis.result;

import org.mlaan.lab.core.config.Method;

/**
 * A checkpoint trained on one data set, evaluated on another with the same classes (MLAAN
 * paper, Table 6).
 *
 * @param run the run's name
 * @param method the run's method
 * @param trainedOn the data set it trained on (a short description)
 * @param evaluatedOn the data set it is evaluated on
 * @param trainedOnError test top-1 error on its own test set, 0..1
 * @param evaluatedOnError top-1 error on the other set, 0..1
 * @param images images of the other set evaluated
 */
public record GeneralisationRow(String run, Method method, String trainedOn, String evaluatedOn,
        double trainedOnError, double evaluatedOnError, int images) {}
