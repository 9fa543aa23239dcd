package dev.bulkhead.docs;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API of each module as OpenAPI 3: springdoc describes the running test application at
 * {@code /v3/api-docs}, and each path goes to the module whose controller handles it (Spring MVC's
 * own handler mapping says which). Keys are sorted and the server URL dropped, so the output depends
 * only on the code.
 */
final class HttpApi {

    /** One operation, flattened for a table. */
    record Endpoint(String method, String path, String operation, String parameters, String requestBody,
            String responses) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode whole;
    private final Map<String, String> moduleByPath;

    HttpApi(MockMvcTester mvc, RequestMappingHandlerMapping handlers, Codebase codebase) {
        this.whole = JSON.readTree(body(mvc));
        this.moduleByPath = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.getHandlerMethods().entrySet()) {
            String module = codebase.modules().getModuleByType(handler.getValue().getBeanType().getName())
                    .map(m -> m.getIdentifier().toString()).orElse("");
            handler.getKey().getPatternValues().forEach(pattern -> moduleByPath.put(pattern, module));
        }
    }

    /** The OpenAPI document of one module's endpoints, with only the schemas they use; null without endpoints. */
    ObjectNode openApiOf(String module) {
        ObjectNode document = (ObjectNode) whole.deepCopy();
        document.remove("servers");
        ((ObjectNode) document.get("info")).put("title", "Bulkhead " + module + " module HTTP API");
        ObjectNode paths = (ObjectNode) document.get("paths");
        List<String> foreign = paths.propertyNames().stream().filter(path -> !module.equals(moduleByPath.get(path))).toList();
        paths.remove(foreign);
        if (paths.isEmpty()) {
            return null;
        }
        keepReferencedSchemas(document);
        return (ObjectNode) sorted(document);
    }

    String json(ObjectNode document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }

    List<Endpoint> endpoints(ObjectNode document) {
        List<Endpoint> endpoints = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> HTTP_METHODS.contains(operation.getKey()))
                .forEach(operation -> endpoints.add(endpoint(path.getKey(), operation.getKey(), operation.getValue()))));
        return endpoints;
    }

    private static Endpoint endpoint(String path, String method, JsonNode operation) {
        List<String> parameters = new ArrayList<>();
        operation.path("parameters").values().forEach(parameter -> parameters.add(parameter.path("name").asString()
                + " (" + parameter.path("in").asString() + (parameter.path("required").asBoolean() ? ", required" : "") + ")"));
        String body = operation.has("requestBody") ? schemaNames(operation.get("requestBody")) : "";
        List<String> responses = new ArrayList<>();
        operation.path("responses").properties().forEach(response -> responses.add(response.getKey()
                + describedSchema(response.getValue())));
        return new Endpoint(method.toUpperCase(), path, operation.path("operationId").asString(),
                String.join(", ", parameters), body, String.join("; ", responses));
    }

    private static String describedSchema(JsonNode response) {
        String names = schemaNames(response);
        return names.isEmpty() ? "" : " " + names;
    }

    private static String schemaNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        collectReferences(node, names);
        return String.join(", ", names);
    }

    private static void keepReferencedSchemas(ObjectNode document) {
        JsonNode components = document.path("components").path("schemas");
        if (!(components instanceof ObjectNode schemas)) {
            return;
        }
        Set<String> used = new TreeSet<>();
        collectReferences(document.get("paths"), used);
        boolean grew = true;
        while (grew) {
            int before = used.size();
            new ArrayList<>(used).forEach(name -> collectReferences(schemas.path(name), used));
            grew = used.size() > before;
        }
        schemas.retain(used);
    }

    private static void collectReferences(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(property -> {
                if (property.getKey().equals("$ref")) {
                    String ref = property.getValue().asString();
                    names.add(ref.substring(ref.lastIndexOf('/') + 1));
                } else {
                    collectReferences(property.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.values().forEach(element -> collectReferences(element, names));
        }
    }

    /** Object keys in alphabetical order at every level; arrays keep their order, which carries meaning. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.values().forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String body(MockMvcTester mvc) {
        try {
            var result = mvc.get().uri("/v3/api-docs").exchange();
            if (result.getResponse().getStatus() != 200) {
                throw new IllegalStateException("/v3/api-docs answered " + result.getResponse().getStatus());
            }
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
