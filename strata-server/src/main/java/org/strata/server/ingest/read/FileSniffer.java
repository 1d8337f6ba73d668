package org.strata.server.ingest.read;

import org.strata.engine.i18n.Message;

import org.strata.server.ingest.ImportFileException;
import org.strata.server.ingest.ImportMessages;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells from the first bytes of a file what it is: an Excel workbook, CSV text in some encoding, or something an
 * import cannot read (a picture, a PDF, a ZIP archive, a legacy .xls). The content decides, not the file name,
 * because users rename files ("orders.csv" that is really an .xlsx is common).
 */
final class FileSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    /** What was found: the format, and for CSV the encoding, the BOM length to skip and the delimiter. */
    record Sniffed(SourceFormat format, Charset encoding, int bomLength, char delimiter) {
    }

    private FileSniffer() {
    }

    /**
     * @param sample      the file's first bytes (at most {@link #SAMPLE_BYTES})
     * @param length      how many bytes of {@code sample} are valid
     * @param wholeFile   true when the sample is the whole file (no character was cut at its end)
     */
    static Sniffed sniff(byte[] sample, int length, boolean wholeFile, String fileName, ImportOptions options) {
        String name = fileName;
        if (startsWith(sample, length, 'P', 'K', 3, 4)) {
            if (containsAscii(sample, length, "xl/") || lowerName(fileName).endsWith(".xlsx")) {
                return new Sniffed(SourceFormat.XLSX, null, 0, ',');
            }
            throw notReadable(name, ImportMessages.ZIP_ARCHIVE);
        }
        if (startsWith(sample, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportFileException(ImportMessages.legacyExcel(name));
        }
        Message binaryKind = knownBinary(sample, length);
        if (binaryKind != null) {
            throw notReadable(name, binaryKind);
        }
        if (lowerName(fileName).endsWith(".xlsx")) {
            throw new ImportFileException(ImportMessages.namedXlsxButIsNot(name));
        }
        Charset bomCharset = null;
        int bom = 0;
        if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, length, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, length, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            bom = 2;
        }
        Charset encoding;
        if (options.encoding() != null) {
            encoding = options.encoding();
            if (bomCharset != null && sameFamily(bomCharset, encoding)) {
                encoding = bomCharset;  // "UTF-16" given: the BOM says which byte order
            } else {
                bom = 0;  // the user insists on another encoding; the BOM bytes are then data of it
            }
        } else if (bomCharset != null) {
            encoding = bomCharset;
        } else {
            encoding = utf16WithoutBom(sample, length);
            if (encoding == null) {
                if (looksBinary(sample, length)) {
                    throw notReadable(name, ImportMessages.BINARY_DATA);
                }
                encoding = isStrictUtf8(sample, length, wholeFile) ? StandardCharsets.UTF_8 : GB18030;
            }
        }
        String text = new String(sample, bom, length - bom, encoding);
        if (text.isBlank()) {
            throw empty(name);
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : delimiterOf(text);
        return new Sniffed(SourceFormat.CSV, encoding, bom, delimiter);
    }

    static ImportFileException notReadable(String name, Message what) {
        return new ImportFileException(ImportMessages.notReadable(name, what));
    }

    static ImportFileException empty(String name) {
        return new ImportFileException(ImportMessages.emptyFile(name));
    }

    private static Message knownBinary(byte[] s, int n) {
        if (startsWith(s, n, 0x89, 'P', 'N', 'G')) {
            return ImportMessages.image("PNG");
        }
        if (startsWith(s, n, 0xFF, 0xD8, 0xFF)) {
            return ImportMessages.image("JPEG");
        }
        if (startsWith(s, n, 'G', 'I', 'F', '8')) {
            return ImportMessages.image("GIF");
        }
        if (startsWith(s, n, '%', 'P', 'D', 'F')) {
            return ImportMessages.PDF;
        }
        if (startsWith(s, n, 0x1F, 0x8B)) {
            return ImportMessages.archive("gzip");
        }
        if (startsWith(s, n, 'R', 'a', 'r', '!') || startsWith(s, n, '7', 'z', 0xBC, 0xAF)) {
            return ImportMessages.archive("RAR / 7z");
        }
        return null;
    }

    /** NUL bytes never occur in UTF-8 or GBK text; other control bytes (besides tab, CR, LF, FF, ESC) hardly. */
    private static boolean looksBinary(byte[] s, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = s[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > n / 100;
    }

    /** UTF-16 text without a BOM: ASCII characters leave a NUL in every other byte. */
    private static Charset utf16WithoutBom(byte[] s, int n) {
        if (n < 4) {
            return null;
        }
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            evenNul += s[i] == 0 ? 1 : 0;
            oddNul += s[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Valid UTF-8 throughout; a multi-byte character cut by the end of the sample does not count against it. */
    static boolean isStrictUtf8(byte[] s, int n, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(n + 1);
        return !decoder.decode(ByteBuffer.wrap(s, 0, n), out, wholeFile).isError();
    }

    /** The most frequent of , ; tab in the first record (outside quotes); a comma when none occurs. */
    static char delimiterOf(String text) {
        int commas = 0, semicolons = 0, tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons + tabs > 0) {
                    break;  // the end of the first non-blank line
                }
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean sameFamily(Charset a, Charset b) {
        return a.equals(b) || a.name().startsWith("UTF-16") && b.name().startsWith("UTF-16");
    }

    private static boolean startsWith(byte[] s, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((s[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAscii(byte[] s, int n, String needle) {
        byte[] pattern = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + pattern.length <= n; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (s[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String lowerName(String fileName) {
        return fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    }
}
