package org.mlaan.lab.ui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.local.ActivationEstimate;
import org.mlaan.lab.core.local.LeanestSplit;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.plan.NetworkPlan;

/**
 * The experiment being edited in the window: one {@link ExperimentConfig} (the same JSON the
 * command line reads) and what follows from it, recomputed whenever it changes: the network plan,
 * the experiment resolved once ({@link Experiment}: every module's roles), the problems that keep it
 * from running, the activation-memory estimate against backprop, and a split with the same module
 * count that would keep less (searched off the FX thread: up to a second on ResNet-110). Views
 * change the experiment only by setting a new config; validation lives here, not in the views.
 */
public final class LabViewModel {
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>(this, "config");
    private final ObjectProperty<Path> configFile = new SimpleObjectProperty<>(this, "configFile");
    private final ReadOnlyObjectWrapper<NetworkPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<Experiment> experiment = new ReadOnlyObjectWrapper<>(this, "experiment");
    private final ReadOnlyObjectWrapper<LocalPlan> localPlan = new ReadOnlyObjectWrapper<>(this, "localPlan");
    private final ReadOnlyObjectWrapper<ActivationEstimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyObjectWrapper<LeanestSplit.Proposal> leanerSplit =
            new ReadOnlyObjectWrapper<>(this, "leanerSplit");
    private final ExecutorService splitSearch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "leaner-split-search");
        t.setDaemon(true);
        return t;
    });
    private volatile long splitSearches;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty presentation =
            new javafx.beans.property.SimpleBooleanProperty(this, "presentation");
    private final IntegerProperty selectedModule = new SimpleIntegerProperty(this, "selectedModule", -1);

    public LabViewModel(ExperimentConfig initial) {
        config.addListener((obs, old, now) -> derive(now));
        config.set(initial);
    }

    /** The experiment the window opens with: the classroom demo of DGL+MLAAN on the built-in set. */
    public static ExperimentConfig startingConfig() {
        return DemoConfigs.DEFAULT;
    }

    public ObjectProperty<ExperimentConfig> configProperty() {
        return config;
    }

    public ExperimentConfig config() {
        return config.get();
    }

    public void setConfig(ExperimentConfig c) {
        config.set(c);
    }

    /** The file the config was opened from or saved to, or null. */
    public ObjectProperty<Path> configFileProperty() {
        return configFile;
    }

    public ReadOnlyObjectProperty<NetworkPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public NetworkPlan plan() {
        return plan.get();
    }

    /** The resolved roles of every module, or null while the config has problems. */
    public ReadOnlyObjectProperty<LocalPlan> localPlanProperty() {
        return localPlan.getReadOnlyProperty();
    }

    public LocalPlan localPlan() {
        return localPlan.get();
    }

    /** The config resolved (ARCHITECTURE.md: once, here for the window), or null while it has problems. */
    public ReadOnlyObjectProperty<Experiment> experimentProperty() {
        return experiment.getReadOnlyProperty();
    }

    public Experiment experiment() {
        return experiment.get();
    }

    /**
     * A split of the same network into as many modules whose estimated activation peak is lower
     * than the config's (Issue 15: the split that saves most), or null: none, not searched yet, or
     * the config is backprop or has problems.
     */
    public ReadOnlyObjectProperty<LeanestSplit.Proposal> leanerSplitProperty() {
        return leanerSplit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActivationEstimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** What keeps the config from running, each message naming its field and module; empty when it can run. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The module selected in the split editor, or -1. */
    public IntegerProperty selectedModuleProperty() {
        return selectedModule;
    }

    /** Presentation mode: large fonts and thick lines for a projector (every view follows it). */
    public javafx.beans.property.BooleanProperty presentationProperty() {
        return presentation;
    }

    private void derive(ExperimentConfig c) {
        Experiment.Check check = Experiment.check(c);
        Experiment e = check.experiment();
        LocalPlan lp = e == null ? null : e.plan();
        if (check.network() != null) {
            plan.set(check.network());
        }
        experiment.set(e);
        localPlan.set(lp);
        estimate.set(lp == null ? null : ActivationEstimate.of(lp, c.training().batchSizeOrDefault()));
        searchLeanerSplit(c, check.network(), lp);
        problems.setAll(check.problems());
        // Keep the selection while the config has problems (the person may be undoing one), unless
        // the split itself no longer has that module.
        int k = lp != null ? lp.k() : moduleCountOf(c);
        if (selectedModule.get() >= k) {
            selectedModule.set(-1);
        }
    }

    /** Starts the search for a leaner split of {@code c}; a later config's search makes this one's answer stale. */
    private void searchLeanerSplit(ExperimentConfig c, NetworkPlan p, LocalPlan lp) {
        long search = ++splitSearches;
        leanerSplit.set(null);
        if (lp == null || lp.isBackprop()) {
            return;
        }
        List<String> cuts = org.mlaan.lab.core.experiment.SplitEditing.cutsOf(c, p);
        int batch = c.training().batchSizeOrDefault();
        splitSearch.execute(() -> {
            if (search != splitSearches) {
                return; // a newer config is waiting behind this one
            }
            LeanestSplit.Proposal found = LeanestSplit.propose(c, p, cuts, batch).orElse(null);
            Platform.runLater(() -> {
                if (search == splitSearches) {
                    leanerSplit.set(found);
                }
            });
        });
    }

    /** Modules of the config's split as written, whether or not the rest of the config is valid. */
    private static int moduleCountOf(ExperimentConfig c) {
        org.mlaan.lab.core.config.SplitConfig s = c.split();
        if (s == null) {
            return 1;
        }
        if (s.cutsAfter() != null) {
            return s.cutsAfter().size() + 1;
        }
        if (s.preset() == null) {
            return 1;
        }
        return org.mlaan.lab.core.split.PaperPresets.find(s.preset())
                .map(org.mlaan.lab.core.split.SplitPreset::modules).orElse(1);
    }
}
