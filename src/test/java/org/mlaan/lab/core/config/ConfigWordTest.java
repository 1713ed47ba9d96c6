package org.mlaan.lab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.EmaUpdate;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.local.MomentumAuxKind;

/** Every choice written as a word reads the same spellings and refuses the same way. */
class ConfigWordTest {

    @Test
    void everyWordReadsBackToItsConstantWhateverTheCaseAndSeparators() {
        for (Method m : Method.values()) {
            assertEquals(m, Method.parse(" " + m.id().toLowerCase() + " "));
        }
        for (ScheduleKind k : ScheduleKind.values()) {
            assertEquals(k, ScheduleKind.parse(k.id().replace('-', '_').toUpperCase()));
        }
        assertEquals(EmaUpdate.LAST_ONLY, EmaUpdate.parse("last-only"));
        assertEquals(HeadKind.INFOPRO_2C2F, HeadKind.parse("InfoPro_2C2F"));
        assertEquals(MomentumAuxKind.MAN_PLUS_PLUS, MomentumAuxKind.parse("MAN++"));
        assertEquals(DatasetKind.CIFAR10, DatasetKind.parse("cifar-10"));
    }

    @Test
    void anUnknownWordIsRefusedNamingWhatItIsAndEveryWordAccepted() {
        var e = assertThrows(IllegalArgumentException.class, () -> MomentumAuxKind.parse("man+"));
        assertEquals("unknown momentum aux 'man+', expected one of [none, man, man++]", e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> ScheduleKind.parse(null));
        assertEquals("unknown schedule 'null', expected one of [cosine, step, constant, cosine-imagenet]",
                none.getMessage());
        assertEquals(List.of("standard", "shifted", "lesson"), DatasetVariant.ids());
    }
}
