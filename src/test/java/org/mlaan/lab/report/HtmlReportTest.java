package org.mlaan.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private static String html;
    private static Document doc;

    @BeforeAll
    static void writeAndParseTheFullReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(ReportFixtures.full(), file);
        html = Files.readString(file, StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void thePageIsWellFormedXhtmlWithoutScriptsOrExternalFiles() {
        assertEquals("html", doc.getDocumentElement().getLocalName());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("link").getLength());
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script tag, escaped or not");
        NodeList imgs = doc.getElementsByTagName("img");
        for (int i = 0; i < imgs.getLength(); i++) {
            assertTrue(((Element) imgs.item(i)).getAttribute("src").startsWith("data:image/png;base64,"));
        }
    }

    @Test
    void everyFigureIsADecodablePngOfItsStatedSize() throws Exception {
        NodeList imgs = doc.getElementsByTagName("img");
        // Table 4, Table 5, test error, Figure 5, Figure 6 lines + 2 heatmaps, Table 3, Figure 4
        assertEquals(9, imgs.getLength());
        for (int i = 0; i < imgs.getLength(); i++) {
            Element img = (Element) imgs.item(i);
            String src = img.getAttribute("src");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertNotNull(png, img.getAttribute("alt"));
            assertEquals(Integer.parseInt(img.getAttribute("width")), png.getWidth(), img.getAttribute("alt"));
            assertEquals(Integer.parseInt(img.getAttribute("height")), png.getHeight(), img.getAttribute("alt"));
        }
        assertEquals(HtmlReport.CHART_WIDTH, Integer.parseInt(((Element) imgs.item(0)).getAttribute("width")));
    }

    @Test
    void namesFromRunFoldersAreEscapedAndReadBackAsText() {
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(ReportFixtures.EVIL), "the config's name shows as text");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"), "escaped");
        assertTrue(text.contains("no checkpoint <none> & nothing to load"), "notes too");
        assertEquals("Ablation " + ReportFixtures.EVIL, doc.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void eachAnalysisHasItsSectionCaptionAndTable() {
        NodeList h2 = doc.getElementsByTagName("h2");
        StringBuilder titles = new StringBuilder();
        for (int i = 0; i < h2.getLength(); i++) {
            titles.append(h2.item(i).getTextContent()).append('|');
        }
        assertEquals("What was run|Table 4: ablation of MLM and LAM|Table 5: epoch budgets|Test error per epoch|"
                + "Figure 5: linear separability by depth|Figure 6: similarity to BP|Table 3: memory|"
                + "Table 6: generalisation to another data set|Figure 4: feature maps|Notes|", titles.toString());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Fitted on 500 training images and scored on 200 test images for every run."));
        assertTrue(text.contains("on the same 256 test images"));
        assertTrue(text.contains("seed 2: 36.00 / 40.00, 3 epochs, completed"), "per-seed values of Table 4");
        assertTrue(text.contains("33 %"), "DGL+MLAAN's live tensors are a third of BP's");
        assertTrue(text.contains("55.00"), "generalisation error in %");
    }

    @Test
    void aReportWithOnlyRunsHasNoAnalysisSections() {
        var full = ReportFixtures.full();
        var bare = new org.mlaan.lab.analysis.result.AnalysisReport("bare", full.made(), full.runs().subList(0, 1),
                null, java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), null, java.util.List.of());
        String page = HtmlReport.html(bare);
        assertFalse(page.contains("Table 4"));
        assertTrue(page.contains("Every analysis the runs allow was computed."));
    }
}
