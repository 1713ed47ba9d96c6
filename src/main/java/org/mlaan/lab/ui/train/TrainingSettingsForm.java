package org.mlaan.lab.ui.train;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.DatasetKind;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.ui.model.LabViewModel;

/**
 * The training settings of the experiment: data set, epochs, batch size, learning rate, steps per
 * epoch, seed and device. Every edit is written into the view-model's config at once (an empty
 * field means the config's default, as in the JSON), and the view-model validates it; text that is
 * not a number at all cannot reach the config and is listed in {@link #parseProblems()}. When the
 * config changes elsewhere (a file opened, a preset), the fields follow it.
 */
final class TrainingSettingsForm extends GridPane {
    private final LabViewModel vm;
    private final ComboBox<DatasetKind> dataset = new ComboBox<>(FXCollections.observableArrayList(DatasetKind.values()));
    private final TextField path = new TextField();
    private final Button browse = new Button("Browse...");
    private final Label pathLabel = label("Folder");
    private final HBox pathRow = new HBox(4);
    private final TextField epochs = new TextField();
    private final TextField batch = new TextField();
    private final TextField lr = new TextField();
    private final TextField steps = new TextField();
    private final TextField seed = new TextField();
    private final ComboBox<String> device = new ComboBox<>(FXCollections.observableArrayList("auto", "cpu", "gpu"));
    private final ObservableList<String> parseProblems = FXCollections.observableArrayList();
    private boolean syncing;
    private boolean committing;

    TrainingSettingsForm(LabViewModel vm) {
        this.vm = vm;
        getStyleClass().add("training-settings");
        setHgap(8);
        setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        getColumnConstraints().addAll(labels, inputs);

        dataset.setId("dataset-picker");
        dataset.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetKind k) {
                return k == null ? "" : datasetName(k);
            }

            @Override
            public DatasetKind fromString(String s) {
                return DatasetKind.parse(s);
            }
        });
        dataset.setMaxWidth(Double.MAX_VALUE);
        path.setId("dataset-path");
        path.setPromptText("data folder");
        browse.setId("dataset-browse");
        browse.setMinWidth(USE_PREF_SIZE);
        browse.setOnAction(e -> chooseFolder());
        pathRow.getChildren().addAll(path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        device.setId("device-picker");
        device.setMaxWidth(Double.MAX_VALUE);

        field(epochs, "epochs-field", "400", "passes over the training set");
        field(batch, "batch-field", "128", "images per step");
        field(lr, "lr-field", "0.1", "peak learning rate (cosine schedule with warm-up by default)");
        field(steps, "steps-field", "all", "stop each epoch after this many steps (empty: the whole epoch)");
        field(seed, "seed-field", "42", "seed of the weights, the shuffle and the augmentation");

        int r = 0;
        addRow(r++, label("Data set"), dataset);
        addRow(r++, pathLabel, pathRow);
        addRow(r++, label("Epochs"), epochs);
        addRow(r++, label("Batch size"), batch);
        addRow(r++, label("Learning rate"), lr);
        addRow(r++, label("Steps/epoch"), steps);
        addRow(r++, label("Seed"), seed);
        addRow(r, label("Device"), device);

        syncFrom(vm.config());
        vm.configProperty().addListener((obs, old, now) -> {
            if (!committing) {
                syncFrom(now);
                parseProblems.clear();
            }
        });
        for (TextField f : List.of(path, epochs, batch, lr, steps, seed)) {
            f.textProperty().addListener((obs, old, now) -> commit());
        }
        dataset.valueProperty().addListener((obs, old, now) -> commit());
        device.valueProperty().addListener((obs, old, now) -> commit());
    }

    /** Text in the fields that is not a number where one is needed, one message per field. */
    ObservableList<String> parseProblems() {
        return parseProblems;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    private static void field(TextField f, String id, String defaultValue, String tip) {
        f.setId(id);
        f.setPromptText(defaultValue);
        f.setPrefColumnCount(6);
        f.setTooltip(new Tooltip(tip + " (empty: " + defaultValue + ")"));
    }

    static String datasetName(DatasetKind k) {
        return switch (k) {
            case BUILTIN -> "built-in";
            case CIFAR10 -> "CIFAR-10";
            case STL10 -> "STL-10";
            case SVHN -> "SVHN";
            case FOLDER -> "image folder";
            case IDX -> "MNIST family (IDX)";
        };
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder of the " + datasetName(dataset.getValue()) + " files");
        if (!path.getText().isBlank() && new File(path.getText()).isDirectory()) {
            chooser.setInitialDirectory(new File(path.getText()));
        }
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            path.setText(dir.getPath());
        }
    }

    /** Writes the fields into the config; a field whose text does not parse keeps the config's value. */
    private void commit() {
        if (syncing) {
            return;
        }
        List<String> problems = new ArrayList<>();
        ExperimentConfig c = vm.config();
        TrainingConfig t = c.training();
        Integer newEpochs = parse(epochs, "training.epochs", "a whole number", Integer::valueOf, t.epochs(), problems);
        Integer newBatch = parse(batch, "training.batchSize", "a whole number", Integer::valueOf, t.batchSize(),
                problems);
        Double newLr = parse(lr, "training.learningRate", "a number", Double::valueOf, t.learningRate(), problems);
        Integer newSteps = parse(steps, "training.stepsPerEpoch", "a whole number", Integer::valueOf,
                t.stepsPerEpoch(), problems);
        Long newSeed = parse(seed, "seed", "a whole number", Long::valueOf, c.seed(), problems);
        TrainingConfig training = new TrainingConfig(newEpochs, newBatch, newLr, t.momentum(), t.nesterov(),
                t.weightDecay(), t.schedule(), t.warmupEpochs(), t.warmupStartLr(), t.evalEvery(), newSteps);
        ExperimentConfig next = new ExperimentConfig(c.name(), c.description(), c.network(), dataset(c.dataset()),
                c.method(), c.split(), c.local(), training, newSeed, device(c.device()));
        parseProblems.setAll(problems);
        enableFolder(next.dataset());
        if (!next.equals(c)) {
            committing = true;
            try {
                vm.setConfig(next);
            } finally {
                committing = false;
            }
        }
    }

    private void enableFolder(DatasetConfig d) {
        boolean files;
        try {
            files = d.kindOrDefault() != DatasetKind.BUILTIN;
        } catch (IllegalArgumentException e) {
            files = true;
        }
        // The built-in set needs no files: its folder row goes away.
        for (javafx.scene.Node n : List.of(pathLabel, pathRow)) {
            n.setVisible(files);
            n.setManaged(files);
        }
    }

    private DatasetConfig dataset(DatasetConfig d) {
        DatasetKind kind = dataset.getValue() == null ? d.kindOrDefault() : dataset.getValue();
        String p = path.getText().isBlank() ? null : path.getText().trim();
        if (kind == d.kindOrDefault()) {
            return Objects.equals(p, d.path()) ? d : d.withPath(p);
        }
        // Sizes and the generator seed mean something else for every kind: start them afresh.
        return new DatasetConfig(kind.id(), kind == DatasetKind.BUILTIN ? null : p, null, null, null, null, d.augment());
    }

    private String device(String current) {
        String chosen = device.getValue();
        if (chosen == null || (current == null && chosen.equals("auto"))) {
            return current;
        }
        return chosen;
    }

    private static <T> T parse(TextField f, String field, String expected, Function<String, T> parser, T current,
            List<String> problems) {
        String text = f.getText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            problems.add(field + ": expected " + expected + ", got '" + text + "'");
            return current;
        }
    }

    /** Shows the config's values, leaving a field alone when its text already means its value (the caret stays). */
    private void syncFrom(ExperimentConfig c) {
        syncing = true;
        try {
            TrainingConfig t = c.training();
            show(epochs, t.epochs(), Integer::valueOf);
            show(batch, t.batchSize(), Integer::valueOf);
            show(lr, t.learningRate(), Double::valueOf);
            show(steps, t.stepsPerEpoch(), Integer::valueOf);
            show(seed, c.seed(), Long::valueOf);
            DatasetKind kind;
            try {
                kind = c.dataset().kindOrDefault();
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            dataset.setValue(kind);
            String p = c.dataset().path() == null ? "" : c.dataset().path();
            if (!path.getText().trim().equals(p)) {
                path.setText(p);
            }
            enableFolder(c.dataset());
            String dev = c.deviceOrDefault();
            if (!device.getItems().contains(dev)) {
                device.getItems().add(dev);
            }
            device.setValue(dev);
        } finally {
            syncing = false;
        }
    }

    private static <T> void show(TextField f, T value, Function<String, T> parser) {
        String text = f.getText().trim();
        T shown;
        boolean parses = true;
        try {
            shown = text.isEmpty() ? null : parser.apply(text);
        } catch (NumberFormatException e) {
            shown = null;
            parses = false;
        }
        if (!parses || !Objects.equals(shown, value)) {
            f.setText(value == null ? "" : plain(value));
        }
    }

    private static String plain(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
