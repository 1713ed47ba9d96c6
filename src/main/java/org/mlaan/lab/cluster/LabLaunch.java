package org.mlaan.lab.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command that starts this same lab on a cluster's node: the app image's launcher when the
 * lab runs from one, else this JVM's java with its class path (absolute, since a task starts in
 * another folder) and the lab's main class. The nodes must see the same paths (a shared disk).
 */
final class LabLaunch {
    /** The jar's main class: a command goes to the command line, none opens the window. */
    static final String MAIN_CLASS = "org.mlaan.lab.app.LabMain";

    private LabLaunch() {}

    static List<String> current() {
        return of(System.getProperty("jpackage.app-path"),
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString()),
                System.getProperty("java.class.path"));
    }

    static List<String> of(String appLauncher, String java, String classPath) {
        if (appLauncher != null) {
            return List.of(Path.of(appLauncher).toAbsolutePath().toString());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-cp");
        cmd.add(Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        cmd.add(MAIN_CLASS);
        return cmd;
    }
}
