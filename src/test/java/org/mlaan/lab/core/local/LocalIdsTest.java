package org.mlaan.lab.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalIdsTest {

    @Test
    void headKindsHaveTheConfigIds() {
        assertEquals(List.of("none", "probe", "dgl", "infopro", "infopro-2c2f", "auglocal"), HeadKind.ids());
        assertEquals(HeadKind.INFOPRO_2C2F, HeadKind.parse(" InfoPro-2C2F "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeadKind.parse("mlp"));
        assertTrue(e.getMessage().contains("infopro-2c2f"), e.getMessage());
    }

    @Test
    void idsAreWhatJsonHolds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"infopro-2c2f\"", json.writeValueAsString(HeadKind.INFOPRO_2C2F));
        assertEquals(HeadKind.DGL, json.readValue("\"dgl\"", HeadKind.class));
        assertEquals("\"reinit\"", json.writeValueAsString(CopyInit.REINIT));
        assertEquals(CopyInit.COPY, json.readValue("\"copy\"", CopyInit.class));
        assertThrows(IllegalArgumentException.class, () -> CopyInit.parse("clone"));
    }
}
