package org.mlaan.lab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs a piece of a picture-making main on the FX thread and waits for its result (not for TestFX tests). */
public final class OnFx {
    private OnFx() {}

    /** Calls {@code action} on the FX thread; its exception, or a minute without an answer, is thrown here. */
    public static <T> T call(Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
