package org.mlaan.lab.ui;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.mlaan.lab.engine.NativeLibraries;

/**
 * Covers the window on the first start while PyTorch's natives are unpacked (a few seconds, about
 * 430 MB), with a progress bar; on failure it stays, showing the message that names the folder.
 */
public final class FirstStartOverlay extends VBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();

    public FirstStartOverlay() {
        super(12);
        setId("first-start");
        setAlignment(Pos.CENTER);
        getStyleClass().add("first-start");
        Label title = new Label("Preparing PyTorch for the first start");
        title.getStyleClass().add("first-start-title");
        bar.setPrefWidth(420);
        message.setWrapText(true);
        message.setMaxWidth(640);
        getChildren().addAll(title, bar, message);
    }

    /**
     * Unpacks the natives on a background thread when needed, then runs {@code ready} on the FX
     * thread; without unpacking to do it runs {@code ready} at once and never shows.
     */
    public static void prepare(NativeLibraries natives, FirstStartOverlay overlay, Runnable ready,
            Consumer<String> failed) {
        if (!natives.needsUnpacking()) {
            overlay.setVisible(false);
            ready.run();
            return;
        }
        overlay.setVisible(true);
        Thread t = new Thread(() -> {
            try {
                natives.load((fraction, text) -> Platform.runLater(() -> {
                    overlay.bar.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
                    overlay.message.setText(text);
                }));
                Platform.runLater(() -> {
                    overlay.setVisible(false);
                    ready.run();
                });
            } catch (IllegalStateException e) {
                Platform.runLater(() -> {
                    overlay.bar.setProgress(0);
                    overlay.message.setText(e.getMessage());
                    overlay.message.getStyleClass().add("problem-text");
                    failed.accept(e.getMessage());
                });
            }
        }, "first-start");
        t.setDaemon(true);
        t.start();
    }
}
