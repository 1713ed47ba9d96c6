package org.mlaan.lab.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds arrays that live on another device than the run's (a GPU run must keep its data, weights,
 * aux nets, EMA twins and optimiser state on the GPU; one array left on the CPU costs a copy per
 * use or fails with a device-mismatch error deep inside libtorch). The run checks its arrays once,
 * after its first step, and stops with a message naming them.
 */
final class DeviceAudit {
    private static final int NAMED = 5;

    private DeviceAudit() {}

    /** Descriptions of the arrays under {@code manager} that are not on {@code expected}; empty when all are. */
    static List<String> offDevice(NDManager manager, Device expected) {
        List<String> off = new ArrayList<>();
        for (NDArray a : manager.getManagedArrays()) {
            if (!expected.equals(a.getDevice())) {
                String name = a.getName() == null ? "unnamed" : a.getName();
                off.add(name + " " + a.getShape() + " on " + a.getDevice());
            }
        }
        return off;
    }

    /** One message for a run whose arrays are not all on its device. */
    static String message(List<String> off, Device expected) {
        return off.size() + " array(s) are not on the run's device " + expected + ": "
                + String.join(", ", off.subList(0, Math.min(NAMED, off.size())))
                + (off.size() > NAMED ? ", ..." : "");
    }
}
