package dev.circuit.interop;

import dev.circuit.model.Activation;
import dev.circuit.model.Coef;
import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes every neuron hard and fixed, for hardware export: learnable coefficients are frozen at the
 * given parameter values, and a real-valued activation becomes {@code step}, which fires where
 * sigmoid is above 1/2, tanh above 0, and linear and relu above 0.
 */
public final class Snap {
    /** The snapped netlist and what changed, for the message. */
    public record Result(Netlist netlist, int neuronsHardened, int coefficientsFrozen) {}

    private Snap() {}

    public static Result apply(Netlist net, double[] params) {
        List<Neuron> out = new ArrayList<>();
        int hardened = 0;
        int frozen = 0;
        for (Neuron n : net.neurons()) {
            Activation act = n.activation();
            if (!act.isHard()) {
                act = Activation.STEP;
                hardened++;
            }
            List<Coef> ws = new ArrayList<>();
            for (Coef c : n.weights()) ws.add(freeze(c, params));
            List<Coef> bs = new ArrayList<>();
            for (Coef c : n.bias()) bs.add(freeze(c, params));
            for (Coef c : n.weights()) if (!c.isFixed()) frozen++;
            for (Coef c : n.bias()) if (!c.isFixed()) frozen++;
            out.add(new Neuron(n.path(), act, n.out(), n.inputs(), ws, bs, n.pos()));
        }
        Netlist snapped = new Netlist(net.name(), net.inputs(), net.outputs(), out, net.constants(), List.of(), net.netNames());
        return new Result(snapped, hardened, frozen);
    }

    private static Coef freeze(Coef c, double[] params) {
        return c.isFixed() ? c : c.frozenAt(params[c.param()]);
    }
}
