package io.newslens.actors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.config.ConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actor dictionary: the shipped one (data/actors/actors.jsonl, on the class path) under the user's files.
 * Small (thousands of actors), so it lives on the driver and is broadcast to the executors.
 */
public final class Dictionary implements Serializable {
    public static final String BUILTIN_RESOURCE = "/io/newslens/actors/actors.jsonl";
    public static final Set<String> TYPES = Set.of("country", "igo", "government body", "party", "company", "person",
            "group", "place");

    /** A code an actor holds from {@code from} (inclusive) to {@code to} (exclusive); null bounds are open. */
    public record Role(String code, LocalDate from, LocalDate to, String title) implements Serializable {
        boolean covers(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
        }
    }

    public record Actor(String actorId, String name, String type, String countryCode, String cameoCode,
                        List<String> aliases, List<String> demonyms, List<String> capitals, List<Role> roles,
                        String origin) implements Serializable {

        /** The actor's code on a date: the role covering it, else its own CAMEO code (also for undated articles). */
        public String codeOn(LocalDate date) {
            if (date != null) {
                for (Role r : roles) {
                    if (r.covers(date)) {
                        return r.code();
                    }
                }
            }
            return cameoCode;
        }
    }

    private final List<Actor> actors;

    public Dictionary(List<Actor> actors) {
        this.actors = List.copyOf(actors);
    }

    public List<Actor> actors() {
        return actors;
    }

    /** The built-in dictionary (unless switched off) with each user file on top, in order. */
    public static Dictionary load(boolean builtin, List<String> userFiles) {
        Map<String, Actor> byId = new LinkedHashMap<>();
        if (builtin) {
            try (InputStream in = Dictionary.class.getResourceAsStream(BUILTIN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in actor dictionary " + BUILTIN_RESOURCE + " is not in the jar");
                }
                read(in, "newslens", byId);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in actor dictionary: " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < userFiles.size(); i++) {
            String file = userFiles.get(i);
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                read(in, file, byId);
            } catch (IOException e) {
                throw new ConfigException("actors.dictionaries[" + i + "]", "cannot read " + file + ": " + e.getMessage());
            }
        }
        return new Dictionary(new ArrayList<>(byId.values()));
    }

    static void read(InputStream in, String origin, Map<String, Actor> byId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = origin + " line " + number;
            JsonNode n;
            try {
                n = json.readTree(line);
            } catch (IOException e) {
                throw new ConfigException("actors.dictionaries", where + ": not a JSON object (" + e.getMessage() + ")");
            }
            String id = text(n, "actor_id");
            String name = text(n, "name");
            String type = text(n, "type");
            if (id == null || name == null || type == null) {
                throw new ConfigException("actors.dictionaries", where + ": actor_id, name and type are required");
            }
            if (!TYPES.contains(type)) {
                throw new ConfigException("actors.dictionaries", where + ": unknown type '" + type + "' (one of "
                        + String.join(", ", TYPES.stream().sorted().toList()) + ")");
            }
            List<Role> roles = new ArrayList<>();
            for (JsonNode r : n.path("roles")) {
                try {
                    roles.add(new Role(text(r, "code"), date(r, "from"), date(r, "to"), text(r, "title")));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ConfigException("actors.dictionaries", where + ": role dates must be yyyy-MM-dd (" + e.getParsedString() + ")");
                }
            }
            Actor a = new Actor(id, name, type, text(n, "country_code"), text(n, "cameo_code"), strings(n, "aliases"),
                    strings(n, "demonyms"), strings(n, "capitals"), roles, origin);
            // An actor without any name is allowed (never matched, still listed in the actors report).
            byId.put(id, a);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : LocalDate.parse(s);
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.path(field)) {
            if (!v.asText().isBlank()) {
                out.add(v.asText());
            }
        }
        return List.copyOf(out);
    }
}
