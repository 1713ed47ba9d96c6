package org.mlaan.lab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.ui.model.LiveRun;

/** The status line's device words follow the run's state (issue 15, item 4). */
class LabWindowStatusTest {

    @Test
    void theDeviceLineSaysWhatTheRunIsDoingNow() {
        RunStarted started = new RunStarted(null, "cpu()", 0, 1, 4, 64, 16);
        assertEquals("", LabWindow.deviceStatus(LiveRun.State.IDLE, null));
        assertEquals("training on cpu()", LabWindow.deviceStatus(LiveRun.State.RUNNING, started));
        assertEquals("paused on cpu()", LabWindow.deviceStatus(LiveRun.State.PAUSED, started));
        for (LiveRun.State ended : new LiveRun.State[] {LiveRun.State.COMPLETED, LiveRun.State.CANCELLED,
                LiveRun.State.FAILED}) {
            assertEquals("last run: cpu()", LabWindow.deviceStatus(ended, started), ended.name());
        }
    }

    @Test
    void theComparisonAndTheAblationSayThatTheyTrainNotTheTrainTabsLastRun() {
        RunStarted started = new RunStarted(null, "cpu()", 0, 1, 4, 64, 16);
        assertEquals("comparing methods (Compare runs tab)",
                LabWindow.deviceStatus(LiveRun.State.COMPLETED, started, true, false));
        assertEquals("ablation or analysis under way (Analyses tab)",
                LabWindow.deviceStatus(LiveRun.State.IDLE, null, false, true));
        assertEquals("last run: cpu()", LabWindow.deviceStatus(LiveRun.State.COMPLETED, started, false, false),
                "when neither trains, the Train tab's last run again");
    }
}
