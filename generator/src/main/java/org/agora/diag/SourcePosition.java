package org.agora.diag;

import java.nio.file.Path;

/** A place in a source file; line and column are 1-based, 0 means unknown. */
public record SourcePosition(Path file, int line, int column) {

    public static SourcePosition of(Path file) { return new SourcePosition(file, 0, 0); }

    public static SourcePosition of(Path file, int line) { return new SourcePosition(file, line, 0); }

    public SourcePosition atLine(int newLine) { return new SourcePosition(file, newLine, 0); }

    /** "content/fr/guide.md:12:3", relative to {@code base} when the file lies under it. */
    public String describe(Path base) {
        String name = file == null ? "<site>" : displayPath(base);
        StringBuilder s = new StringBuilder(name);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) s.append(':').append(column);
        }
        return s.toString();
    }

    private String displayPath(Path base) {
        Path abs = file.toAbsolutePath().normalize();
        if (base != null) {
            Path b = base.toAbsolutePath().normalize();
            if (abs.startsWith(b)) return b.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }
}
