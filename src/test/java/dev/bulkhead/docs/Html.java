package dev.bulkhead.docs;

import java.util.List;

/**
 * Writes one page as well-formed XHTML: every element closed, text escaped, no named entities
 * beyond XML's own, so the pages parse as XML in the tests and open from the file system in any
 * browser. No templates: pages are small and a builder keeps escaping impossible to forget.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f3f3f3}code{font-size:.9em}img{max-width:100%;border:1px solid #eee}
            .verdict{font-weight:bold}nav a{margin-right:1rem}""";

    private final StringBuilder out = new StringBuilder();

    static Html page(String title) {
        Html html = new Html();
        html.out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(escape(title)).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<nav><a href=\"index.html\">Overview</a><a href=\"events.html\">Events</a>")
                .append("<a href=\"schemas.html\">Schemas and roles</a><a href=\"extraction.html\">Extraction readiness</a>")
                .append("<a href=\"rules.html\">Boundary rules</a></nav>\n")
                .append("<p><em>Generated from the code and the migrated database; do not edit. ")
                .append("Regenerate with <code>./mvnw -Pdocs verify</code>.</em></p>\n");
        return html.element("h1", title);
    }

    Html element(String tag, String text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    Html open(String tag) {
        out.append('<').append(tag).append('>');
        return this;
    }

    Html open(String tag, String attribute, String value) {
        out.append('<').append(tag).append(' ').append(attribute).append("=\"").append(escape(value)).append("\">");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    Html code(String text) {
        return open("code").text(text).close("code");
    }

    Html link(String href, String text) {
        return open("a", "href", href).text(text).close("a");
    }

    Html image(String src, String alt) {
        out.append("<p><img src=\"").append(escape(src)).append("\" alt=\"").append(escape(alt)).append("\"/></p>\n");
        return this;
    }

    Html paragraph(String text) {
        return element("p", text);
    }

    Html list(List<String> items) {
        if (items.isEmpty()) {
            return paragraph("None.");
        }
        open("ul");
        items.forEach(item -> element("li", item));
        return close("ul");
    }

    /** A table of plain-text cells; an empty table is said in words rather than drawn empty. */
    Html table(List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return paragraph("None.");
        }
        open("table").open("tr");
        headers.forEach(header -> open("th").text(header).close("th"));
        close("tr");
        for (List<String> row : rows) {
            open("tr");
            row.forEach(cell -> open("td").text(cell).close("td"));
            close("tr");
        }
        return close("table");
    }

    String end() {
        return out.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
