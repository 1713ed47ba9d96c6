package org.mlaan.lab.ui.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.jfree.chart.axis.NumberAxis;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.ui.network.ModuleColors;

/**
 * The local losses per step, in the module's colour. Two views, picked in the chart's menu:
 * <ul>
 *   <li>{@link View#PER_HEAD} (the default): each head's cross-entropy unweighted, a solid line for
 *       the module's own head (independent, or the network's fc on the last module) and a dashed one
 *       for its cascaded head (window, leap), the weight each trains with in the legend. Modules
 *       compare on one scale: DGL+MLAAN's module 0 trains its own head at weight 0.001, so its
 *       weighted loss sits three decades below the others without meaning "converged".
 *   <li>{@link View#WEIGHTED}: each module's weighted sum, what its backward pass trains on.
 * </ul>
 * Steps read back from a run folder carry only the run's final loss, the last module's weighted
 * loss, so that continues that module's line in either view. Once the values shown span more than
 * {@value #LOG_SPREAD} times, the value axis turns logarithmic, unless the person picked a scale.
 */
final class LossChart extends MetricChart {
    /** What the lines are. */
    enum View {
        PER_HEAD("CE, unweighted"),
        WEIGHTED("loss, weighted");

        final String axisLabel;

        View(String axisLabel) {
            this.axisLabel = axisLabel;
        }
    }

    /** Largest over smallest loss shown above which the axis turns logarithmic. */
    static final double LOG_SPREAD = 20;

    private final Map<String, ChartCurve> lines = new LinkedHashMap<>();
    private View view = View.PER_HEAD;
    private Runnable onViewChange = () -> { };
    private int configuredModules = 1;
    private LocalPlan plan;
    private double smallest = Double.POSITIVE_INFINITY;
    private double largest = 0;

    LossChart() {
        super("loss-chart", "Loss per module", new NumberAxis(View.PER_HEAD.axisLabel));
        offerLogScale();
        ToggleGroup group = new ToggleGroup();
        var items = viewer().getContextMenu().getItems();
        items.add(new SeparatorMenuItem());
        for (View v : View.values()) {
            RadioMenuItem item = new RadioMenuItem(v == View.PER_HEAD ? "Per head, unweighted"
                    : "Weighted sum per module");
            item.setId("loss-view-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setToggleGroup(group);
            item.setSelected(v == view);
            item.setOnAction(e -> setView(v));
            items.add(item);
        }
    }

    /** K of the run shown: names the lines, and places a run folder's loss on the last module. */
    void setModuleCount(int k) {
        configuredModules = Math.max(1, k);
    }

    /** The plan of the run shown (null: unknown): its K and the weights the legend gives. */
    void setPlan(LocalPlan lp) {
        plan = lp;
        setModuleCount(lp == null ? 1 : lp.k());
    }

    /** Called when the person picks another view: the charts feed this chart again. */
    void setOnViewChange(Runnable r) {
        onViewChange = r;
    }

    View view() {
        return view;
    }

    /** Shows {@code v} from the next feed on, with its axis label, and asks for a replay. */
    void setView(View v) {
        if (v == view) {
            return;
        }
        view = v;
        plot.getRangeAxis().setLabel(v.axisLabel);
        onViewChange.run();
    }

    @Override
    void reset() {
        removeCurves();
        lines.clear();
        smallest = Double.POSITIVE_INFINITY;
        largest = 0;
        suggestLogScale(false);
    }

    @Override
    void addSteps(List<? extends StepMetrics> steps) {
        for (StepMetrics s : steps) {
            double[] m = s.moduleLosses();
            if (m.length == 0) {
                // A run folder's row: the last module's weighted loss, which is its own head's CE
                // when that head is all it has (weight 1, no cascade).
                int last = configuredModules - 1;
                Head head = view == View.PER_HEAD && lastHasOneHead() ? Head.OWN : Head.WEIGHTED;
                add(line(last, configuredModules, head), x(s), s.loss());
            } else if (view == View.PER_HEAD && s.ownLosses().length == m.length) {
                for (int i = 0; i < m.length; i++) {
                    addIfFinite(i, m.length, Head.OWN, x(s), s.ownLosses()[i]);
                    addIfFinite(i, m.length, Head.CASCADED, x(s), s.cascadeLosses()[i]);
                }
            } else {
                for (int i = 0; i < m.length; i++) {
                    addIfFinite(i, m.length, Head.WEIGHTED, x(s), m[i]);
                }
            }
        }
        if (largest > LOG_SPREAD * smallest) {
            suggestLogScale(true);
        }
    }

    private void addIfFinite(int i, int k, Head head, double x, double value) {
        if (Double.isFinite(value)) {
            add(line(i, k, head), x, value);
        }
    }

    private void add(ChartCurve c, double x, double loss) {
        c.add(x, loss);
        if (loss > 0 && Double.isFinite(loss)) {
            smallest = Math.min(smallest, loss);
            largest = Math.max(largest, loss);
        }
    }

    /** Which of a module's lines. */
    private enum Head { OWN, CASCADED, WEIGHTED }

    /** The line of module {@code i} of {@code k} for {@code head}, made when first needed. */
    private ChartCurve line(int i, int k, Head head) {
        String key = i + "/" + head;
        ChartCurve c = lines.get(key);
        if (c == null) {
            java.awt.Color color = ModuleColors.awtColorOf(i);
            c = addCurve(name(i, k, head), head == Head.CASCADED ? SeriesStyle.dashed(color) : SeriesStyle.line(color),
                    true);
            lines.put(key, c);
        }
        return c;
    }

    /** Whether the last module trains on its own head alone, at weight 1 (BP, DGL, InfoPro). */
    private boolean lastHasOneHead() {
        return plan == null || !plan.lastHasCascade();
    }

    /**
     * "E1 own ×0.001", "E1 cascaded ×0.999", "E3 fc ×0.001"; plain "E0" where every module has one
     * head at weight 1 (DGL) and in the weighted view; "loss" for one module.
     */
    private String name(int i, int k, Head head) {
        if (k <= 1 && head != Head.CASCADED) {
            return "loss";
        }
        String module = "E" + i;
        boolean oneHeadEach = plan == null || plan.k() != k || !plan.lastHasCascade() && plan.modules().stream()
                .allMatch(r -> !r.hasCascadeLoss() && (r.index() == k - 1 || r.wx() == 1));
        if (head == Head.WEIGHTED || head == Head.OWN && oneHeadEach) {
            return module;
        }
        ModulePlan r = plan.modules().get(i);
        boolean lastModule = i == k - 1;
        String word = head == Head.OWN ? (lastModule ? "fc" : "own") : "cascaded";
        double w = head == Head.OWN ? (lastModule && !plan.lastHasCascade() ? 1 : r.wx()) : r.wy();
        return module + " " + word + " \u00d7" + weight(w);
    }

    private static String weight(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    /** The line of module {@code i} (0-based) in the weighted view, or its own head's, or null (tests). */
    ChartCurve curveOf(int i) {
        ChartCurve c = lines.get(i + "/" + Head.WEIGHTED);
        return c != null ? c : lines.get(i + "/" + Head.OWN);
    }

    /** The cascaded head's line of module {@code i}, or null (tests). */
    ChartCurve cascadedCurveOf(int i) {
        return lines.get(i + "/" + Head.CASCADED);
    }
}
