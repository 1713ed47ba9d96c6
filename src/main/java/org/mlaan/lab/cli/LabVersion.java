package org.mlaan.lab.cli;

import picocli.CommandLine.IVersionProvider;

/** The lab's version from the jar manifest ("dev" when run from classes). */
public final class LabVersion implements IVersionProvider {

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"MLAAN Lab " + version()};
    }
}
