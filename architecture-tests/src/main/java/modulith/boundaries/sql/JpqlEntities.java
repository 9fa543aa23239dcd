package modulith.boundaries.sql;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities a JPQL (or HQL) query reads or writes. JPQL names entities, not tables, so a
 * table-level SQL parser cannot judge it; instead a small tokenizer reads the FROM, JOIN, UPDATE
 * and DELETE FROM clauses: {@code FROM Entity e}, {@code JOIN Entity x ON …} name entities
 * directly, and path joins such as {@code JOIN e.customer c} are followed through the entity's
 * field types.
 */
public final class JpqlEntities {

    private final Map<String, JavaClass> entitiesByName;

    public JpqlEntities(Map<String, JavaClass> entitiesByName) {
        this.entitiesByName = entitiesByName;
    }

    public Set<JavaClass> referencedBy(String jpql) {
        List<String> tokens = tokenize(jpql);
        Map<String, JavaClass> aliases = new HashMap<>();
        Set<JavaClass> found = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String keyword = tokens.get(i).toLowerCase(Locale.ROOT);
            boolean entityFollows = keyword.equals("from") || keyword.equals("join") || keyword.equals("update");
            if (!entityFollows || i + 1 >= tokens.size()) {
                continue;
            }
            int at = i + 1;
            if (tokens.get(at).equalsIgnoreCase("fetch")) {
                at++;
            }
            while (at < tokens.size()) {
                Optional<JavaClass> entity = resolve(tokens.get(at), aliases);
                if (entity.isEmpty()) {
                    break;
                }
                found.add(entity.get());
                int aliasAt = at + 1 < tokens.size() && tokens.get(at + 1).equalsIgnoreCase("as") ? at + 2 : at + 1;
                if (aliasAt < tokens.size() && isIdentifier(tokens.get(aliasAt)) && !isKeyword(tokens.get(aliasAt))) {
                    aliases.put(tokens.get(aliasAt), entity.get());
                    at = aliasAt + 1;
                } else {
                    at = aliasAt;
                }
                // FROM A a, B b: a comma continues the list of entities
                if (keyword.equals("from") && at < tokens.size() && tokens.get(at).equals(",")) {
                    at++;
                } else {
                    break;
                }
            }
        }
        return found;
    }

    private Optional<JavaClass> resolve(String token, Map<String, JavaClass> aliases) {
        if (entitiesByName.containsKey(token)) {
            return Optional.of(entitiesByName.get(token));
        }
        Optional<JavaClass> byClassName = entitiesByName.values().stream().filter(entity -> entity.getName().equals(token)).findFirst();
        if (byClassName.isPresent() || !token.contains(".")) {
            return byClassName;
        }
        String[] path = token.split("\\.");
        JavaClass current = aliases.get(path[0]);
        for (int i = 1; i < path.length && current != null; i++) {
            current = fieldTarget(current, path[i]).orElse(null);
        }
        return Optional.ofNullable(current);
    }

    /** The type a path step leads to: the field's type, or for collections and maps their last type argument. */
    private static Optional<JavaClass> fieldTarget(JavaClass owner, String fieldName) {
        for (JavaField field : owner.getAllFields()) {
            if (field.getName().equals(fieldName)) {
                JavaType type = field.getType();
                if (type instanceof JavaParameterizedType parameterized && !parameterized.getActualTypeArguments().isEmpty()) {
                    List<JavaType> arguments = parameterized.getActualTypeArguments();
                    return Optional.of(arguments.get(arguments.size() - 1).toErasure());
                }
                return Optional.of(field.getRawType());
            }
        }
        return Optional.empty();
    }

    private static List<String> tokenize(String jpql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < jpql.length()) {
            char c = jpql.charAt(i);
            if (c == '\'') {
                int close = i + 1;
                while (close < jpql.length() && !(jpql.charAt(close) == '\'' && (close + 1 >= jpql.length() || jpql.charAt(close + 1) != '\''))) {
                    close += jpql.charAt(close) == '\'' ? 2 : 1;
                }
                i = close + 1; // literals carry no entity names
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < jpql.length() && (Character.isJavaIdentifierPart(jpql.charAt(end)) || jpql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(jpql.substring(i, end));
                i = end;
            } else if (!Character.isWhitespace(c)) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static boolean isIdentifier(String token) {
        return Character.isJavaIdentifierStart(token.charAt(0)) && !token.contains(".");
    }

    private static boolean isKeyword(String token) {
        return Set.of("where", "join", "left", "right", "inner", "outer", "on", "with", "group", "order", "having",
                "set", "fetch", "cross", "union", "select").contains(token.toLowerCase(Locale.ROOT));
    }
}
