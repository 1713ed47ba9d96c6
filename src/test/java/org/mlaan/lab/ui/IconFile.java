package org.mlaan.lab.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import org.mlaan.lab.ui.common.PngExport;

/**
 * Writes the lab's icon as a PNG: how {@code assets/icon.png} is made. A tool, not part of the
 * lab: {@code java -cp "target/test-classes:target/mlaan-lab.jar:target/lib/*"
 * org.mlaan.lab.ui.IconFile assets/icon.png 256} after {@code ./mvnw -q -o -DskipTests package}.
 */
final class IconFile {
    private IconFile() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "assets/icon.png");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        LabLauncher.useMonocle();
        Platform.startup(() -> {
            try {
                PngExport.write((WritableImage) IconArt.image(size), file);
                System.out.println("icon: " + file.toAbsolutePath());
            } catch (Exception e) {
                System.err.println("error: " + e.getMessage());
            } finally {
                Platform.runLater(Platform::exit);
            }
        });
    }
}
