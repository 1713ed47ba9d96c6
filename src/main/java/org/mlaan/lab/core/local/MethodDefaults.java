package org.mlaan.lab.core.local;

import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.plan.Arch;

/**
 * The roles each method name gives every module before the config's overrides
 * (ALGORITHMS.md Part A.2; the weights are the reference code's, docs/decisions/0003).
 *
 * @param independentHead head on the module's own output
 * @param wx its weight (0.001 under a cascade, as the MLAAN code's constructor default)
 * @param window cascaded window (2 on CIFAR nets, 3 on ImageNet nets, as the code)
 * @param cascadeHead head of the cascaded path
 * @param wy its weight (0.999)
 * @param leap whether modules get leap auxiliaries
 * @param momentumAux MAN or MAN++ on the next block
 * @param copyInit how copies start
 * @param lambdaRatio what InfoPro's weights interpolate over
 * @param lambdas InfoPro's [ixx_1, ixy_1, ixx_2, ixy_2]
 * @param quietBeforeFullWindow whether modules before the first full cascaded window (i < w - 1)
 *     carry no independent loss either, as the MLM code computes no loss there (Part B §4)
 */
public record MethodDefaults(
        HeadKind independentHead,
        double wx,
        int window,
        HeadKind cascadeHead,
        double wy,
        boolean leap,
        MomentumAuxKind momentumAux,
        CopyInit copyInit,
        LambdaRatio lambdaRatio,
        double[] lambdas,
        boolean quietBeforeFullWindow) {

    /** Part A.2, Part B §5 and §6: EMA momentum m of leap and MAN twins (the code's and the README's 0.995). */
    public static final double EMA_MOMENTUM = 0.995;
    /** Part B §5: only the first block of a leap stack has an EMA twin. */
    public static final int EMA_TWINS = 1;
    /** Part A.4: every twin is updated every step. */
    public static final EmaUpdate EMA_UPDATE = EmaUpdate.EVERY;
    /** Part A.5: the last module trains on both its x and y losses under a cascade. */
    public static final LastModuleLoss LAST_MODULE_LOSS = LastModuleLoss.BOTH;
    /** Part B §10: AugLocal's largest head depth d. */
    public static final int AUGLOCAL_DEPTH = 3;

    /** The MLAAN code's constructor defaults (Part B §4). */
    public static final double CASCADE_WX = 0.001;
    public static final double CASCADE_WY = 0.999;
    /** InfoPro weights when a config names none: CIFAR-10 ResNet-110 K=2 of comand.sh with the cls weight kept to the end. */
    private static final double[] INFOPRO_LAMBDAS = {5, 0.5, 0, 1};
    /** MAN README: ixx 5 -> 0, ixy 0.5 -> 0 (Part B §6). */
    private static final double[] MAN_LAMBDAS = {5, 0.5, 0, 0};

    /** What every module of the method inherits before the config's {@code local.*} fields. */
    public LocalSettings settings() {
        return new LocalSettings(independentHead, wx, window, cascadeHead, wy, EMA_TWINS, EMA_MOMENTUM);
    }

    public static MethodDefaults of(Method method, Arch arch) {
        int w = arch.family() == Arch.Family.CIFAR ? 2 : 3;
        switch (method) {
            case BP:
                return simple(HeadKind.NONE);
            case DGL:
                return simple(HeadKind.DGL);
            case INFOPRO:
                return new MethodDefaults(HeadKind.INFOPRO_1C2F, 1, 0, HeadKind.NONE, 0, false, MomentumAuxKind.NONE,
                        CopyInit.COPY, LambdaRatio.MODULE, INFOPRO_LAMBDAS, false);
            // resnetMLAAN.py: g_i and h_i are both the GAP + linear probe (Part A.2 correction, Part B §4).
            case DGL_MLM:
                return cascade(HeadKind.PROBE, w, HeadKind.PROBE, false, LambdaRatio.MODULE);
            case DGL_LAM:
                return cascade(HeadKind.PROBE, 1, HeadKind.PROBE, true, LambdaRatio.MODULE);
            case DGL_MLAAN:
                return cascade(HeadKind.PROBE, w, HeadKind.PROBE, true, LambdaRatio.MODULE);
            case INFOPRO_MLAAN:
                // resnetInfoProbin.py: InfoPro heads on both paths, lambda ratio over the stage of the
                // module's own last block (Part B §4).
                return cascade(HeadKind.INFOPRO_1C2F, w, HeadKind.INFOPRO_1C2F, true, LambdaRatio.STAGE);
            case MAN:
            case MAN_PLUS_PLUS:
                // MC/train.py: 2c2f head with decoder, ratio over the next block's stage, copies
                // re-initialised (Part B §6).
                return new MethodDefaults(HeadKind.INFOPRO_2C2F, 1, 0, HeadKind.NONE, 0, false,
                        method == Method.MAN ? MomentumAuxKind.MAN : MomentumAuxKind.MAN_PLUS_PLUS, CopyInit.REINIT,
                        LambdaRatio.NEXT_STAGE, MAN_LAMBDAS, false);
            case AUGLOCAL:
                return simple(HeadKind.AUGLOCAL);
            default:
                throw new IllegalArgumentException("no defaults for " + method);
        }
    }

    private static MethodDefaults simple(HeadKind head) {
        return new MethodDefaults(head, 1, 0, HeadKind.NONE, 0, false, MomentumAuxKind.NONE, CopyInit.COPY,
                LambdaRatio.MODULE, INFOPRO_LAMBDAS, false);
    }

    private static MethodDefaults cascade(HeadKind independent, int window, HeadKind cascadeHead, boolean leap,
            LambdaRatio ratio) {
        return new MethodDefaults(independent, CASCADE_WX, window, cascadeHead, CASCADE_WY, leap, MomentumAuxKind.NONE,
                CopyInit.COPY, ratio, INFOPRO_LAMBDAS, true);
    }
}
