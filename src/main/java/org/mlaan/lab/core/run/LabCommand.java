package org.mlaan.lab.core.run;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command that starts this same lab again: the app image's launcher when the lab runs from
 * one, else this JVM's java with its class path and the lab's main class. A restart with exact
 * kernels keeps the JVM's options; a cluster's task gets absolute paths, since it starts in
 * another folder (the nodes must see the same paths: a shared disk).
 */
public final class LabCommand {
    /** The jar's main class: a command goes to the command line, none opens the window. */
    public static final String MAIN_CLASS = "org.mlaan.lab.app.LabMain";

    private LabCommand() {}

    /** This process's command, with its JVM options or without, its paths as they are or absolute. */
    public static List<String> current(boolean jvmOptions, boolean absolute) {
        return of(System.getProperty("jpackage.app-path"), ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                jvmOptions ? ManagementFactory.getRuntimeMXBean().getInputArguments() : List.of(),
                System.getProperty("java.class.path"), absolute);
    }

    /** The command from its parts: {@code appLauncher} when not null, else java, options, class path, main class. */
    public static List<String> of(String appLauncher, String java, List<String> jvmOptions, String classPath,
            boolean absolute) {
        List<String> cmd = new ArrayList<>();
        if (appLauncher != null) {
            cmd.add(absolute ? Path.of(appLauncher).toAbsolutePath().toString() : appLauncher);
            return cmd;
        }
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(!absolute ? classPath : Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        cmd.add(MAIN_CLASS);
        return cmd;
    }
}
