package dev.bulkhead.docs;

import java.util.Set;
import java.util.TreeSet;

/** A PlantUML diagram of the events crossing modules: an arrow from publisher to listener per event type. */
final class EventFlowDiagram {

    private EventFlowDiagram() {
    }

    static String plantUml(DocumentationModel model) {
        StringBuilder uml = new StringBuilder("@startuml\ntitle Events between modules\ntop to bottom direction\n")
                .append("skinparam componentStyle rectangle\n");
        Set<String> modules = new TreeSet<>();
        Set<String> arrows = new TreeSet<>();
        for (EventGraph.Listener listener : model.events().listeners()) {
            for (String type : listener.receives()) {
                EventGraph.Event event = model.events().event(type);
                modules.add(event.module());
                modules.add(listener.module());
                String declared = DocumentationModel.simpleName(listener.parameterType());
                String label = event.simpleName() + (declared.equals(event.simpleName()) ? "" : " (as " + declared + ")");
                arrows.add(event.module() + " --> " + listener.module() + " : " + label);
            }
        }
        modules.forEach(module -> uml.append("component \"").append(module).append("\" as ").append(module).append('\n'));
        arrows.forEach(arrow -> uml.append(arrow).append('\n'));
        return uml.append("@enduml\n").toString();
    }
}
