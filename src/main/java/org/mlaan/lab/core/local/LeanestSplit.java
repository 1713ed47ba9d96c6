package org.mlaan.lab.core.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.plan.NetworkPlan;

/**
 * The cuts, for the same number of modules and the same method, whose estimated activation peak
 * (ALGORITHMS.md Part A.6, {@link ActivationEstimate}) is lowest: what the split editor proposes
 * to a person after the saving local learning exists for. The estimate of the resolved plan
 * decides, not a rule of thumb, so each method's windows and leap stacks count as they train.
 *
 * <p>Two splits with the same peak are told apart by their next-largest module, and so on. Where
 * there are few splits (up to {@value #EXHAUSTIVE_LIMIT}) every one is tried; otherwise a
 * steepest-descent walk from the drawn cuts moves one or two cuts a round. The walk is a
 * heuristic: the tests check that it reaches the exhaustive optimum on the small ResNets.
 */
public final class LeanestSplit {
    /** A proposal smaller than this share of the drawn split's peak is not worth a person's click. */
    static final double SMALLEST_SAVING = 0.01;
    /** Splits this many or fewer are all tried (an estimate takes about 40 us). */
    static final long EXHAUSTIVE_LIMIT = 20_000;

    private LeanestSplit() {}

    /**
     * Cuts and their estimate.
     *
     * @param cuts the unit names the cuts follow, in chain order
     * @param estimate the estimated activations of a step with those cuts
     */
    public record Proposal(List<String> cuts, ActivationEstimate estimate) {
        public Proposal {
            cuts = List.copyOf(cuts);
        }
    }

    /**
     * A split of {@code config}'s network into as many modules as {@code cuts} make whose estimated
     * peak is at least 1% below theirs, or empty when there is none (or the method is backprop, or
     * the drawn cuts do not resolve).
     */
    public static Optional<Proposal> propose(ExperimentConfig config, NetworkPlan plan, List<String> cuts, int batch) {
        return propose(config, plan, cuts, batch, EXHAUSTIVE_LIMIT);
    }

    /** As above, searching every split where there are at most {@code exhaustiveLimit} (tests try the walk alone). */
    static Optional<Proposal> propose(ExperimentConfig config, NetworkPlan plan, List<String> cuts, int batch,
            long exhaustiveLimit) {
        int[] at = indices(plan, cuts);
        if (at == null || at.length == 0) {
            return Optional.empty();
        }
        Score drawn = new Search(config, plan, batch).score(at);
        if (drawn == null) {
            return Optional.empty();
        }
        Search search = new Search(config, plan, batch);
        int[] best = combinations(lastCuttable(plan) + 1, at.length) <= exhaustiveLimit
                ? search.exhaustive(at.length) : search.descent(at);
        Score bestScore = best == null ? null : search.score(best);
        if (bestScore == null) {
            return Optional.empty();
        }
        if (bestScore.peak() > drawn.peak() * (1 - SMALLEST_SAVING)) {
            return Optional.empty();
        }
        List<String> names = names(plan, best);
        return Optional.of(new Proposal(names, estimate(config, plan, names, batch)));
    }

    /** The last unit a cut may follow: the head and the last block stay in the last module (Part A.1). */
    private static int lastCuttable(NetworkPlan plan) {
        return plan.size() - 3;
    }

    private static int[] indices(NetworkPlan plan, List<String> cuts) {
        int[] at = new int[cuts.size()];
        for (int i = 0; i < at.length; i++) {
            try {
                at[i] = plan.indexOf(cuts.get(i));
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (at[i] < 0 || at[i] > lastCuttable(plan) || (i > 0 && at[i] <= at[i - 1])) {
                return null;
            }
        }
        return at;
    }

    private static List<String> names(NetworkPlan plan, int[] at) {
        List<String> out = new ArrayList<>(at.length);
        for (int u : at) {
            out.add(plan.unit(u).name());
        }
        return out;
    }

    /** How many ways {@code k} cuts fall on {@code places} places, saturating at Long.MAX_VALUE. */
    static long combinations(int places, int k) {
        double c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (places - i) / (i + 1);
        }
        return c >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(c);
    }

    /**
     * A split's peak and, to tell equal peaks apart, the sum of the modules' squared shares of
     * BP: the more even split is better, and a walk that prefers it moves off a plateau.
     */
    private record Score(long peak, double spread) implements Comparable<Score> {
        @Override
        public int compareTo(Score o) {
            return peak != o.peak ? Long.compare(peak, o.peak) : Double.compare(spread, o.spread);
        }
    }

    /** Splits scored for one config. */
    private record Search(ExperimentConfig config, NetworkPlan plan, int batch) {

        /** The score of cuts after units {@code at}; null where they do not resolve. */
        Score score(int[] at) {
            ActivationEstimate e = estimate(config, plan, names(plan, at), batch);
            if (e == null) {
                return null;
            }
            double spread = 0;
            for (long b : e.moduleBytes()) {
                double share = (double) b / e.backpropBytes();
                spread += share * share;
            }
            return new Score(e.localBytes(), spread);
        }

        /** Every way to place {@code k} cuts, the best kept. */
        int[] exhaustive(int k) {
            int[] at = new int[k];
            for (int i = 0; i < k; i++) {
                at[i] = i;
            }
            int[] best = null;
            Score bestScore = null;
            int last = lastCuttable(plan);
            while (true) {
                Score s = score(at);
                if (s != null && (bestScore == null || s.compareTo(bestScore) < 0)) {
                    best = at.clone();
                    bestScore = s;
                }
                int i = k - 1;
                while (i >= 0 && at[i] == last - (k - 1 - i)) {
                    i--;
                }
                if (i < 0) {
                    return best;
                }
                at[i]++;
                for (int j = i + 1; j < k; j++) {
                    at[j] = at[j - 1] + 1;
                }
            }
        }

        /**
         * Steepest descent from {@code start}: each round tries every cut anywhere between its
         * neighbours, and every run of neighbouring cuts shifted together by one or two units, and
         * keeps the best change. The shifts matter: a cut next to the peak module can often move
         * only when the cuts beyond it make room in the same step.
         */
        int[] descent(int[] start) {
            int[] best = start.clone();
            Score bestScore = score(best);
            int last = lastCuttable(plan);
            // Each round lowers the score strictly, so it ends; the bound only guards the loop.
            for (int round = 0; round < 4 * plan.size() && bestScore != null; round++) {
                List<int[]> moves = new ArrayList<>();
                for (int i = 0; i < best.length; i++) {
                    int low = i == 0 ? 0 : best[i - 1] + 1;
                    int high = i == best.length - 1 ? last : best[i + 1] - 1;
                    for (int place = low; place <= high; place++) {
                        if (place != best[i]) {
                            int[] tried = best.clone();
                            tried[i] = place;
                            moves.add(tried);
                        }
                    }
                    for (int j = i + 1; j < best.length; j++) {
                        for (int shift : new int[] {-2, -1, 1, 2}) {
                            int[] tried = best.clone();
                            for (int m = i; m <= j; m++) {
                                tried[m] += shift;
                            }
                            if (fits(tried, last)) {
                                moves.add(tried);
                            }
                        }
                    }
                }
                int[] roundBest = null;
                Score roundScore = bestScore;
                for (int[] tried : moves) {
                    Score s = score(tried);
                    if (s != null && s.compareTo(roundScore) < 0) {
                        roundBest = tried;
                        roundScore = s;
                    }
                }
                if (roundBest == null) {
                    return best;
                }
                best = roundBest;
                bestScore = roundScore;
            }
            return best;
        }

        private static boolean fits(int[] at, int last) {
            for (int i = 0; i < at.length; i++) {
                if (at[i] < 0 || at[i] > last || (i > 0 && at[i] <= at[i - 1])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static ActivationEstimate estimate(ExperimentConfig config, NetworkPlan plan, List<String> cuts,
            int batch) {
        try {
            return ActivationEstimate.of(LocalPlanner.resolve(config.withSplit(SplitConfig.cuts(cuts)), plan), batch);
        } catch (ConfigException e) {
            return null; // a per-module setting that does not fit these cuts: not a candidate
        }
    }
}
