package dev.bulkhead.docs;

import dev.bulkhead.platform.database.ProvisioningScript;
import dev.bulkhead.platform.database.RoleNames;
import dev.bulkhead.testing.DatabaseInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the whole documentation set into a folder, from the code (Spring Modulith and
 * ArchUnit), the running test application (springdoc) and its migrated database. The output
 * depends only on those: no timestamps, everything sorted, so two runs on the same code agree.
 */
final class ArchitectureDocs {

    private final Codebase codebase;
    private final DatabaseInspector database;
    private final ProvisioningScript roles;
    private final MockMvcTester mvc;
    private final RequestMappingHandlerMapping handlers;

    ArchitectureDocs(DatabaseInspector database, ProvisioningScript roles, MockMvcTester mvc,
            RequestMappingHandlerMapping handlers) {
        this(Codebase.ofApplication(), database, roles, mvc, handlers);
    }

    /**
     * The documentation of another codebase than the application's, such as the test application with its extra
     * module. The database and the running application are the test application's: what they hold of modules
     * outside {@code codebase} is left out.
     */
    ArchitectureDocs(Codebase codebase, DatabaseInspector database, ProvisioningScript roles, MockMvcTester mvc,
            RequestMappingHandlerMapping handlers) {
        this.codebase = codebase;
        this.database = database;
        this.roles = roles;
        this.mvc = mvc;
        this.handlers = handlers;
    }

    /**
     * Writes every file under {@code folder}, which is emptied first; returns the model the pages show.
     * An SVG in {@code previous} rendered from the same PlantUML source is reused rather than
     * rendered again: rendering is the slowest step and would give the same picture.
     */
    DocumentationModel generate(Path folder, Path scratch, Path previous) {
        Map<String, String> files = new TreeMap<>();
        HttpApi httpApi = new HttpApi(mvc, handlers, codebase);
        Map<String, List<HttpApi.Endpoint>> endpoints = new LinkedHashMap<>();
        for (DocumentedModule module : codebase.documentedModules()) {
            ObjectNode openApi = httpApi.openApiOf(module.name());
            if (openApi != null) {
                files.put("openapi/" + module.name() + ".json", httpApi.json(openApi));
                endpoints.put(module.name(), httpApi.endpoints(openApi));
            }
        }
        DocumentationModel model = model(endpoints);
        ModulithDocumenter.write(codebase.modules(), scratch).forEach((name, content) -> {
            if (name.endsWith(".puml")) {
                files.put("diagrams/" + name, content);
            } else {
                files.put("modulith/" + name, content);
            }
        });
        files.put("diagrams/event-flow.puml", EventFlowDiagram.plantUml(model));
        List.copyOf(files.keySet()).stream().filter(name -> name.endsWith(".puml"))
                .forEach(name -> files.put(name.replace(".puml", ".svg"), svg(files.get(name), previous.resolve(name.replace(".puml", ".svg")))));
        files.put("index.html", IndexPage.render(model));
        files.put("events.html", EventsPage.render(model));
        files.put("schemas.html", SchemasPage.render(model));
        files.put("extraction.html", ExtractionPage.render(model));
        files.put("rules.html", RulesPage.render(model.rules()));
        model.modules().forEach(module -> files.put(module.page(), ModulePage.render(module, model)));
        write(folder, files);
        return model;
    }

    private static String svg(String plantUml, Path previous) {
        try {
            if (Files.exists(previous)) {
                String existing = Files.readString(previous);
                if (PlantUmlSvg.sourceHashOf(existing).equals(PlantUmlSvg.sourceHash(plantUml))) {
                    return existing;
                }
            }
            return PlantUmlSvg.render(plantUml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentationModel model(Map<String, List<HttpApi.Endpoint>> endpoints) {
        EventGraph events = new EventScanner(codebase).scan();
        Set<String> documentedOwners = codebase.declared().schemaByOwner().keySet();
        List<RoleNames> owners = roles.owners().stream().filter(owner -> documentedOwners.contains(owner.owner())).toList();
        SchemaCatalog schemas = new SchemaCatalog(database);
        Map<String, List<SchemaCatalog.Table>> tables = new LinkedHashMap<>();
        owners.forEach(owner -> tables.put(owner.schema(), schemas.tables(owner.schema())));
        RolePrivileges privileges = new RolePrivileges(database);
        List<RolePrivileges.Grant> grants = privileges.grants(owners);
        List<RolePrivileges.Membership> memberships = privileges.memberships(owners);
        Set<String> undocumentedRoles = roles.owners().stream().filter(owner -> !owners.contains(owner))
                .flatMap(owner -> Stream.of(owner.ownerRole(), owner.appRole(), owner.defaultLoginRole())).collect(Collectors.toSet());
        List<RolePrivileges.Policy> policies = privileges.policies(roles.registry().schema()).stream()
                .filter(policy -> List.of(policy.roles().split(", ")).stream().noneMatch(undocumentedRoles::contains))
                .toList();
        List<SchemaCatalog.CrossSchemaReference> crossings = schemas.crossSchemaReferences();
        ModuleCalls calls = new ModuleCalls(codebase);
        Map<String, ExtractionReadiness> readiness = new LinkedHashMap<>();
        codebase.documentedModules().stream().filter(DocumentedModule::isBusinessModule).forEach(module -> readiness.put(
                module.name(), ExtractionReadiness.assess(module, codebase, calls, events, crossings, grants, roles)));
        return new DocumentationModel(codebase.documentedModules(), events, owners, tables, grants, memberships, policies,
                crossings, readiness,
                endpoints, BoundaryRules.inForce());
    }

    private static void write(Path folder, Map<String, String> files) {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> old = Files.walk(folder)) {
                    for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
