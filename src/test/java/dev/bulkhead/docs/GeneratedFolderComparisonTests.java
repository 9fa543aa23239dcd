package dev.bulkhead.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFolderComparisonTests {

    static final String DIAGRAM = "@startuml\nA -> B\n@enduml\n";

    @TempDir
    Path committed;

    @TempDir
    Path fresh;

    @Test
    void an_edited_a_missing_and_a_stale_file_are_each_reported() throws IOException {
        write(committed, "index.html", "<p>old</p>");
        write(fresh, "index.html", "<p>new</p>");
        write(fresh, "events.html", "<p>events</p>");
        write(committed, "gone.html", "<p>gone</p>");

        assertThat(GeneratedFolderComparison.differences(committed, fresh))
                .containsExactlyInAnyOrder("out of date: index.html", "missing: events.html", "no longer generated: gone.html");
    }

    @Test
    void an_svg_counts_as_current_when_it_was_rendered_from_the_same_source_whatever_its_bytes() throws IOException {
        String rendered = PlantUmlSvg.render(DIAGRAM);
        write(committed, "diagrams/a.svg", rendered.replace("<svg ", "<svg data-fonts=\"other machine\" "));
        write(fresh, "diagrams/a.svg", rendered);
        write(committed, "diagrams/b.svg", PlantUmlSvg.render(DIAGRAM.replace("B", "C")));
        write(fresh, "diagrams/b.svg", rendered);

        assertThat(GeneratedFolderComparison.differences(committed, fresh)).containsExactly("out of date: diagrams/b.svg");
    }

    @Test
    void the_documenters_shuffled_relations_and_list_items_come_out_in_one_order() {
        String one = "@startuml\nRel(b, c)\nRel(a, b)\nSHOW_LEGEND()\n@enduml";
        String other = "@startuml\nRel(a, b)\nRel(b, c)\nSHOW_LEGEND()\n@enduml";
        String canvasOne = "|Events\n|* `Y` (async)\n** `made.by()`\n* `X` (async)\n|===";
        String canvasOther = "|Events\n|* `X` (async)\n* `Y` (async)\n** `made.by()`\n|===";

        assertThat(DocumenterOutputOrder.stable("c.puml", one)).isEqualTo(DocumenterOutputOrder.stable("c.puml", other));
        assertThat(DocumenterOutputOrder.stable("m.adoc", canvasOne)).isEqualTo(canvasOther);
    }

    private static void write(Path folder, String file, String content) throws IOException {
        Path target = folder.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content);
    }
}
