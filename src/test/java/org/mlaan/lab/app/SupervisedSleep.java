package org.mlaan.lab.app;

/** A parent for the relaunch test: supervises {@code sleep 600} and prints its pid. */
public final class SupervisedSleep {
    private SupervisedSleep() {}

    public static void main(String[] args) throws Exception {
        System.exit(ExactKernelRelaunch.supervise(new ProcessBuilder("sleep", "600"), child -> {
            System.out.println(child.pid());
            System.out.flush();
        }));
    }
}
