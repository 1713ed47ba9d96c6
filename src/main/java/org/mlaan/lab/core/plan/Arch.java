package org.mlaan.lab.core.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The residual networks the lab can build: the CIFAR family of He et al. (three stages of basic
 * blocks, widths 16/32/64, ALGORITHMS.md Part B §1) and the torchvision ImageNet family (four
 * stages of basic or bottleneck blocks).
 */
public enum Arch {
    RESNET20(Family.CIFAR, BlockType.BASIC, 3, 3, 3),
    RESNET32(Family.CIFAR, BlockType.BASIC, 5, 5, 5),
    RESNET44(Family.CIFAR, BlockType.BASIC, 7, 7, 7),
    RESNET56(Family.CIFAR, BlockType.BASIC, 9, 9, 9),
    RESNET110(Family.CIFAR, BlockType.BASIC, 18, 18, 18),
    RESNET18(Family.IMAGENET, BlockType.BASIC, 2, 2, 2, 2),
    RESNET34(Family.IMAGENET, BlockType.BASIC, 3, 4, 6, 3),
    RESNET50(Family.IMAGENET, BlockType.BOTTLENECK, 3, 4, 6, 3),
    RESNET101(Family.IMAGENET, BlockType.BOTTLENECK, 3, 4, 23, 3),
    RESNET152(Family.IMAGENET, BlockType.BOTTLENECK, 3, 8, 36, 3);

    /** Where the network comes from, which fixes its stem, widths and natural input size. */
    public enum Family {
        /** 3x3 stem, no max-pool, widths 16/32/64; natural input 32x32. */
        CIFAR,
        /** 7x7 stride-2 stem with max-pool, widths 64..512; natural input 224x224. */
        IMAGENET
    }

    private final Family family;
    private final BlockType blockType;
    private final int[] blocksPerStage;

    Arch(Family family, BlockType blockType, int... blocksPerStage) {
        this.family = family;
        this.blockType = blockType;
        this.blocksPerStage = blocksPerStage;
    }

    public Family family() {
        return family;
    }

    public BlockType blockType() {
        return blockType;
    }

    /** Number of residual blocks in each stage, stage 1 first. */
    public int[] blocksPerStage() {
        return blocksPerStage.clone();
    }

    /** The input edge the family was designed for: 32 (CIFAR) or 224 (ImageNet). */
    public int naturalInputSize() {
        return family == Family.CIFAR ? 32 : 224;
    }

    /** The class count of the family's usual data set: 10 (CIFAR) or 1000 (ImageNet). */
    public int naturalClasses() {
        return family == Family.CIFAR ? 10 : 1000;
    }

    /** The name used in configs and on the command line, e.g. {@code resnet32}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a config or command-line name such as {@code resnet32}, {@code ResNet-32} or
     * {@code RESNET32}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Arch parse(String text) {
        if (text != null) {
            String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (Arch a : values()) {
                if (a.id().equals(key)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown network '" + text + "', expected one of " + ids());
    }

    /** All accepted names, for messages. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Arch::id).collect(Collectors.toList());
    }
}
