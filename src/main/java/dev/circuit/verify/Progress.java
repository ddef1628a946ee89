package dev.circuit.verify;

/** Hears how far a long check has got. Called from worker threads: implementations must be thread-safe. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override public void start(String what, long total) {}
        @Override public void advance(long rows) {}
        @Override public void done() {}
    };

    void start(String what, long total);

    void advance(long rows);

    void done();
}
