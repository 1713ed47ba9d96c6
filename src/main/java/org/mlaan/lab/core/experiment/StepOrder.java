package org.mlaan.lab.core.experiment;

import org.mlaan.lab.core.config.ConfigWord;

/**
 * The order in which a local step forwards and backwards its modules (decision 0005). Both give
 * the reference code's gradients; they differ in how often each module's BatchNorm running
 * statistics are updated, and so in the test error a run reaches, which is why a run folder says
 * which one trained it.
 */
public enum StepOrder implements ConfigWord {
    /** ALGORITHMS.md Part A.6: each module's losses backwarded at once, its activations freed before the next. */
    REFERENCE("reference"),
    /** Each backbone module forwarded once a step, every cascaded window backwarded through the kept graphs. */
    REUSE("reuse");

    /** The system property that picks the order ({@code -Dmlaan.order=reference|reuse}); REUSE when unset. */
    public static final String PROPERTY = "mlaan.order";

    private final String id;

    StepOrder(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** The order this process trains with: {@value #PROPERTY}, or REUSE. */
    public static StepOrder current() {
        return parse(System.getProperty(PROPERTY));
    }

    /** {@code reference} or {@code reuse} (any case); REUSE when null or blank. */
    public static StepOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return REUSE;
        }
        try {
            return ConfigWord.parse(StepOrder.class, value, "step order");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be reference or reuse, got '" + value + "'", e);
        }
    }
}
