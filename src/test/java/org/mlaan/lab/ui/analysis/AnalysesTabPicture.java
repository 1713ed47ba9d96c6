package org.mlaan.lab.ui.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.LabWindow;
import org.mlaan.lab.ui.OnFx;
import org.mlaan.lab.ui.common.PngExport;

/**
 * Writes pictures of the Analyses tab with fixture runs loaded and the fake checkpoint analyses
 * run, for a look by eye (not a test): the tab at the size it has in a 1600x1000 window, once per
 * analysis. Run headless with the surefire flags; argument: output folder.
 */
public final class AnalysesTabPicture {
    private AnalysesTabPicture() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/analyses-tab"));
        Path runs = out.resolve("runs");
        String[] methods = {"BP", "DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN"};
        double[] best = {0.081, 0.162, 0.137, 0.121, 0.104};
        for (int m = 0; m < methods.length; m++) {
            for (int s = 0; s < 2; s++) {
                double b = best[m] + 0.004 * s;
                RunFixtures.run(runs, methods[m], 42 + s, b + 0.21, b + 0.09, b + 0.03, b + 0.006, b);
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        LabViewModel vm = OnFx.call(() -> new LabViewModel(RunFixtures.tiny("DGL+MLAAN", 42, 4)));
        AnalysesPane pane = OnFx.call(() -> new AnalysesPane(vm, () -> RunFixtures.fake(null), (c, p) -> List.of(
                new MemoryRow("BP", "resnet20", "", 128, "cpu()", 410_000_000, 1_900_000_000, -1),
                new MemoryRow("DGL+MLAAN", "resnet20", "4 modules", 128, "cpu()", 190_000_000, 1_500_000_000, -1))));
        Stage stage = OnFx.call(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(pane, 1600, 600);
            scene.getStylesheets().add(LabWindow.class.getResource("lab.css").toExternalForm());
            s.setScene(scene);
            s.show();
            return s;
        });
        OnFx.call(() -> {
            pane.open(runs);
            return null;
        });
        waitUntil(() -> OnFx.call(() -> pane.context().runs.size() == 10));
        OnFx.call(() -> {
            pane.matrix().select(pane.matrix().matrix().cell(true, true).orElseThrow());
            return null;
        });
        shoot(stage, out.resolve("analyses-tab-error.png"));
        for (AnalysisSection s : OnFx.call(() -> List.of(pane.separability(), pane.similarity(), pane.memory(),
                pane.generalisation(), pane.featureMaps()))) {
            OnFx.call(() -> {
                TabPane tabs = (TabPane) stage.getScene().lookup("#analysis-tabs");
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getContent() == s).findFirst()
                        .orElseThrow());
                s.start();
                return null;
            });
            waitUntil(() -> OnFx.call(() -> !pane.activeProperty().get()));
            shoot(stage, out.resolve("analyses-tab-" + s.id + ".png"));
        }

        // The whole window with the tab chosen.
        LabWindow window = OnFx.call(() -> new LabWindow(vm));
        OnFx.call(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(window, 1600, 1000);
            window.attachStylesheets(scene);
            s.setScene(scene);
            s.show();
            ((TabPane) scene.lookup("#lab-tabs")).getSelectionModel().select(2);
            window.analysesPane().open(runs);
            return null;
        });
        waitUntil(() -> OnFx.call(() -> window.analysesPane().context().runs.size() == 10));
        OnFx.call(() -> {
            PngExport.write(window.getScene(), out.resolve("lab-window-analyses.png"));
            return null;
        });
        System.out.println("wrote pictures to " + out);
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(Stage stage, Path file) throws Exception {
        OnFx.call(() -> {
            PngExport.write(stage.getScene(), file);
            return null;
        });
    }

    private static void waitUntil(Callable<Boolean> done) throws Exception {
        long end = System.currentTimeMillis() + 60_000;
        while (!done.call()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }
}
