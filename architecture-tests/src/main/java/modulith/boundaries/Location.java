package modulith.boundaries;

/**
 * Where a violation is: a file relative to the repository root with a line (0 when unknown), and
 * the class or member involved. The member, not the line, identifies the place in the baseline,
 * because lines move with every edit.
 *
 * @param file   repository-relative path with forward slashes, or {@code null} when no file was found
 * @param line   1-based line, or 0 when unknown
 * @param member {@code Class.method}, {@code Class.field} or {@code Class}; for migrations the file name
 */
public record Location(String file, int line, String member) {

    public static Location of(String file, int line, String member) {
        return new Location(file, Math.max(0, line), member);
    }

    /** {@code File.java:12 (Class.member)}, the form IDEs and CI logs turn into links. */
    public String describe() {
        String fileName = file == null ? "?" : file.substring(file.lastIndexOf('/') + 1);
        String position = line > 0 ? fileName + ":" + line : fileName;
        return member == null || member.isEmpty() || member.equals(fileName) ? position : position + " (" + member + ")";
    }
}
