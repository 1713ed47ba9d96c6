package org.mlaan.lab.ui.analysis;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The loaded runs, one row each: folder name, method, seed, epochs, final and best test error, state. */
final class RunsTable extends TableView<RunSummary> {
    RunsTable() {
        setId("runs-table");
        setPlaceholder(new Label("No runs loaded: Open runs\u2026, or run an ablation."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                Columns.text("run", 190, RunSummary::name),
                Columns.text("method", 85, s -> s.method().label()),
                Columns.text("seed", 45, s -> Long.toString(s.seed())),
                Columns.text("epochs", 55, s -> s.epochsDone() + "/" + s.epochs()),
                Columns.text("final %", 60, s -> Percent.of(s.finalError())),
                Columns.text("best %", 60, s -> Percent.of(s.bestError())),
                Columns.text("state", 75, RunSummary::state)));
        setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(RunSummary item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(item == null || empty ? null : new Tooltip(item.run().dir().toAbsolutePath().toString()));
            }
        });
    }
}
