package org.mlaan.lab.core.split;

/**
 * One gradient-isolated module E_i: the units {@code first..last} (indices into the plan).
 *
 * @param index module index i from 0
 * @param first index of the module's first unit
 * @param last index of the module's last unit (the head for the last module)
 * @param firstName name of the first unit
 * @param lastName name of the last unit
 */
public record ModuleSpan(int index, int first, int last, String firstName, String lastName) {

    public int unitCount() {
        return last - first + 1;
    }

    public boolean contains(int unit) {
        return unit >= first && unit <= last;
    }

    @Override
    public String toString() {
        return "E" + index + "=" + (first == last ? firstName : firstName + ".." + lastName);
    }
}
