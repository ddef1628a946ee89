package dev.circuit.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buses recovered from bit-blasted port names, as synthesis tools write them: {@code a[0] .. a[7]}
 * (Yosys, ABC), {@code a<0> .. a<7>}, and {@code a_0_ .. a_7_} (the same names made legal
 * identifiers). The rules, chosen to be unambiguous:
 * <ul>
 * <li>only primary inputs and outputs are grouped, inputs and outputs separately;</li>
 * <li>the members of a bus share the base name and the spelling ({@code a[0]} and {@code a_1_} are
 *     not one bus);</li>
 * <li>their indices are exactly 0, 1, ..., n-1 with n at least 2, each once, written without
 *     leading zeros; bit 0 is the least significant, as in Verilog's {@code [n-1:0]};</li>
 * <li>a port that is both an input and an output is never grouped.</li>
 * </ul>
 * Anything else keeps its single-bit ports: {@code a0 a1}, {@code a_0}, {@code a.0} and
 * {@code n[1] n[2]} (no bit 0) are ordinary names.
 */
final class Buses {
    private static final Pattern BRACKET = Pattern.compile("(.+)\\[(0|[1-9][0-9]{0,8})\\]");
    private static final Pattern ANGLE = Pattern.compile("(.+)<(0|[1-9][0-9]{0,8})>");
    private static final Pattern UNDERSCORE = Pattern.compile("(.+)_(0|[1-9][0-9]{0,8})_");
    private static final Pattern[] STYLES = {BRACKET, ANGLE, UNDERSCORE};

    private Buses() {}

    /** One port of the imported circuit: a single bit ({@code bits} of one name) or a bus of {@code bits}, bit 0 first. */
    record Group(String base, List<String> bits, boolean bus) {
        static Group single(String raw) {
            return new Group(raw, List.of(raw), false);
        }
    }

    /** The ports in declaration order, each bus at the place of its first bit. {@code exclude}: names never grouped. */
    static List<Group> group(List<String> ports, Set<String> exclude) {
        // (style, base) -> index -> raw name
        Map<String, Map<Integer, String>> candidates = new LinkedHashMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>();
        for (String raw : ports) {
            if (exclude.contains(raw)) continue;
            for (int s = 0; s < STYLES.length; s++) {
                Matcher m = STYLES[s].matcher(raw);
                if (!m.matches()) continue;
                String key = s + ":" + m.group(1);
                Map<Integer, String> bits = candidates.computeIfAbsent(key, k -> new LinkedHashMap<>());
                bits.put(Integer.parseInt(m.group(2)), raw);
                keyOf.put(raw, key);
                break;
            }
        }
        List<Group> out = new ArrayList<>();
        Map<String, Boolean> placed = new LinkedHashMap<>();
        for (String raw : ports) {
            String key = keyOf.get(raw);
            Map<Integer, String> bits = key == null ? null : candidates.get(key);
            if (bits == null || !contiguous(bits)) {
                out.add(Group.single(raw));
                continue;
            }
            if (placed.putIfAbsent(key, true) != null) continue;
            List<String> ordered = new ArrayList<>();
            for (int i = 0; i < bits.size(); i++) ordered.add(bits.get(i));
            out.add(new Group(key.substring(key.indexOf(':') + 1), ordered, true));
        }
        return out;
    }

    private static boolean contiguous(Map<Integer, String> bits) {
        if (bits.size() < 2) return false;
        for (int i = 0; i < bits.size(); i++) if (!bits.containsKey(i)) return false;
        return true;
    }
}
