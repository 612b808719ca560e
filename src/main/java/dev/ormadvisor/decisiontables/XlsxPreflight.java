package dev.ormadvisor.decisiontables;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Looks inside an {@code .xlsx} before Apache POI builds anything from it: each part of the zip is unzipped as a
 * stream with every byte counted (a zip bomb is stopped at {@link TableLimits#MAX_UNZIPPED_BYTES}, not after), and each worksheet is
 * read with a streaming XML parser (no DTDs, no external entities) to bound its rows and columns and to refuse
 * formulas, which Drools would otherwise evaluate.
 */
final class XlsxPreflight {

    private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/[^/]+\\.xml");
    private static final Pattern CELL_REFERENCE = Pattern.compile("([A-Z]{1,3})([0-9]{1,7})");

    private XlsxPreflight() {
    }

    static void check(byte[] content) {
        if (content.length > TableLimits.MAX_FILE_BYTES) {
            throw refused("the file is " + content.length + " bytes; a decision table may be at most "
                    + TableLimits.MAX_FILE_BYTES + " bytes");
        }
        long unzipped = 0;
        int entries = 0;
        boolean sawWorksheet = false;
        // The central directory, read from memory: what each part claims is checked against what it unzips to.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > TableLimits.MAX_ZIP_ENTRIES) {
                    throw refused("the workbook has more than " + TableLimits.MAX_ZIP_ENTRIES + " parts");
                }
                try (InputStream data = zip.getInputStream(entry)) {
                    CountingStream part = new CountingStream(data, TableLimits.MAX_UNZIPPED_BYTES - unzipped);
                    if (WORKSHEET.matcher(entry.getName()).matches()) {
                        sawWorksheet = true;
                        checkWorksheet(part);
                    }
                    part.skipRest();
                    unzipped += part.count;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TableRefusedException refused) {
                throw refused;
            }
            throw refused("this is not an Excel .xlsx workbook that can be read (" + e.getMessage() + ")");
        }
        if (!sawWorksheet) {
            throw refused("this is not an Excel .xlsx workbook: it holds no worksheet (save it as \"Excel 2007-365"
                    + " (.xlsx)\")");
        }
    }

    private static void checkWorksheet(InputStream sheet) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(sheet);
            int rows = 0;
            String cell = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "row" -> {
                        String number = xml.getAttributeValue(null, "r");
                        if (++rows > TableLimits.MAX_ROWS
                                || number != null && parseOrMax(number) > TableLimits.MAX_ROWS) {
                            throw refused("the sheet has more than " + TableLimits.MAX_ROWS
                                    + " rows; a decision table may have at most " + TableLimits.MAX_ROWS);
                        }
                    }
                    case "c" -> {
                        cell = xml.getAttributeValue(null, "r");
                        if (cell != null && columnIndex(cell) >= TableLimits.MAX_COLUMNS) {
                            throw new TableRefusedException(problemAt(cell, "the sheet uses column "
                                    + letters(cell) + "; a decision table may have at most "
                                    + TableLimits.MAX_COLUMNS + " columns"));
                        }
                    }
                    case "f" -> {
                        String formula = xml.getElementText();
                        String where = cell == null ? "a cell" : "cell " + cell;
                        throw new TableRefusedException(problemAt(cell, where + " holds a formula (=" + formula
                                + "): a decision table cell must hold the value itself; type it in, or paste it"
                                + " as \"values only\""));
                    }
                    default -> {
                        // other markup: styles, dimensions, merged ranges
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw refused("a worksheet of this workbook is not well-formed XML (" + e.getMessage() + ")");
        }
    }

    private static int parseOrMax(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static CellProblem problemAt(String cell, String message) {
        Matcher matcher = cell == null ? null : CELL_REFERENCE.matcher(cell);
        if (matcher != null && matcher.matches()) {
            return new CellProblem(Integer.parseInt(matcher.group(2)), matcher.group(1), message);
        }
        return new CellProblem(0, null, message);
    }

    private static String letters(String cell) {
        return cell.replaceAll("[0-9]", "");
    }

    private static int columnIndex(String cell) {
        int index = 0;
        for (char c : letters(cell).toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    private static TableRefusedException refused(String message) {
        return new TableRefusedException(new CellProblem(0, null, message));
    }

    /** Counts what is read of one zip entry and refuses to go past what is left of the whole budget. */
    private static final class CountingStream extends FilterInputStream {

        private final long budget;
        private long count;

        CountingStream(InputStream in, long budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the XML parser may close it at the end of the sheet; the part is closed by whoever opened it
        }

        void skipRest() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted as it is read
            }
        }

        private void counted(int n) {
            count += n;
            if (count > budget) {
                throw refused("the workbook unzips to more than " + TableLimits.MAX_UNZIPPED_BYTES / (1024 * 1024)
                        + " MB (a zip bomb?): refused before reading it");
            }
        }
    }
}
