package com.dravo.webhooks.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's answer: one row a figure, with its limit and figure / limit. */
final class ResultsTable {

    private record Row(String item, String figure, String value, String limit, String ratio) {

        String[] cells() {
            return new String[] { item, figure, value, limit, ratio };
        }
    }

    private static final int NOTE_WIDTH = 96;

    private static final Row HEADER = new Row("#", "figure", "value", "limit", "ratio");

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void row(String item, String figure, String value, String limit, String ratio) {
        rows.add(new Row(item, figure, value, limit, ratio));
    }

    void note(String note) {
        notes.add(note);
    }

    /** Plain text in aligned columns, then the notes. */
    String render() {
        List<Row> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        int[] widths = new int[5];
        for (Row row : all) {
            String[] cells = row.cells();
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }

        StringBuilder text = new StringBuilder();
        for (Row row : all) {
            String[] cells = row.cells();
            for (int i = 0; i < cells.length; i++) {
                String cell = i == cells.length - 1 ? cells[i] : pad(cells[i], widths[i]);
                text.append(i == 0 ? "" : "  ").append(cell);
            }
            text.append('\n');
            if (row == HEADER) {
                text.append("-".repeat(widths[0] + widths[1] + widths[2] + widths[3]
                        + widths[4] + 8)).append('\n');
            }
        }
        notes.forEach(note -> text.append('\n').append(wrapped("- " + note)));
        return text.append('\n').toString();
    }

    /** The note in lines of at most NOTE_WIDTH characters, the later ones indented. */
    private static String wrapped(String note) {
        StringBuilder lines = new StringBuilder();
        int lineStart = 0;
        for (String word : note.split(" ")) {
            if (lines.length() - lineStart + 1 + word.length() > NOTE_WIDTH) {
                lines.append("\n ");
                lineStart = lines.length() - 1;
            }
            lines.append(lines.length() == 0 ? "" : " ").append(word);
        }
        return lines.toString();
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }
}
