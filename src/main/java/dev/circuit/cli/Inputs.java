package dev.circuit.cli;

import dev.circuit.diag.CircuitException;
import dev.circuit.model.Domain;
import dev.circuit.model.Netlist;
import dev.circuit.model.Terminal;
import dev.circuit.syntax.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input values from the command line: positional ({@code 1 0}) or named ({@code a=1 b=0}). A bit or
 * a real takes a number; a bus takes an unsigned integer in decimal, hex or binary.
 */
final class Inputs {
    private Inputs() {}

    /** One value per input bit, in terminal order, bus bits least significant first. */
    static double[] parse(Netlist net, List<String> args) {
        List<Terminal> terms = net.inputs();
        String[] given = new String[terms.size()];
        int named = 0;
        for (String a : args) if (a.contains("=")) named++;
        if (named > 0 && named < args.size()) throw usage(net, "give every input by position or every input as name=value, not both");
        if (named > 0) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < terms.size(); i++) index.put(terms.get(i).name(), i);
            for (String a : args) {
                String name = a.substring(0, a.indexOf('='));
                Integer i = index.get(name);
                if (i == null) throw usage(net, "'" + name + "' is not an input");
                if (given[i] != null) throw usage(net, "input '" + name + "' is given twice");
                given[i] = a.substring(a.indexOf('=') + 1);
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) if (given[i] == null) missing.add(terms.get(i).name());
            if (!missing.isEmpty()) throw usage(net, "missing input " + String.join(", ", missing));
        } else {
            if (args.size() != terms.size()) throw usage(net, "got " + args.size() + " value" + (args.size() == 1 ? "" : "s"));
            for (int i = 0; i < terms.size(); i++) given[i] = args.get(i);
        }
        double[] bits = new double[net.inputBits()];
        int k = 0;
        for (int i = 0; i < terms.size(); i++) {
            Terminal t = terms.get(i);
            BigDecimal v;
            try {
                v = Numbers.parse(given[i]);
            } catch (NumberFormatException e) {
                throw usage(net, "'" + given[i] + "' is not a number (input '" + t.name() + "')");
            }
            Domain d = Domain.of(net, t);
            String why = d.refuse("input " + t.name(), v, given[i]);
            if (why != null) throw usage(net, why);
            d.lay(v, bits, k);
            k += t.width();
        }
        return bits;
    }

    static String signature(Netlist net) {
        return net.inputs().stream().map(t -> t.bus() ? t.name() + "[" + t.width() + "]" : t.name())
                .collect(Collectors.joining(" "));
    }

    private static CircuitException usage(Netlist net, String why) {
        int n = net.inputs().size();
        return CircuitException.usage(why + ": " + net.name() + " takes " + n + " input" + (n == 1 ? "" : "s")
                + (n == 0 ? "" : " (" + signature(net) + ")"));
    }
}
