package org.mlaan.lab.ui.train;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.ui.model.LabViewModel;

/**
 * The File menu: experiment files (new, open, save, save as: the same JSON as the command line),
 * run folders (open one read-only into the charts, resume one), and the charts as PNG files. Each
 * action has a method taking its path, which the menu calls after its chooser; problems go to the
 * {@link ErrorReporter} naming the file.
 */
final class ExperimentFiles {
    private final LabViewModel vm;
    private final TrainingCharts charts;
    private final RunDriver driver;
    private final Supplier<Window> owner;
    private final Consumer<String> said;
    private ErrorReporter errors;
    private File lastFolder;

    ExperimentFiles(LabViewModel vm, TrainingCharts charts, RunDriver driver, Supplier<Window> owner,
            ErrorReporter errors, Consumer<String> said) {
        this.vm = vm;
        this.charts = charts;
        this.driver = driver;
        this.owner = owner;
        this.errors = errors;
        this.said = said;
    }

    void setErrorReporter(ErrorReporter reporter) {
        this.errors = reporter;
    }

    /** The File menu. */
    List<Menu> menus() {
        Menu file = new Menu("File");
        file.setId("menu-file");
        file.getItems().addAll(
                item("New", "menu-new", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        this::newExperiment),
                item("Open experiment...", "menu-open", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                        this::chooseAndOpen),
                item("Save", "menu-save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save),
                item("Save as...", "menu-save-as",
                        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::chooseAndSave),
                new SeparatorMenuItem(),
                item("Open run folder...", "menu-open-run", null, this::chooseAndOpenRun),
                item("Resume run folder...", "menu-resume-run", null, this::chooseAndResume),
                item("Overlay run folder...", "menu-overlay-run", null, this::chooseAndOverlay),
                new SeparatorMenuItem(),
                item("Export charts as PNG...", "menu-export-charts", null, this::chooseAndExport),
                new SeparatorMenuItem(),
                item("Quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit));
        return List.of(file);
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * Closes the window as its close button does: the window's hiding stops what trains (after
     * the current step, with a checkpoint) and the lab exits.
     */
    void quit() {
        Window w = owner.get();
        if (w != null) {
            w.hide();
        }
    }

    /** Back to the starting demo. */
    void newExperiment() {
        vm.setConfig(LabViewModel.startingConfig());
        vm.configFileProperty().set(null);
        charts.showLive();
        said.accept("New experiment: the starting demo");
    }

    /** Opens an experiment file into the window; false (and a dialog naming the file) when it cannot be. */
    boolean open(Path file) {
        ExperimentConfig c;
        try {
            c = Experiment.readConfig(file);
        } catch (ConfigException e) {
            errors.report("Could not open " + file, String.join("\n", e.problems()));
            return false;
        }
        vm.setConfig(c);
        vm.configFileProperty().set(file);
        charts.showLive();
        said.accept("Opened " + file);
        return true;
    }

    /** Saves the experiment to its file, or asks for one. */
    void save() {
        Path file = vm.configFileProperty().get();
        if (file == null) {
            chooseAndSave();
        } else {
            saveTo(file);
        }
    }

    /** Writes the experiment to {@code file} (atomically) and makes it the experiment's file. */
    boolean saveTo(Path file) {
        try {
            ConfigFiles.write(vm.config(), file);
        } catch (IOException e) {
            errors.report("Could not save " + file, String.valueOf(e.getMessage()));
            return false;
        }
        vm.configFileProperty().set(file);
        said.accept("Saved " + file + (vm.problems().isEmpty() ? ""
                : " (it has problems: the command line will refuse it until they are fixed)"));
        return true;
    }

    /** Shows a run folder's curves in the charts, read-only. */
    boolean openRunFolder(Path dir) {
        RunRecord record;
        try {
            record = RunFolderReader.read(dir);
        } catch (IOException e) {
            errors.report("Could not open the run folder " + dir, String.valueOf(e.getMessage()));
            return false;
        }
        charts.showRecord(record);
        return true;
    }

    /** Draws a run folder's curves faded behind what the charts show (TensorBoard's overlaid runs). */
    boolean overlayRunFolder(Path dir) {
        try {
            charts.overlayProperty().set(RunFolderReader.read(dir));
            return true;
        } catch (IOException e) {
            errors.report("Could not overlay the run folder " + dir, String.valueOf(e.getMessage()));
            return false;
        }
    }

    void chooseAndOverlay() {
        File dir = folderChooser("Overlay run folder", driverRuns()).showDialog(owner.get());
        if (dir != null) {
            overlayRunFolder(dir.toPath());
        }
    }

    /** Continues a run folder from its last checkpoint, live in the charts. */
    boolean resumeRunFolder(Path dir) {
        charts.showLive();
        if (!driver.resumeFolder(dir)) {
            errors.report("Could not resume " + dir, "A run is training; stop it first.");
            return false;
        }
        return true;
    }

    /** Writes the four charts as PNG files into {@code dir}. */
    List<Path> exportCharts(Path dir) {
        try {
            List<Path> files = charts.exportPng(dir);
            said.accept("Wrote " + files.size() + " charts to " + dir);
            return files;
        } catch (IOException e) {
            errors.report("Could not export the charts to " + dir, String.valueOf(e.getMessage()));
            return List.of();
        }
    }

    private void chooseAndOpen() {
        File f = jsonChooser("Open experiment").showOpenDialog(owner.get());
        if (f != null) {
            lastFolder = f.getParentFile();
            open(f.toPath());
        }
    }

    private void chooseAndSave() {
        FileChooser chooser = jsonChooser("Save experiment as");
        chooser.setInitialFileName(vm.config().nameOrDefault() + ".json");
        File f = chooser.showSaveDialog(owner.get());
        if (f != null) {
            lastFolder = f.getParentFile();
            saveTo(f.toPath());
        }
    }

    private void chooseAndOpenRun() {
        File dir = folderChooser("Open run folder", driverRuns()).showDialog(owner.get());
        if (dir != null) {
            openRunFolder(dir.toPath());
        }
    }

    private void chooseAndResume() {
        File dir = folderChooser("Resume run folder", driverRuns()).showDialog(owner.get());
        if (dir != null) {
            resumeRunFolder(dir.toPath());
        }
    }

    private void chooseAndExport() {
        File dir = folderChooser("Export charts as PNG into", lastFolder).showDialog(owner.get());
        if (dir != null) {
            lastFolder = dir;
            exportCharts(dir.toPath());
        }
    }

    private File driverRuns() {
        File runs = driver.runsFolderProperty().get().toFile();
        return runs.isDirectory() ? runs : null;
    }

    private FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (JSON)", "*.json"));
        Path current = vm.configFileProperty().get();
        File dir = current != null && current.toAbsolutePath().getParent() != null
                ? current.toAbsolutePath().getParent().toFile() : lastFolder;
        if (dir != null && dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        return chooser;
    }

    private static DirectoryChooser folderChooser(String title, File start) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (start != null && start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        return chooser;
    }
}
