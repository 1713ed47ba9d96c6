package org.mlaan.lab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textThatStartsLikeAFormulaGetsALeadingQuote() {
        assertEquals("'@SUM(1)", CsvCells.text("@SUM(1)"));
        assertEquals("'+1", CsvCells.text("+1"));
        assertEquals("'-2+3", CsvCells.text("-2+3"), "text that looks like a number is still text");
        assertEquals("'=1+1", CsvCells.text("=1+1"));
        assertEquals("'\tcmd", CsvCells.text("\tcmd"));
    }

    @Test
    void aMarkedCellIsStillQuotedWhenItHoldsQuotesOrLineBreaks() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvCells.text("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'\r=1\"", CsvCells.text("\r=1"));
    }

    @Test
    void onlyTheFirstCharacterCounts() {
        assertEquals("dgl-s1", CsvCells.text("dgl-s1"));
        assertEquals("DGL+MLAAN", CsvCells.text("DGL+MLAAN"));
        assertEquals(" =1", CsvCells.text(" =1"));
    }

    @Test
    void textIsQuotedAsRfc4180SaysWhenItNeedsToBe() {
        assertEquals("\"a,b\"", CsvCells.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.text("two\nlines"));
        assertEquals("plain", CsvCells.text("plain"));
        assertEquals("", CsvCells.text(""));
        assertEquals("", CsvCells.text(null));
    }

    @Test
    void negativeNumbersStayNumbers() {
        assertEquals("-0.5", CsvCells.number(-0.5));
        assertEquals("-1", CsvCells.number(-1L));
        assertEquals("-3", CsvCells.number(-3));
        assertEquals("NaN", CsvCells.number(Double.NaN));
        assertEquals(-0.5, Double.parseDouble(CsvCells.number(-0.5)));
    }
}
