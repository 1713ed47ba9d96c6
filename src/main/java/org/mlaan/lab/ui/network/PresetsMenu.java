package org.mlaan.lab.ui.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.split.PaperPresets;
import org.mlaan.lab.core.split.SplitPreset;
import org.mlaan.lab.ui.model.DemoConfigs;

/**
 * The window's Network menu (every paper split, the quick demos) and Method menu (every method,
 * the current one ticked).
 */
final class PresetsMenu {
    private final Menu network = new Menu("Network");
    private final Menu method = new Menu("Method");
    private final ToggleGroup methods = new ToggleGroup();
    private boolean quiet;

    PresetsMenu(Consumer<SplitPreset> onPreset, Consumer<ExperimentConfig> onDemo, Consumer<Method> onMethod) {
        network.setId("menu-network");
        method.setId("menu-method");

        Menu splits = new Menu("Paper splits");
        splits.setId("menu-paper-splits");
        Arch previous = null;
        for (SplitPreset p : PaperPresets.all()) {
            if (previous != null && previous != p.arch()) {
                splits.getItems().add(new SeparatorMenuItem());
            }
            previous = p.arch();
            MenuItem item = new MenuItem(presetLabel(p));
            item.setId(presetItemId(p.id()));
            item.setOnAction(e -> onPreset.accept(p));
            splits.getItems().add(item);
        }
        Menu demos = new Menu("Quick demos (built-in data)");
        demos.setId("menu-demos");
        for (Map.Entry<String, ExperimentConfig> d : DemoConfigs.all().entrySet()) {
            ExperimentConfig c = d.getValue();
            MenuItem item = new MenuItem(demoLabel(c));
            item.setId(demoItemId(d.getKey()));
            item.setOnAction(e -> onDemo.accept(DemoConfigs.load(d.getKey())));
            demos.getItems().add(item);
        }
        network.getItems().addAll(splits, demos);

        for (Method m : Method.values()) {
            RadioMenuItem item = new RadioMenuItem(m.label());
            item.setId(methodItemId(m));
            item.setToggleGroup(methods);
            item.setUserData(m);
            item.setOnAction(e -> {
                if (!quiet) {
                    onMethod.accept(m);
                }
            });
            method.getItems().add(item);
        }
    }

    List<Menu> menus() {
        return List.of(network, method);
    }

    /** Ticks {@code m} (the config's method) without applying it. */
    void showMethod(Method m) {
        quiet = true;
        try {
            methods.getToggles().forEach(t -> t.setSelected(t.getUserData() == m));
        } finally {
            quiet = false;
        }
    }

    static String presetLabel(SplitPreset p) {
        return p.id() + "  ·  K=" + p.modules() + (p.hasLeapTable() ? ", with leap table" : "");
    }

    static String demoLabel(ExperimentConfig c) {
        String method = c.method() == null ? "BP" : c.method();
        return method + " on " + c.network().archOrDefault().id() + ", built-in data  (" + c.nameOrDefault() + ")";
    }

    static String presetItemId(String presetId) {
        return "menu-preset-" + presetId;
    }

    static String demoItemId(String file) {
        return "menu-demo-" + file.replace(".json", "");
    }

    static String methodItemId(Method m) {
        return "menu-method-" + m.label().toLowerCase(Locale.ROOT).replace("++", "-plus-plus").replace("+", "-");
    }
}
