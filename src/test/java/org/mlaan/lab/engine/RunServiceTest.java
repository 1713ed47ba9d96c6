package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The one owner of training: one thread in order, side-by-side runs holding it, one exit that stops and waits. */
class RunServiceTest {

    @Test
    void tasksRunInTurnOnTheOneTrainingThread() throws Exception {
        RunService service = new RunService();
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        service.submit(() -> {
            seen.add("first on " + Thread.currentThread().getName() + " " + service.isTrainingThread());
            await(release);
        });
        var second = service.submit(() -> seen.add("second"));
        assertTrue(service.isBusy());
        assertFalse(service.isTrainingThread(), "the test's thread is not the training thread");
        release.countDown();
        second.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("first on " + RunService.THREAD_NAME + " true", "second"), seen);
        assertFalse(service.isBusy());
    }

    @Test
    void sideBySideRunsTrainTogetherAndHoldTheTrainingThreadUntilTheLastEnds() throws Exception {
        RunService service = new RunService();
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean afterRan = new AtomicBoolean();
        var together = service.submitSideBySide("pair", () -> List.of(
                () -> { bothStarted.countDown(); await(release); },
                () -> { bothStarted.countDown(); await(release); }));
        assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "the two bodies run at the same time");
        var after = service.submit(() -> afterRan.set(true));
        assertFalse(after.isDone(), "nothing else trains while they do");
        release.countDown();
        together.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        assertTrue(afterRan.get());
    }

    @Test
    void theExitStopsWhatTrainsAndWaitsUntilItHasEnded() throws Exception {
        RunService service = new RunService();
        CountDownLatch stopAsked = new CountDownLatch(1);
        CountDownLatch registered = new CountDownLatch(1);
        AtomicBoolean endedBeforeExitReturned = new AtomicBoolean();
        var training = service.submit(() -> {
            try (RunService.Registration r = service.whileTraining(stopAsked::countDown)) {
                registered.countDown();
                await(stopAsked); // a run that ends only when told to stop
                endedBeforeExitReturned.set(true);
            }
        });
        assertTrue(registered.await(10, TimeUnit.SECONDS));
        assertTrue(service.stopAllAndWait(Duration.ofSeconds(10)), "the exit waited for the run's end");
        assertTrue(endedBeforeExitReturned.get(), "the run was told to stop and ended before the exit went on");
        training.get(10, TimeUnit.SECONDS);

        try (RunService.Registration stuck = service.whileTraining(() -> { })) {
            assertFalse(service.stopAllAndWait(Duration.ofMillis(50)), "a run that does not end is waited for no longer");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
