package dev.circuit.view;

import dev.circuit.model.Netlist;
import dev.circuit.model.Neuron;
import dev.circuit.model.StateBit;
import dev.circuit.model.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layout of its own for when Graphviz is not installed or the circuit is too large for it, so
 * {@code circuit view} works anywhere: layered, and nested like the circuit's instances, so that each
 * instance is a rectangle no other node enters (the page collapses it to one box in its place).
 *
 * <p>Within one instance (the top circuit is the outermost), each thing inside (a neuron, a state bit,
 * or a whole sub-instance as one block several columns wide) sits one column right of the deepest
 * thing it reads from in the same instance; inputs, constants and the top's state bits are the first
 * column, outputs the last. Within a column, things are sorted by the mean height of what they read,
 * which untangles most small circuits, and stacked without overlap. A circuit without instances is
 * the plain layered layout. Edges are straight lines (the page bends those that run back left).
 */
public final class Layered {
    static final double COL = 150;
    static final double ROW = 64;
    static final double W = 84;
    static final double H = 38;
    /** From the drawing's edges to the first and last columns' centres: more than half a node, so no box is cut (40 cut 2 pixels). */
    static final double MARGIN = 50;
    /**
     * A line running back left (a state bit's load) bends out beside its ends by BEND_X, then below
     * the lower one by BEND_Y (drawing.js draws it so, from these numbers in the page's data).
     */
    static final double BEND_X = 60, BEND_Y = 24;
    /**
     * How far out drawing.js draws an instance's box around what it holds, and so a box around an
     * instance's box: a collapsed instance is its outermost box, this much wider per level inside it.
     */
    static final double GROUP_PAD = 6;
    /**
     * The margin beside the columns of a circuit with state, with no instance: a bend beside a first-
     * or last-column node stays in the drawing. Each level of instances adds {@link #GROUP_PAD}: a line
     * bends out beside a collapsed instance's box.
     */
    static final double BENT_MARGIN = W / 2 + BEND_X + 8;
    /** Room above and below an instance's contents for its box and name (drawing.js: 6 pixels around, 12 for the name). */
    static final double BLOCK_TOP = 24;
    static final double BLOCK_BOTTOM = 12;

    private Layered() {}

    /** A node (leaf: id set) or an instance (block: children set), placed within the block holding it. */
    private static final class Item {
        final String id;
        final Item parent;
        final List<Item> children;
        final Map<String, Item> blocks;
        final List<Integer> reads = new ArrayList<>();
        int rank;
        int span = 1;
        double top;
        double height = ROW;

        Item(String id, Item parent) {
            this.id = id;
            this.parent = parent;
            this.children = id == null ? new ArrayList<>() : null;
            this.blocks = id == null ? new HashMap<>() : null;
        }
    }

    public static Layout of(Netlist net) {
        Item root = new Item(null, null);
        Item[] driver = new Item[net.netCount()];
        for (Terminal t : net.inputs()) for (int n : t.nets()) driver[n] = leaf(root, "n" + n);
        for (Netlist.Constant c : net.constants()) driver[c.net()] = leaf(root, "n" + c.net());
        // The instance a node is in, as the page reads it: a state bit's path is relative to the top,
        // a neuron's starts with the top circuit's name (view/drawing.js groups nodes the same way).
        for (StateBit st : net.state()) driver[st.q()] = leaf(block(root, st.path(), 0), "n" + st.q());
        for (Neuron n : net.neurons()) {
            Item leaf = leaf(block(root, n.path(), 1), "n" + n.out());
            leaf.reads.addAll(n.inputs());
            driver[n.out()] = leaf;
        }
        arrange(root, driver);

        Map<String, Layout.Box> nodes = new LinkedHashMap<>();
        Map<Integer, Double> yOfNet = new HashMap<>();
        double side = net.state().isEmpty() ? MARGIN : BENT_MARGIN + GROUP_PAD * depth(root);
        place(root, side, 0, 0, nodes);
        for (int n = 0; n < driver.length; n++) {
            if (driver[n] != null) yOfNet.put(n, nodes.get(driver[n].id).y());
        }
        // Outputs: the last column, sorted by the height of what they show.
        List<String> outs = new ArrayList<>();
        Map<String, Double> want = new HashMap<>();
        for (Terminal t : net.outputs()) {
            for (int b = 0; b < t.width(); b++) {
                String id = "out_" + t.name() + (t.bus() ? "_" + b : "");
                outs.add(id);
                want.put(id, yOfNet.getOrDefault(t.nets().get(b), MARGIN));
            }
        }
        outs.sort(Comparator.comparingDouble(want::get));
        for (int i = 0; i < outs.size(); i++) nodes.put(outs.get(i), new Layout.Box(side + root.span * COL, MARGIN + i * ROW, W, H));
        double bottom = Math.max(root.height, outs.size() * ROW) - ROW;
        return new Layout(2 * side + root.span * COL, 2 * MARGIN + Math.max(0, bottom), nodes, Map.of(), "layered (Graphviz not used)");
    }

    private static Item leaf(Item block, String id) {
        Item it = new Item(id, block);
        block.children.add(it);
        return it;
    }

    /** The block of the instance {@code path} names (its components {@code from} .. last-1), made on first use. */
    private static Item block(Item root, String path, int from) {
        String[] parts = path.split("/");
        Item b = root;
        for (int d = from; d < parts.length - 1; d++) {
            Item in = b;
            b = b.blocks.computeIfAbsent(parts[d], k -> {
                Item nb = new Item(null, in);
                in.children.add(nb);
                return nb;
            });
        }
        return b;
    }

    /** Lays a block out inside (children first): each child's column, span and top; the block's span and height. */
    private static void arrange(Item block, Item[] driver) {
        for (Item c : block.children) {
            if (c.id == null) {
                arrange(c, driver);
                c.height = c.height + BLOCK_TOP + BLOCK_BOTTOM;
            }
        }
        List<Item> kids = block.children;
        Map<Item, Integer> index = new HashMap<>();
        for (int i = 0; i < kids.size(); i++) index.put(kids.get(i), i);
        // What each child reads from its siblings (a block reads what its insides read from outside it).
        List<Set<Integer>> from = new ArrayList<>();
        for (Item c : kids) {
            Set<Integer> src = new LinkedHashSet<>();
            for (int n : c.reads) {
                Item s = driver[n] == null ? null : childOf(block, driver[n]);
                if (s != null && s != c) src.add(index.get(s));
            }
            from.add(src);
            if (block.parent != null) {
                for (int n : c.reads) if (driver[n] == null || childOf(block, driver[n]) == null) block.reads.add(n);
            }
        }
        rank(kids, from);
        int cols = 1;
        for (Item c : kids) cols = Math.max(cols, c.rank + c.span);
        block.span = cols;
        // Stack rank by rank; within a rank (but the first), by the mean height of what each reads here.
        Integer[] byRank = new Integer[kids.size()];
        for (int i = 0; i < byRank.length; i++) byRank[i] = i;
        Arrays.sort(byRank, Comparator.comparingInt(i -> kids.get(i).rank));
        double[] sky = new double[cols];
        double[] want = new double[kids.size()];
        boolean[] placed = new boolean[kids.size()];
        int at = 0;
        while (at < byRank.length) {
            int r = kids.get(byRank[at]).rank;
            int end = at;
            while (end < byRank.length && kids.get(byRank[end]).rank == r) end++;
            for (int k = at; k < end; k++) {
                int i = byRank[k];
                double s = 0;
                for (int j : from.get(i)) if (placed[j]) s += kids.get(j).top + kids.get(j).height / 2;
                want[i] = from.get(i).isEmpty() ? 0 : s / from.get(i).size();
            }
            if (r > 0) Arrays.sort(byRank, at, end, Comparator.comparingDouble(i -> want[i]));
            for (int k = at; k < end; k++) {
                Item c = kids.get(byRank[k]);
                double top = 0;
                for (int col = c.rank; col < c.rank + c.span; col++) top = Math.max(top, sky[col]);
                c.top = top;
                for (int col = c.rank; col < c.rank + c.span; col++) sky[col] = top + c.height;
                placed[byRank[k]] = true;
            }
            at = end;
        }
        double h = 0;
        for (double s : sky) h = Math.max(h, s);
        block.height = h;
    }

    /**
     * Each child's column: one right of the end of every sibling it reads from, in an order where
     * those come first (Kahn's); siblings in a loop (instances that feed each other) are taken in
     * the order they were made, the edges that close the loop ignored.
     */
    private static void rank(List<Item> kids, List<Set<Integer>> from) {
        int n = kids.size();
        int[] waiting = new int[n];
        List<List<Integer>> to = new ArrayList<>();
        for (int i = 0; i < n; i++) to.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            waiting[i] = from.get(i).size();
            for (int j : from.get(i)) to.get(j).add(i);
        }
        boolean[] done = new boolean[n];
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (waiting[i] == 0) ready.add(i);
        int next = 0;
        for (int count = 0; count < n; count++) {
            if (ready.isEmpty()) {
                while (done[next]) next++;
                ready.add(next);
            }
            int i = ready.poll();
            if (done[i]) {
                count--;
                continue;
            }
            done[i] = true;
            int r = 0;
            for (int j : from.get(i)) if (done[j]) r = Math.max(r, kids.get(j).rank + kids.get(j).span);
            kids.get(i).rank = r;
            for (int k : to.get(i)) if (--waiting[k] == 0 && !done[k]) ready.add(k);
        }
    }

    /** The child of {@code block} that holds {@code leaf}, or null when the leaf is outside the block. */
    private static Item childOf(Item block, Item leaf) {
        Item x = leaf;
        while (x.parent != block) {
            if (x.parent == null) return null;
            x = x.parent;
        }
        return x;
    }

    /** How many instances deep the deepest node is: 0 when there is none. */
    private static int depth(Item block) {
        int d = 0;
        for (Item c : block.children) if (c.id == null) d = Math.max(d, 1 + depth(c));
        return d;
    }

    /** Node boxes in page pixels: a leaf's centre from its block's column and top. */
    private static void place(Item block, double side, int col, double top, Map<String, Layout.Box> out) {
        for (Item c : block.children) {
            if (c.id != null) out.put(c.id, new Layout.Box(side + (col + c.rank) * COL, MARGIN + top + c.top, W, H));
            else place(c, side, col + c.rank, top + c.top + BLOCK_TOP, out);
        }
    }
}
