package org.mlaan.lab.ui.common;

import javafx.scene.paint.Color;

/**
 * The colours of test error in the ablation matrices (the Analyses tab's and the lesson's): the lowest error of the shown cells pale
 * green, the highest pale red, amber between, so the better combination stands out at a glance
 * while black text stays readable on every cell.
 */
public final class ErrorScale {
    public static final Color LOW = Color.web("#b9e4b0");
    public static final Color MID = Color.web("#f7e3a1");
    public static final Color HIGH = Color.web("#f2aca4");
    public static final Color NONE = Color.web("#eceff1");

    private final double min;
    private final double max;

    /** A scale over the errors {@code min..max} (equal: every cell gets the low colour). */
    public ErrorScale(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** Where {@code error} sits on the scale, 0 (lowest) .. 1 (highest). */
    public double position(double error) {
        if (!(max > min)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (error - min) / (max - min)));
    }

    public Color colour(double error) {
        if (Double.isNaN(error)) {
            return NONE;
        }
        double t = position(error);
        return t <= 0.5 ? LOW.interpolate(MID, t * 2) : MID.interpolate(HIGH, (t - 0.5) * 2);
    }
}
