package org.mlaan.lab.engine.auxnet;

import ai.djl.nn.Parameter;
import java.util.Map;

/**
 * An auxiliary network part of one local module (a head, a decoder, a leap stack, a MAN block
 * pair) as the training step sees its parameters. Names are stable and unique inside the component;
 * {@link AuxParameters} prefixes them per module.
 */
public interface AuxComponent {

    /**
     * The parameters the optimiser updates (weight decay and momentum included), by name. Never
     * contains an EMA twin's parameter or a BN running statistic.
     */
    Map<String, Parameter> trainableParameters();

    /**
     * The EMA-averaged parameters of frozen twins, by name: what an EMA update overwrites. BN
     * running statistics are not averaged and are not listed. Empty for components without twins.
     */
    Map<String, Parameter> twinParameters();

    /**
     * Every array the component owns, by name: trainable parameters, BN running statistics and
     * twins (everything a checkpoint must hold).
     */
    Map<String, Parameter> allParameters();
}
