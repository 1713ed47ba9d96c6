package org.mlaan.lab.core.local;

import org.mlaan.lab.core.config.ConfigWord;

/**
 * What the InfoPro weights interpolate over (ALGORITHMS.md Part B §3, §4, §6): ratio = index/(K-2)
 * with the module index (InfoPro), the stage of the module's own last block (InfoPro+MLAAN,
 * {@code resnetInfoProbin.py}: {@code infopro_config[i]}), or the stage of the block after the module
 * (MAN, {@code resnetInfoPro_MAN.py}: the block its copies and heads belong to).
 */
public enum LambdaRatio implements ConfigWord {
    MODULE("module"),
    STAGE("stage"),
    NEXT_STAGE("nextStage");

    private final String id;

    LambdaRatio(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static LambdaRatio parse(String text) {
        return ConfigWord.parse(LambdaRatio.class, text, "lambda ratio");
    }
}
