package dev.circuit.print;

import dev.circuit.diag.Pos;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An AST with every place erased: positions, token offsets and paths. Two texts that say the same
 * thing in different layouts have equal shapes.
 */
public final class AstShape {
    private static final Pos NOWHERE = Pos.file("-");

    private AstShape() {}

    public static Object of(Object node) {
        if (node == null) return null;
        if (node instanceof Pos) return NOWHERE;
        if (node instanceof Path) return Path.of("-");
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(of(o));
            return out;
        }
        Class<?> c = node.getClass();
        if (!c.isRecord()) return node;
        RecordComponent[] rc = c.getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                Object v = rc[i].getAccessor().invoke(node);
                String n = rc[i].getName();
                // Learnable tokens' offsets in the file, the file's name and text: where, not what.
                if ((n.equals("start") || n.equals("end")) && v instanceof Integer) v = 0;
                else if (n.equals("text") && node instanceof dev.circuit.ast.SourceFile) v = "";
                // A table cell's spelling (0b0100 or 4): how, not what.
                else if (n.equals("text") && node instanceof dev.circuit.ast.TestDecl.Cell) v = null;
                else if (n.equals("name") && node instanceof dev.circuit.ast.SourceFile) v = "-";
                else v = of(v);
                args[i] = v;
            }
            var ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
