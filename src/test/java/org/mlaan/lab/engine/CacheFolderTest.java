package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheFolderTest {

    @Test
    void labSettingWinsOverDjlsAndThePlatformDefault() {
        assertEquals(Path.of("/data/lab"), CacheFolder.resolve(
                Map.of("mlaan.cache", "/data/lab", "user.home", "/home/u", "os.name", "Linux"),
                Map.of("DJL_CACHE_DIR", "/data/djl", "MLAAN_LAB_CACHE", "/data/env")));
        assertEquals(Path.of("/data/env"), CacheFolder.resolve(Map.of("user.home", "/home/u", "os.name", "Linux"),
                Map.of("DJL_CACHE_DIR", "/data/djl", "MLAAN_LAB_CACHE", "/data/env")));
    }

    @Test
    void djlsOwnSettingIsRespectedWhenTheLabHasNone() {
        assertEquals(Path.of("/data/djl"), CacheFolder.resolve(Map.of("user.home", "/home/u", "os.name", "Linux"),
                Map.of("DJL_CACHE_DIR", "/data/djl")));
    }

    @Test
    void platformDefaultsArePerUserCacheFolders() {
        assertEquals(Path.of("/home/u/.cache/mlaan-lab"),
                CacheFolder.resolve(Map.of("user.home", "/home/u", "os.name", "Linux"), Map.of()));
        assertEquals(Path.of("/xdg/mlaan-lab"), CacheFolder.resolve(Map.of("user.home", "/home/u", "os.name", "Linux"),
                Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of("/Users/u/Library/Caches/MLAAN Lab"),
                CacheFolder.resolve(Map.of("user.home", "/Users/u", "os.name", "Mac OS X"), Map.of()));
        assertEquals(Path.of("C:/Users/u/AppData/Local/MLAAN Lab/cache"), CacheFolder.resolve(
                Map.of("user.home", "C:/Users/u", "os.name", "Windows 11"), Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local")));
    }
}
