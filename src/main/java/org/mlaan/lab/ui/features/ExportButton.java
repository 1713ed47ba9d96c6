package org.mlaan.lab.ui.features;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import org.mlaan.lab.ui.common.PngExport;

/**
 * A button that writes a figure to a file the user names: a PNG of what is shown, or any other
 * file a {@link Saver} writes (a chart as SVG or PDF). The file dialog can be replaced
 * ({@link #setSaveDialog}), so that tests and scripts export without a window to click in.
 */
public final class ExportButton extends Button {
    /** Writes the figure to a file, at the moment of export (FX thread). */
    @FunctionalInterface
    public interface Saver {
        void save(Path file) throws IOException;
    }

    private final Saver saver;
    private final Supplier<String> suggestedName;
    private final Consumer<String> report;
    private final FileChooser.ExtensionFilter filter;
    private Function<String, Path> saveDialog = this::askForFile;

    /**
     * @param figure the picture to write as PNG, made at the moment of export (FX thread)
     * @param suggestedName the file name the dialog proposes
     * @param report told "wrote FILE" or why it failed
     */
    public ExportButton(String text, Supplier<WritableImage> figure, Supplier<String> suggestedName,
            Consumer<String> report) {
        this(text, file -> PngExport.write(figure.get(), file), suggestedName, report,
                new FileChooser.ExtensionFilter("PNG image", "*.png"));
    }

    /** A button whose {@code saver} writes the file, offered in the dialog under {@code filter}. */
    public ExportButton(String text, Saver saver, Supplier<String> suggestedName, Consumer<String> report,
            FileChooser.ExtensionFilter filter) {
        super(text);
        this.saver = saver;
        this.suggestedName = suggestedName;
        this.report = report;
        this.filter = filter;
        setOnAction(e -> export());
    }

    /** Replaces the file dialog: given the suggested name, returns the file to write, or null to cancel. */
    public void setSaveDialog(Function<String, Path> dialog) {
        this.saveDialog = Objects.requireNonNull(dialog);
    }

    /** Asks for a file and writes the figure to it. */
    public void export() {
        Path target = saveDialog.apply(suggestedName.get());
        if (target == null) {
            return;
        }
        try {
            saver.save(target);
            report.accept("wrote " + target);
        } catch (IOException | RuntimeException e) {
            report.accept("could not write " + target + ": " + e.getMessage());
        }
    }

    private Path askForFile(String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export as " + filter.getDescription());
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(filter);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }
}
