package dev.ormadvisor.decisiontables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/** Real {@code .xlsx} workbooks built with Apache POI, as a spreadsheet program would save them, and hostile ones. */
public final class Workbooks {

    private Workbooks() {
    }

    /**
     * The rows of a CSV decision table typed into a workbook: whole numbers as numbers, everything else as text, and
     * the CSV's spanned cells ({@code Project...} in each column of the span) as one merged cell, which is how a
     * spreadsheet says it.
     */
    public static byte[] fromCsv(Path csv) {
        try {
            return fromCsv(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] fromCsv(String csv) {
        return workbook(sheet -> {
            CsvLineParser parser = new CsvLineParser();
            List<String> lines = csv.lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = parser.parse(lines.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (value.endsWith("...")) {
                        int last = c;
                        while (last + 1 < cells.size() && cells.get(last + 1).endsWith("...")) {
                            last++;
                        }
                        row.createCell(c).setCellValue(value.substring(0, value.length() - 3));
                        if (last > c) {
                            // Excel and LibreOffice keep the covered cells of a merge, blank: so does this.
                            for (int covered = c + 1; covered <= last; covered++) {
                                row.createCell(covered);
                            }
                            sheet.addMergedRegion(new CellRangeAddress(r, r, c, last));
                        }
                        c = last;
                        continue;
                    }
                    if (value.matches("-?[0-9]{1,9}")) {
                        row.createCell(c).setCellValue(Integer.parseInt(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
        });
    }

    public static byte[] workbook(Consumer<Sheet> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("Tables"));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet of {@code rows} rows, streamed out by POI so that building it stays cheap. */
    public static byte[] withRows(int rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tables");
            for (int r = 0; r < rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue("row " + r);
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip bomb dressed as a workbook: a few dozen kilobytes whose worksheet unzips to {@code megabytes} of
     * blanks.
     */
    public static byte[] zipBomb(int megabytes) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(blanks);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
