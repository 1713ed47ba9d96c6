package org.mlaan.lab.core.io;

/**
 * One CSV cell as the lab writes it, text or number. A text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, because a
 * spreadsheet would otherwise run it as a formula (OWASP, "CSV Injection"): a run named
 * {@code =HYPERLINK(...)} must open as the text it is. Then it is quoted as RFC 4180 says when it
 * holds a comma, quote or line break. Numbers are never marked: {@code -0.5} is a number, and the
 * readers of the lab's own CSV files parse it back as one.
 */
public final class CsvCells {
    private CsvCells() {}

    /** A text cell: marked when a spreadsheet would take it for a formula, quoted when it needs to be. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String cell = startsLikeAFormula(s) ? "'" + s : s;
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    /** A number cell as Java writes it ({@code NaN} and {@code Infinity} included), never marked. */
    public static String number(double v) {
        return Double.toString(v);
    }

    /** A whole-number cell, never marked. */
    public static String number(long v) {
        return Long.toString(v);
    }

    private static boolean startsLikeAFormula(String s) {
        return switch (s.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
