package org.virtregress.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Kills everything one command started: the process, its descendants, every member of the process
 * group and session it leads, and every process whose environment carries the command's run id in
 * {@link ProcessRunner#RUN_MARKER} (what detached with {@code setsid} or {@code nohup}, or was forked
 * while the tree died). Repeats until two scans of {@code /proc} in a row find none alive, at most
 * {@link #MAX_ROUNDS} times. Without {@code /proc} only the process and its descendants are found.
 * Never kills this JVM or its ancestors. Thread-safe.
 */
final class ProcessSweep {
    /** Scans before giving up on processes that do not die (stuck in the kernel). */
    static final int MAX_ROUNDS = 100;

    private static final Path PROC = Path.of("/proc");
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final long root;
    private final String runId;
    private final long rootStart;

    /**
     * Creates the sweep of one command.
     *
     * @param root the command's process id
     * @param runId the command's run id, as {@link ProcessRunner#RUN_MARKER} carries it
     */
    ProcessSweep(long root, String runId) {
        this.root = root;
        this.runId = runId;
        String[] stat = statFields(PROC.resolve(Long.toString(root)));
        this.rootStart = stat == null ? 0 : startTime(stat);
    }

    /**
     * Creates the sweep of a command about to start, known only by its run id: what a JVM going
     * down kills between the start of the process and the registration of its own sweep. Only
     * processes younger than this JVM that carry the run id belong to it.
     *
     * @param runId the command's run id, as {@link ProcessRunner#RUN_MARKER} will carry it
     * @return the sweep; its {@link #root()} is -1
     */
    static ProcessSweep beforeStart(String runId) {
        return new ProcessSweep(runId);
    }

    private ProcessSweep(String runId) {
        this.root = -1;
        this.runId = runId;
        String[] stat = statFields(PROC.resolve("self"));
        this.rootStart = stat == null ? 0 : startTime(stat);
    }

    /** Returns the command's process id. */
    long root() {
        return root;
    }

    /** Returns whether this system lists its processes in {@code /proc}. */
    static boolean procAvailable() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /**
     * Kills every process of the command until none is left alive, or {@link #MAX_ROUNDS} scans.
     * Ignores interrupts while it runs (a sweep must finish) and restores them afterwards.
     *
     * @return how many processes are still alive after the last scan; 0 normally
     */
    int killAll() {
        boolean interrupted = Thread.interrupted();
        try {
            Set<Long> spared = spared();
            // one empty scan may have raced a fork or an exec: done after two in a row
            int quiet = 0;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<ProcessHandle> alive = find(spared);
                if (alive.isEmpty()) {
                    if (++quiet == 2) {
                        return 0;
                    }
                    LockSupport.parkNanos(RECHECK_NANOS);
                } else {
                    quiet = 0;
                    alive.forEach(ProcessHandle::destroyForcibly);
                    LockSupport.parkNanos(PAUSE_NANOS);
                }
            }
            return find(spared).size();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns the processes of the command that are alive now (zombies excluded).
     *
     * @return the processes; empty when every one has ended
     */
    List<ProcessHandle> alive() {
        return find(spared());
    }

    private static Set<Long> spared() {
        Set<Long> spared = new HashSet<>();
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            spared.add(p.get().pid());
        }
        return spared;
    }

    private List<ProcessHandle> find(Set<Long> spared) {
        Set<Long> pids = new HashSet<>();
        Optional<ProcessHandle> rootProcess = root > 0 ? ProcessHandle.of(root) : Optional.empty();
        rootProcess.filter(ProcessHandle::isAlive).ifPresent(h -> {
            pids.add(h.pid());
            if (!procAvailable()) {
                h.descendants().forEach(d -> pids.add(d.pid()));
            }
        });
        if (procAvailable()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
                for (Path entry : entries) {
                    long pid = pidOf(entry.getFileName().toString());
                    if (pid > 0 && !pids.contains(pid) && belongs(entry)) {
                        pids.add(pid);
                    }
                }
            } catch (IOException e) {
                // /proc vanished: only the tree found above is known
            }
        }
        List<ProcessHandle> out = new ArrayList<>();
        for (long pid : pids) {
            if (!spared.contains(pid) && !isZombie(PROC.resolve(Long.toString(pid)))) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(out::add);
            }
        }
        return out;
    }

    private static long pidOf(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        return name.isEmpty() || name.length() > 18 ? -1 : Long.parseLong(name);
    }

    /** Whether the process leads or shares the command's group or session, or carries its run id. */
    private boolean belongs(Path process) {
        String[] stat = statFields(process);
        if (stat == null || stat[0].equals("Z") || stat[0].equals("X") || startTime(stat) < rootStart) {
            return false; // gone, a zombie, or older than the command: none of its own
        }
        if (root > 0 && (Long.toString(root).equals(stat[2]) || Long.toString(root).equals(stat[3]))) {
            return true;
        }
        return carriesRunId(process);
    }

    private boolean carriesRunId(Path process) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(process.resolve("environ"));
        } catch (IOException e) {
            return false; // another user's process, or gone
        }
        String prefix = ProcessRunner.RUN_MARKER + "=";
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start > prefix.length() && new String(environ, start, prefix.length(),
                        StandardCharsets.ISO_8859_1).equals(prefix)) {
                    String value = new String(environ, start + prefix.length(), i - start - prefix.length(),
                            StandardCharsets.ISO_8859_1);
                    return List.of(value.split(",")).contains(runId);
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isZombie(Path process) {
        String[] stat = statFields(process);
        return stat != null && (stat[0].equals("Z") || stat[0].equals("X"));
    }

    /** Returns when a process started, in clock ticks since boot (field 22 of its stat); 0 when unknown. */
    private static long startTime(String[] stat) {
        try {
            return stat.length > 19 ? Long.parseLong(stat[19]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Returns the fields of {@code /proc/PID/stat} after the command name: state, ppid, pgrp, session…; or null. */
    private static String[] statFields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"), StandardCharsets.ISO_8859_1);
            int end = stat.lastIndexOf(')');
            if (end < 0 || end + 2 > stat.length()) {
                return null;
            }
            String[] fields = stat.substring(end + 2).split(" ");
            return fields.length < 4 ? null : fields;
        } catch (IOException e) {
            return null;
        }
    }
}
