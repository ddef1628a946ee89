package dev.circuit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Says on the console why tests were skipped. Surefire prints only "Skipped: 40" and keeps the
 * reason (an assumption's message: "Icarus Verilog is not installed ...") in its XML report, so a
 * run without iverilog looked like a run with fewer tests. After each test class, every distinct
 * reason is printed once to stderr, with how many tests it skipped. Registered for every test
 * class by JUnit's extension auto-detection (META-INF/services, junit-platform.properties).
 */
public final class SkipReasons implements TestWatcher, AfterAllCallback {
    /** Per test class: reason -> tests skipped for it. */
    private static final Map<Class<?>, Map<String, Integer>> SKIPPED = new ConcurrentHashMap<>();

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, cause == null || cause.getMessage() == null ? "an assumption failed" : cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
        record(context, reason.orElse("disabled"));
    }

    private static void record(ExtensionContext context, String reason) {
        String why = reason.replaceFirst("^Assumption failed: ", "");
        SKIPPED.computeIfAbsent(context.getRequiredTestClass(), c -> new TreeMap<>()).merge(why, 1, Integer::sum);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Map<String, Integer> reasons = SKIPPED.remove(context.getRequiredTestClass());
        if (reasons == null) return;
        String name = context.getRequiredTestClass().getName();
        reasons.forEach((why, n) -> System.err.println("SKIPPED " + n + (n == 1 ? " test" : " tests") + " in " + name + ": " + why));
    }
}
