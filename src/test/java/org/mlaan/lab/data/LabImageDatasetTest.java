package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabImageDatasetTest {
    private static final ImageSet IMAGES = new BuiltinScenes(3).train(20);
    private static final SampleTransform AUGMENT = PadCropFlip.cifar10Train();

    private static LabImageDataset dataset(EpochOrderSampler sampler, long seed) {
        return LabImageDataset.builder().setImages(IMAGES).setTransform(AUGMENT).optSeed(seed)
                .setSampling(sampler).build();
    }

    /** The batches DJL's own data pipeline yields: (images, labels, indices) per batch. */
    private static List<Object[]> batches(LabImageDataset data, NDManager manager)
            throws IOException, TranslateException {
        List<Object[]> out = new ArrayList<>();
        for (Batch batch : data.getData(manager)) {
            try (batch) {
                NDList x = batch.getData();
                NDList y = batch.getLabels();
                long[] indices = batch.getIndices().stream().mapToLong(i -> (Long) i).toArray();
                out.add(new Object[] {x.singletonOrThrow().getShape(), x.singletonOrThrow().getDataType(),
                    x.singletonOrThrow().toFloatArray(), y.singletonOrThrow().getShape(),
                    y.singletonOrThrow().getDataType(), y.singletonOrThrow().toIntArray(), indices});
            }
        }
        return out;
    }

    @Test
    void djlBatchesAreImagesAndInt32LabelsWithTheShortLastBatchKept() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Object[]> b = batches(dataset(EpochOrderSampler.sequential(8), 1), manager);
            assertEquals(3, b.size());
            assertEquals(new Shape(8, 3, 32, 32), b.get(0)[0]);
            assertEquals(DataType.FLOAT32, b.get(0)[1]);
            assertEquals(new Shape(8), b.get(0)[3]);
            assertEquals(DataType.INT32, b.get(0)[4]);
            assertEquals(new Shape(4, 3, 32, 32), b.get(2)[0]);
            int[] labels = (int[]) b.get(2)[5];
            for (int k = 0; k < 4; k++) {
                assertEquals(IMAGES.label(16 + k), labels[k]);
            }
        }
    }

    @Test
    void samplesEqualBatchAssemblersForTheSameSeedAndEpoch() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            LabImageDataset data = dataset(EpochOrderSampler.shuffled(6, 99), 42);
            BatchAssembler assembler = new BatchAssembler(IMAGES, AUGMENT, 42);
            for (int epoch : new int[] {0, 3}) {
                data.setEpoch(epoch);
                List<Object[]> b = batches(data, manager);
                List<int[]> expectedOrder = EpochOrder.batches(EpochOrder.shuffled(99, epoch, 20), 6);
                assertEquals(expectedOrder.size(), b.size());
                for (int k = 0; k < b.size(); k++) {
                    int[] indices = Arrays.stream((long[]) b.get(k)[6]).mapToInt(l -> (int) l).toArray();
                    assertArrayEquals(expectedOrder.get(k), indices, "epoch " + epoch + " batch " + k);
                    NDList expected = assembler.batch(manager, indices, epoch);
                    assertArrayEquals(expected.get(0).toFloatArray(), (float[]) b.get(k)[2]);
                    assertArrayEquals(expected.get(1).toIntArray(), (int[]) b.get(k)[5]);
                }
            }
        }
    }

    @Test
    void anotherEpochDrawsAnotherAugmentation() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            LabImageDataset data = dataset(EpochOrderSampler.sequential(20), 5);
            float[] first = (float[]) batches(data, manager).get(0)[2];
            data.setEpoch(1);
            float[] second = (float[]) batches(data, manager).get(0)[2];
            assertFalse(Arrays.equals(first, second));
            data.setEpoch(0);
            assertArrayEquals(first, (float[]) batches(data, manager).get(0)[2]);
        }
    }
}
