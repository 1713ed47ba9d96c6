package org.mlaan.lab.engine.auxnet;

import ai.djl.nn.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every auxiliary component of a run, by stable unique parameter names, as the training step hands
 * them on: the trainable parameters to the optimiser (EMA twins are never among them), the twins'
 * averaged parameters for inspection, and every array for checkpoints. Names are the caller's
 * prefix plus the component's own names, e.g. {@code aux.m3.leap0.01conv1_weight}.
 */
public final class AuxParameters {
    private final Map<String, Parameter> trainable = new LinkedHashMap<>();
    private final Map<String, Parameter> twins = new LinkedHashMap<>();
    private final Map<String, Parameter> all = new LinkedHashMap<>();

    /** The usual prefix of module {@code module}'s component {@code role}: {@code aux.m<module>.<role>.}. */
    public static String prefix(int module, String role) {
        return "aux.m" + module + "." + (role.isEmpty() ? "" : role + ".");
    }

    /**
     * Adds {@code component} under {@code prefix}; returns this.
     *
     * @throws IllegalArgumentException when a resulting name is already taken
     */
    public AuxParameters add(String prefix, AuxComponent component) {
        Map<String, Parameter> named = BlockParameters.prefixed(prefix, component.allParameters());
        for (String name : named.keySet()) {
            if (all.containsKey(name)) {
                throw new IllegalArgumentException("parameter name '" + name + "' is already taken;"
                        + " give each component of a module its own prefix");
            }
        }
        all.putAll(named);
        trainable.putAll(BlockParameters.prefixed(prefix, component.trainableParameters()));
        twins.putAll(BlockParameters.prefixed(prefix, component.twinParameters()));
        return this;
    }

    /** The parameters the optimiser updates, in the order added. */
    public Map<String, Parameter> trainable() {
        return Collections.unmodifiableMap(trainable);
    }

    /** The EMA twins' averaged parameters (no BN running statistics). */
    public Map<String, Parameter> twins() {
        return Collections.unmodifiableMap(twins);
    }

    /** Every array of every component (trainable, running statistics, twins). */
    public Map<String, Parameter> all() {
        return Collections.unmodifiableMap(all);
    }

    /** Number of trainable values. */
    public long trainableCount() {
        return BlockParameters.count(trainable);
    }

    /** Number of EMA-averaged values. */
    public long twinCount() {
        return BlockParameters.count(twins);
    }
}
