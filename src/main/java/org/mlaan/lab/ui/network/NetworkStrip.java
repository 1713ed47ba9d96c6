package org.mlaan.lab.ui.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mlaan.lab.core.experiment.SplitEditing;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.split.ModuleSpan;

/**
 * The network as one row of unit tiles grouped by stage, with the gaps where cuts fall, the cut
 * markers, the module bands with their role chips underneath and the leap arcs above. It draws
 * what {@link #show} is given and reports clicks and drags through {@link Actions}; it never
 * changes the experiment itself.
 */
final class NetworkStrip extends Pane implements CutMarker.Host {
    /** What the person did on the strip. */
    interface Actions {
        void cut(String after);

        void removeCut(String after);

        void moveCut(String from, String to);

        void tileClicked(Unit unit);

        /** A module band was clicked; -1 for the empty background. */
        void moduleClicked(int module);
    }

    /**
     * Everything the strip draws.
     *
     * @param plan the backbone
     * @param cuts the drawn cuts, in chain order
     * @param bp whether the method is BP (cuts drawn, but ignored)
     * @param spans the modules the cuts make
     * @param roles every module's resolved roles, or null while unknown (config with problems, BP)
     * @param selected the selected module, or -1
     * @param selectedLeap the selected module's leap list (also while the config has problems)
     * @param selectedEmaTwins how many of those have an EMA twin
     * @param problems the config's problems by the module they name
     */
    record Model(NetworkPlan plan, List<String> cuts, boolean bp, List<ModuleSpan> spans, List<ModulePlan> roles,
            int selected, List<String> selectedLeap, int selectedEmaTwins, Map<Integer, List<String>> problems) {}

    private static final int MAX_FAINT_ARCS = 64;

    private final Actions actions;
    private final LeapArcs arcs = new LeapArcs();
    private final Map<String, CutGap> gaps = new LinkedHashMap<>();
    private final Map<String, UnitTile> tiles = new HashMap<>();
    private Model model;
    private StripMetrics metrics = StripMetrics.NORMAL;
    private double tileWidth;

    NetworkStrip(Actions actions) {
        this.actions = actions;
        getStyleClass().add("network-strip");
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getTarget() == this && e.isStillSincePress()) {
                actions.moduleClicked(-1);
            }
        });
    }

    /** Redraws everything for {@code m}, fitting the tiles into {@code width} where they can. */
    void show(Model m, StripMetrics sizes, double width) {
        this.model = m;
        this.metrics = sizes;
        NetworkPlan plan = m.plan();
        int n = plan.size();
        tileWidth = sizes.tileWidth(n, width);
        double contentWidth = 2 * sizes.pad() + n * tileWidth + (n - 1) * sizes.gap();
        setPrefSize(contentWidth, sizes.height());
        setMinSize(contentWidth, sizes.height());
        getChildren().clear();
        gaps.clear();
        tiles.clear();

        addStages(plan);
        int[] moduleOf = new int[n];
        for (ModuleSpan s : m.spans()) {
            for (int u = s.first(); u <= s.last(); u++) {
                moduleOf[u] = s.index();
            }
        }
        addBands(m);
        addTiles(m, moduleOf);
        addGaps(m);
        getChildren().add(arcs);
        arcs.resizeRelocate(0, 0, contentWidth, sizes.height());
        arcs.draw(arcList(m), sizes.tileTop() - 1, sizes.arcZone() - 4);
        addCuts(m);
    }

    private void addStages(NetworkPlan plan) {
        Map<Integer, List<Unit>> stages = new LinkedHashMap<>();
        for (Unit u : plan.blocks()) {
            stages.computeIfAbsent(u.stage(), s -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<Integer, List<Unit>> e : stages.entrySet()) {
            List<Unit> units = e.getValue();
            double x0 = tileX(units.get(0).index()) - metrics.gap() / 2 + 1;
            double x1 = tileX(units.get(units.size() - 1).index()) + tileWidth + metrics.gap() / 2 - 1;
            Region bg = new Region();
            bg.getStyleClass().add("stage-bg");
            bg.setMouseTransparent(true);
            bg.resizeRelocate(x0, 0, x1 - x0, metrics.tileTop() + metrics.tileHeight() + 3);
            Unit lastOfStage = units.get(units.size() - 1);
            Label label = new Label("stage " + e.getKey() + " · " + lastOfStage.out() + " · " + units.size()
                    + (units.size() == 1 ? " block" : " blocks"));
            label.setId("stage-" + e.getKey());
            label.getStyleClass().add("stage-label");
            label.setMouseTransparent(true);
            label.setMaxWidth(x1 - x0 - 8);
            label.resizeRelocate(x0 + 6, 1, x1 - x0 - 10, metrics.stageRow() - 2);
            getChildren().addAll(bg, label);
        }
    }

    private void addBands(Model m) {
        double top = metrics.bandTop();
        if (m.bp()) {
            ModuleSpan all = new ModuleSpan(0, 0, m.plan().size() - 1, "stem", "head");
            ModuleBand band = new ModuleBand(all, null, true, true, bandWidth(all), metrics.bandHeight(), false, false,
                    List.of());
            band.relocate(tileX(0), top);
            getChildren().add(band);
            return;
        }
        for (ModuleSpan s : m.spans()) {
            double w = bandWidth(s);
            ModulePlan r = m.roles() == null || s.index() >= m.roles().size() ? null : m.roles().get(s.index());
            boolean last = s.index() == m.spans().size() - 1;
            ModuleBand band = new ModuleBand(s, r, last, false, w, metrics.bandHeight(), w < metrics.compactModuleWidth(),
                    s.index() == m.selected(), m.problems().getOrDefault(s.index(), List.of()));
            band.relocate(tileX(s.first()), top);
            band.setCursor(Cursor.HAND);
            band.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    actions.moduleClicked(s.index());
                    e.consume();
                }
            });
            getChildren().add(band);
        }
    }

    private double bandWidth(ModuleSpan s) {
        return tileX(s.last()) + tileWidth - tileX(s.first());
    }

    private void addTiles(Model m, int[] moduleOf) {
        ModuleSpan selected = m.selected() >= 0 && m.selected() < m.spans().size() ? m.spans().get(m.selected()) : null;
        for (Unit u : m.plan().units()) {
            Color c = m.bp() ? ModuleColors.NEUTRAL : ModuleColors.colorOf(moduleOf[u.index()]);
            UnitTile tile = new UnitTile(u, tileWidth, metrics.tileHeight(), c);
            tile.relocate(tileX(u.index()), metrics.tileTop());
            if (selected != null && selected.contains(u.index())) {
                tile.getStyleClass().add("tile-in-selected");
            }
            if (selected != null) {
                int at = m.selectedLeap().indexOf(u.name());
                if (at >= 0) {
                    tile.markLeapTarget(ModuleColors.colorOf(selected.index()), at < m.selectedEmaTwins(),
                            u.index() <= selected.last());
                } else if (u.isBlock() && selected.index() < m.spans().size() - 1) {
                    tile.getStyleClass().add("leap-candidate");
                }
            }
            tile.setCursor(Cursor.HAND);
            tile.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                    actions.tileClicked(u);
                    e.consume();
                }
            });
            tiles.put(u.name(), tile);
            getChildren().add(tile);
        }
    }

    private void addGaps(Model m) {
        NetworkPlan plan = m.plan();
        int k = m.bp() ? 1 : m.spans().size();
        for (int i = 0; i + 1 < plan.size(); i++) {
            Unit u = plan.unit(i);
            if (m.cuts().contains(u.name())) {
                continue;
            }
            Optional<String> blocked = SplitEditing.whyNotCuttable(plan, i);
            CutGap gap = new CutGap(u.name(), plan.unit(i + 1).name(), metrics.gap(), metrics.tileHeight(), blocked, k,
                    m.bp(), actions::cut);
            gap.relocate(tileX(i) + tileWidth, metrics.tileTop());
            gaps.put(u.name(), gap);
            getChildren().add(gap);
        }
    }

    private void addCuts(Model m) {
        double top = metrics.tileTop() - 8;
        double height = metrics.bandTop() + metrics.bandHeight() - top;
        for (String cut : m.cuts()) {
            int i = m.plan().indexOf(cut);
            CutMarker marker = new CutMarker(cut, metrics.gap(), height, m.bp(), this);
            marker.relocate(tileX(i) + tileWidth, top);
            getChildren().add(marker);
        }
    }

    private List<LeapArcs.Arc> arcList(Model m) {
        List<LeapArcs.Arc> out = new ArrayList<>();
        if (m.bp()) {
            return out;
        }
        // Every module's arcs, faint, tell the story on small splits; on long ones they only tangle.
        boolean faintToo = m.roles() != null
                && m.roles().stream().mapToInt(r -> r.leapBlocks().size()).sum() <= MAX_FAINT_ARCS;
        for (ModuleSpan s : m.spans()) {
            boolean selected = s.index() == m.selected();
            if (!selected && !faintToo) {
                continue;
            }
            List<String> leap;
            int twins;
            if (selected) {
                leap = m.selectedLeap();
                twins = m.selectedEmaTwins();
            } else if (m.roles() != null && s.index() < m.roles().size()) {
                leap = m.roles().get(s.index()).leapBlocks();
                twins = m.roles().get(s.index()).emaTwins();
            } else {
                continue;
            }
            double from = tileX(s.last()) + tileWidth - 6;
            for (int j = 0; j < leap.size(); j++) {
                String block = leap.get(j);
                int at = indexOf(m.plan(), block);
                if (at < 0) {
                    continue;
                }
                out.add(new LeapArcs.Arc(s.index(), block, from, tileX(at) + tileWidth / 2, selected, j < twins,
                        at <= s.last()));
            }
        }
        return out;
    }

    private static int indexOf(NetworkPlan plan, String name) {
        for (Unit u : plan.units()) {
            if (u.name().equals(name)) {
                return u.index();
            }
        }
        return -1;
    }

    double tileX(int index) {
        return metrics.pad() + index * (tileWidth + metrics.gap());
    }

    @Override
    public String dropTargetNear(double x, String from) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        NetworkPlan plan = model.plan();
        for (int i = 0; i + 1 < plan.size(); i++) {
            String name = plan.unit(i).name();
            boolean free = !model.cuts().contains(name) || name.equals(from);
            if (!free || SplitEditing.whyNotCuttable(plan, i).isPresent()) {
                continue;
            }
            double centre = tileX(i) + tileWidth + metrics.gap() / 2;
            double d = Math.abs(centre - x);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return best;
    }

    @Override
    public void showDropTarget(String after) {
        gaps.values().forEach(g -> g.setDropTarget(g.after().equals(after)));
    }

    @Override
    public void removeCut(String after) {
        actions.removeCut(after);
    }

    @Override
    public void moveCut(String from, String to) {
        actions.moveCut(from, to);
    }
}
