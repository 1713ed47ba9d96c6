package org.mlaan.lab.analysis.result;

import java.util.List;
import java.util.Optional;
import org.mlaan.lab.core.config.Method;

/**
 * MLM on/off x LAM on/off over a base local method, plus BP (MLAAN paper, Table 4). A cell that
 * has no runs is absent, so a stopped queue still gives a partial matrix.
 *
 * @param base the base local method ({@code DGL} or {@code InfoPro})
 * @param bp the BP cell, or null when no BP run was given
 * @param cells the base method's cells, in the order base, +MLM, +LAM, +MLM+LAM where present
 */
public record AblationMatrix(Method base, AblationCell bp, List<AblationCell> cells) {

    public AblationMatrix {
        cells = List.copyOf(cells);
    }

    /** The cell with this MLM/LAM combination, if it has runs. */
    public Optional<AblationCell> cell(boolean mlm, boolean lam) {
        return cells.stream().filter(c -> c.mlm() == mlm && c.lam() == lam).findFirst();
    }
}
