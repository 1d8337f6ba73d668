package org.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds spent by a local PostgreSQL server (the postmaster listening on a port and all of its processes,
 * those gone included), read from Linux's /proc. On a machine shared with other work, wall-clock seconds say how
 * long a user waits, CPU seconds say how much work the database did: both are reported.
 */
final class PostgresCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    private PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server listening on {@code port}, or null when it cannot be found (not Linux, or not local). */
    static PostgresCpu onPort(int port) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> isPostmaster(p, port)).findFirst()
                    .map(p -> new PostgresCpu(Long.parseLong(p.getFileName().toString()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isPostmaster(Path process, int port) {
        try {
            List<String> arguments = List.of(new String(Files.readAllBytes(process.resolve("cmdline"))).split("\0"));
            int flag = arguments.indexOf("-p");
            return !arguments.isEmpty() && arguments.get(0).endsWith("/postgres") && flag >= 0
                    && flag + 1 < arguments.size() && arguments.get(flag + 1).equals(Integer.toString(port));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** CPU seconds so far: the postmaster, its live children, and the children that have exited. */
    double seconds() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]) + Long.parseLong(stat[15])
                            + Long.parseLong(stat[16]);
                } else if (Long.parseLong(stat[3]) == postmaster) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU seconds so far of one process, e.g. one database session's backend ({@code pg_backend_pid()}). */
    static double ofProcess(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        return stat == null ? Double.NaN : (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / TICKS_PER_SECOND;
    }

    /** The fields of /proc/PID/stat, the command name (which may hold spaces) replaced by one field. */
    private static String[] stat(Path process) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            String text = Files.readString(process.resolve("stat"));
            int end = text.lastIndexOf(')');
            return (text.substring(0, text.indexOf('(')) + "comm" + text.substring(end + 1)).trim().split(" +");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
