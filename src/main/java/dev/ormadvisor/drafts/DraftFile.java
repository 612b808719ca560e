package dev.ormadvisor.drafts;

/**
 * A file of the rules folder as the draft wants it: {@code path} relative to the folder with {@code /} separators;
 * {@code text} the file's text, or for a {@code .drl.xlsx} workbook its bytes in base64 (as the rule set
 * snapshots hold it).
 */
public record DraftFile(String path, String text) {
}
