package org.mlaan.lab.core.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The text of a config file. Configs are UTF-8; a file saved in another encoding (Latin-1 from an
 * old editor) is refused with the place of its first byte that is not UTF-8, because the JDK's own
 * error says only how many bytes are bad ({@code Input length = 1}) and a lenient decoder would
 * read other characters than the file's author wrote.
 */
final class ConfigText {
    private ConfigText() {}

    /** {@code bytes} as UTF-8 text; {@code source} names the file in the message. */
    static String decode(byte[] bytes, String source) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ConfigException(source, List.of(notUtf8(bytes, in.position())));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Where the bad byte is, as an editor counts: line and column in characters, and the byte offset. */
    private static String notUtf8(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02X at line %d, column %d (byte offset %d);"
                + " save the file as UTF-8", bytes[offset] & 0xff, line, column, offset);
    }
}
