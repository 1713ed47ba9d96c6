package org.mlaan.lab.ui.analysis;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.core.config.DatasetConfig;

/**
 * MLAAN Table 6: each loaded run's checkpoint evaluated on another data set with the same
 * classes: the built-in set's shifted variant, or an image folder.
 */
final class GeneralisationSection extends AnalysisSection {
    static final String SHIFTED = "built-in, shifted";
    static final String FOLDER = "image folder";

    private final ComboBox<String> target = new ComboBox<>();
    private final Button chooseFolder = new Button("Folder\u2026");
    private final Label folderLabel = new Label();
    private final Spinner<Integer> images = spinner("generalisation-images", 50, 100_000, 1000, 500,
            "Images of the target set evaluated");
    private final TableView<GeneralisationRow> table = new TableView<>();
    private Path folder;
    private DatasetConfig lastTarget;
    private int lastImages;
    private Supplier<Path> folderDialog = this::askForFolder;

    GeneralisationSection(AnalysisContext ctx) {
        super(ctx, "generalisation", "Generalisation (MLAAN Table 6): each run's last checkpoint evaluated on another"
                + " data set with the same classes.", "Run generalisation");
        target.setId("generalisation-target");
        target.getItems().setAll(SHIFTED, FOLDER);
        target.setValue(SHIFTED);
        chooseFolder.setId("generalisation-folder");
        chooseFolder.setTooltip(new Tooltip("An image folder with one sub-folder per class, the runs' classes"));
        chooseFolder.disableProperty().bind(target.valueProperty().isNotEqualTo(FOLDER));
        chooseFolder.setOnAction(e -> {
            Path p = folderDialog.get();
            if (p != null) {
                folder = p;
                folderLabel.setText(p.getFileName().toString());
            }
        });
        controls(List.of(new Label("Target"), target, chooseFolder, folderLabel, new Label("Images"), images));
        table.setId("generalisation-table");
        table.setPlaceholder(new Label("No evaluation yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.text("run", 170, GeneralisationRow::run),
                Columns.text("method", 85, r -> r.method().label()),
                Columns.text("trained on", 110, GeneralisationRow::trainedOn),
                Columns.text("error %", 60, r -> Percent.of(r.trainedOnError())),
                Columns.text("evaluated on", 120, GeneralisationRow::evaluatedOn),
                Columns.text("error %", 60, r -> Percent.of(r.evaluatedOnError())),
                Columns.text("images", 60, r -> Integer.toString(r.images()))));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
    }

    /**
     * The built-in set's shifted variant: the same ten classes and scenes drawn darker, noisier and
     * more cluttered, a domain shift none of the runs saw.
     */
    static DatasetConfig shiftedBuiltin() {
        return DatasetConfig.builtin().withVariant("shifted");
    }

    /** The data set chosen, or null (a folder not yet chosen). */
    DatasetConfig targetConfig() {
        if (SHIFTED.equals(target.getValue())) {
            return shiftedBuiltin();
        }
        return folder == null ? null : new DatasetConfig("folder", folder.toString(), null, null, null, null, false);
    }

    @Override
    void start() {
        DatasetConfig t = targetConfig();
        if (t == null && !ctx.runs.isEmpty()) {
            problem("Choose the image folder to evaluate on (Folder\u2026).");
            return;
        }
        RunAnalyses a = readyAnalyses();
        if (a == null) {
            return;
        }
        int n = images.getValue();
        lastTarget = t;
        lastImages = n;
        ctx.work.start("Generalisation", bar, status, p -> AnalysisContext.eachRun(ctx.records(), p,
                (r, q) -> a.generalisation(r, t, n, q)), (AnalysisContext.PerRun<GeneralisationRow> out) -> {
                    table.getItems().setAll(out.results());
                    problems(out.problems());
                });
    }

    /** The target of the last evaluation started here, or null: the report evaluates the same. */
    DatasetConfig lastTarget() {
        return lastTarget;
    }

    int lastImages() {
        return lastImages;
    }

    /** Replaces the folder dialog (tests). */
    void setFolderDialog(Supplier<Path> dialog) {
        folderDialog = dialog;
    }

    ComboBox<String> target() {
        return target;
    }

    TableView<GeneralisationRow> table() {
        return table;
    }

    private Path askForFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Image folder to evaluate on");
        File f = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }
}
