package org.mlaan.lab.ui.common;

import javafx.scene.Node;

/** Switching a CSS style class on and off (presentation mode, states) without adding it twice. */
public final class StyleClasses {
    private StyleClasses() {}

    public static void set(Node node, String styleClass, boolean on) {
        if (on) {
            if (!node.getStyleClass().contains(styleClass)) {
                node.getStyleClass().add(styleClass);
            }
        } else {
            node.getStyleClass().remove(styleClass);
        }
    }
}
