package org.mlaan.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.engine.RunExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export}: a run's backbone as a safetensors file under PyTorch's names. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the backbone of a run's last checkpoint as a safetensors file under PyTorch's names"
                + " (conv1, bn1, layer<s>.<b>.*, fc; BN running statistics included, num_batches_tracked not),"
                + " for load_state_dict(..., strict=False) in Python or for train --init.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder with a checkpoint")
    Path runDir;

    @Option(names = "--to", required = true, paramLabel = "FILE.safetensors", description = "the file to write")
    Path to;

    @Option(names = "--aux", description = "also write the aux nets' arrays, under the lab's names (aux.m<i>.*)")
    boolean aux;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(to)) {
            throw new IllegalArgumentException("--to: " + to + " is a folder; give a file such as "
                    + to.resolve("net.safetensors"));
        }
        RunRecord run = RunDirs.read("RUN_DIR", runDir);
        RunExport.Written w = RunExport.write(run, to, aux);
        spec.commandLine().getOut().println("wrote " + w.file() + " (" + Units.bytes(w.bytes()) + "): "
                + w.backboneArrays() + " backbone arrays" + (aux ? ", " + w.auxArrays() + " aux arrays" : "")
                + " from checkpoint " + w.checkpoint() + " of " + run.dir().getFileName());
        return 0;
    }
}
