package org.mlaan.lab.ui.features;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.TrainingRun;
import org.mlaan.lab.ui.model.DemoConfigs;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.mlaan.lab.ui.OnFx;
import org.mlaan.lab.ui.common.PngExport;

/**
 * Writes pictures of the feature-map views with real training, for a look by eye (not a test):
 * the maps pane at the size it has in the window, and the four-method comparison. Run headless
 * with the surefire flags; arguments: output folder, steps.
 */
public final class FeatureFiguresDemo {
    private FeatureFiguresDemo() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ExperimentConfig demo = DemoConfigs.DEFAULT;
        TrainingConfig t = new TrainingConfig(1, 64, 0.1, 0.9, true, 5e-4, "constant", 0, 0.01, 1, steps);
        ExperimentConfig config = demo.withTraining(t).withDevice("cpu")
                .withDataset(new DatasetConfig("builtin", null, 64 * steps, 200, null, null, null));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        LabViewModel vm = OnFx.call(() -> new LabViewModel(config));

        // The maps pane, fed by one real run, at its place in a 1600x1000 window.
        LiveRun live = OnFx.call(() -> new LiveRun("run"));
        FeatureMapsPane maps = OnFx.call(() -> new FeatureMapsPane(vm, live));
        Stage mapsStage = OnFx.call(() -> show(maps, 672, 600));
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder())) {
            run.tapFeatureMaps(steps, 4).run(live);
        }
        // The run's last events were queued to the FX thread before run() returned, so they are
        // applied before this; the snapshot lays the scene out and draws it.
        OnFx.call(() -> {
            PngExport.write(mapsStage.getScene(), out.resolve("feature-maps-pane.png"));
            return null;
        });
        OnFx.call(() -> {
            vm.presentationProperty().set(true);
            return null;
        });
        OnFx.call(() -> {
            PngExport.write(mapsStage.getScene(), out.resolve("feature-maps-pane-presentation.png"));
            vm.presentationProperty().set(false);
            return null;
        });

        // The comparison of the four methods of the ablation.
        ComparePane compare = OnFx.call(() -> new ComparePane(vm));
        Stage compareStage = OnFx.call(() -> show(compare, 1600, 640));
        OnFx.call(() -> {
            compare.setMethods(List.of("DGL", "DGL+LAM", "DGL+MLM", "DGL+MLAAN"));
            compare.setSteps(steps);
            compare.setMapsEvery(Math.max(1, steps / 3));
            compare.start();
            return null;
        });
        ComparisonSession session = OnFx.call(compare::session);
        if (!session.awaitEnd(Duration.ofMinutes(30))) {
            throw new IllegalStateException("comparison did not end");
        }
        OnFx.call(() -> {
            PngExport.write(compareStage.getScene(), out.resolve("compare-pane.png"));
            compare.exportButton().setSaveDialog(name -> out.resolve("compare-figure.png"));
            compare.exportButton().export();
            maps.exportButton().setSaveDialog(name -> out.resolve("maps-figure.png"));
            maps.exportButton().export();
            return null;
        });
        System.out.println("wrote pictures to " + out);
        Platform.exit();
        System.exit(0);
    }

    private static Stage show(javafx.scene.Parent root, double w, double h) {
        Stage s = new Stage();
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().add(org.mlaan.lab.ui.LabWindow.class.getResource("lab.css").toExternalForm());
        s.setScene(scene);
        s.show();
        return s;
    }
}
