package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;
import org.mlaan.lab.engine.net.Backbone;

/**
 * A backbone's arrays as PyTorch's {@code state_dict} holds them: under their PyTorch names
 * ({@link TorchNames}), float32, BN running statistics included, in the backbone's order. DJL's
 * NCHW convolution weights ({@code out, in, kh, kw}) and its linear weight ({@code out, in}) have
 * PyTorch's layout, so the values go across unchanged. PyTorch's {@code num_batches_tracked} has
 * no counterpart in the lab and is not written.
 */
final class TorchStateDict {
    private TorchStateDict() {}

    /** Every array of {@code backbone} by its PyTorch name, copied to the host. */
    static Map<String, Tensor> of(Backbone backbone) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : backbone.namedParameters().entrySet()) {
            out.put(TorchNames.of(e.getKey()), tensor(e.getKey(), e.getValue().getArray()));
        }
        return out;
    }

    /** {@code array} as a float32 safetensors array; {@code name} is for the message. */
    static Tensor tensor(String name, NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("array " + name + " is " + array.getDataType()
                    + "; weights are written as float32");
        }
        return Tensor.ofFloats(array.getShape().getShape(), array.toFloatArray());
    }

    /** A float32 {@code tensor} as an array of {@code manager}. */
    static NDArray array(NDManager manager, Tensor tensor) {
        return manager.create(tensor.floats(), new Shape(tensor.shape()));
    }
}
