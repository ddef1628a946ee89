package dev.circuit;

import java.util.function.Supplier;

/**
 * The one deep stack. Parsing and elaboration recurse once per nesting level and per instance
 * (about 2 KB a level), and the default 1 MB stack ends near 500 levels, before the language's own
 * limits (1000 levels) can say why. Whichever entry point is reached first, the command line
 * ({@code cli.Main}) or the pipeline ({@link Circuit#load}) from a test or another program, runs
 * its work on one thread with a large stack; an entry reached on that thread runs inline, so there
 * is never a second one. The stack is reserved, not committed: a shallow run touches a few pages.
 */
public final class BigStack {
    static final long BYTES = 256L << 20;
    /** TRUE on the deep-stack thread, null elsewhere. */
    private static final ThreadLocal<Boolean> ON_IT = new ThreadLocal<>();

    private BigStack() {}

    /** {@code work}'s result, computed on the deep-stack thread; its exceptions and errors propagate. */
    public static <T> T call(Supplier<T> work) {
        if (ON_IT.get() != null) return work.get();
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        // A class, not a lambda, here and in the callers on the command line's way: the first lambda
        // a run links sets up java.lang.invoke, about 12 ms of a short run (docs/BENCHMARKS.md, "Start-up").
        Runnable body = new Runnable() {
            @Override
            public void run() {
                ON_IT.set(Boolean.TRUE);
                try {
                    result[0] = work.get();
                } catch (Throwable x) {
                    thrown[0] = x;
                }
            }
        };
        Thread t = new Thread(null, body, "circuit", BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException x) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (thrown[0] instanceof RuntimeException r) throw r;
        if (thrown[0] instanceof Error e) throw e;
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }
}
