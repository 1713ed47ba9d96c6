package org.mlaan.lab.ui.analysis;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.report.ReportCharts;
import org.mlaan.lab.core.io.ByteCounts;

/**
 * MLAAN Table 3: the memory of a training step of BP and of the current config's method, each
 * measured in its own process by the window's {@link MemoryMeasure}, as bars and a table.
 */
final class MemorySection extends AnalysisSection {
    private final ChartCard card = new ChartCard("memory-chart",
            "Run it to measure BP and the current config's method, each in its own process.");
    private final TableView<MemoryRow> table = new TableView<>();
    private final Label where = new Label();

    MemorySection(AnalysisContext ctx) {
        super(ctx, "memory", "Memory (MLAAN Table 3): peak bytes of live tensors in a training step and the process"
                + " peak, BP against the current config's method on its network, split and batch.", "Measure memory");
        controls(List.of());
        table.setId("memory-table");
        table.setPlaceholder(new Label("No measurement yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(120);
        table.getColumns().setAll(List.of(
                Columns.text("method", 90, MemoryRow::method),
                Columns.text("split", 80, MemoryRow::split),
                Columns.text("live tensors", 85, r -> ByteCounts.format(r.liveBytes())),
                Columns.text("of BP", 50, this::ofBp),
                Columns.text("process peak", 85, r -> ByteCounts.format(r.processPeak()))));
        where.setId("memory-where");
        where.setWrapText(true);
        VBox tableBox = new VBox(4, where, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox row = new HBox(8, card, tableBox);
        HBox.setHgrow(card, Priority.ALWAYS);
        HBox.setHgrow(tableBox, Priority.ALWAYS);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().add(row);
    }

    private String ofBp(MemoryRow r) {
        MemoryRow bp = table.getItems().isEmpty() ? null : table.getItems().get(0);
        return bp == null || bp.liveBytes() <= 0 ? "" : String.format(Locale.ROOT, "%.0f%%",
                100.0 * r.liveBytes() / bp.liveBytes());
    }

    @Override
    void start() {
        if (!free()) {
            return;
        }
        MemoryMeasure m = ctx.memory();
        if (m == null) {
            problem("Memory measurement unavailable in this build of the window; the command line's `memory`"
                    + " command measures it.");
            return;
        }
        ExperimentConfig config = ctx.vm.config();
        ctx.work.start("Memory", bar, status, p -> m.measure(config, p), (List<MemoryRow> rows) -> {
            table.getItems().setAll(rows);
            where.setText(rows.isEmpty() ? "" : String.format(Locale.ROOT, "%s, batch %d on %s; process peak is GPU"
                    + " memory on a GPU, the resident set on the CPU.", rows.get(0).arch(), rows.get(0).batchSize(),
                    rows.get(0).device()));
            card.show(ReportCharts.memoryBars(rows));
        });
    }

    ChartCard card() {
        return card;
    }

    TableView<MemoryRow> table() {
        return table;
    }
}
