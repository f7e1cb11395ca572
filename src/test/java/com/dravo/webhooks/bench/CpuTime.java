package com.dravo.webhooks.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds (user and system) that processes have used so far, from /proc/PID/stat. For
 * PostgreSQL, the postmaster, its live children, and the children it has reaped (backends
 * of connections that closed), which the kernel adds to the postmaster's own account.
 */
final class CpuTime {

    /** CPU seconds of the service and of PostgreSQL at one moment, or between two. */
    record Split(double service, double database) {

        static Split now(long servicePid, long postmasterPid) throws IOException {
            return new Split(ofProcess(servicePid), ofProcessAndChildren(postmasterPid));
        }

        Split minus(Split earlier) {
            return new Split(service - earlier.service, database - earlier.database);
        }
    }

    /** USER_HZ, the unit of /proc's CPU times on Linux. */
    private static final double TICKS_PER_SECOND = 100;
    /** Positions after the command field: state is 0, ppid 1, utime 11, stime 12. */
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    /** The reaped children's user and system time. */
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private CpuTime() {
    }

    static double ofProcess(long pid) throws IOException {
        return seconds(stat(Path.of("/proc", Long.toString(pid))));
    }

    static double ofProcessAndChildren(long pid) throws IOException {
        String[] own = stat(Path.of("/proc", Long.toString(pid)));
        double total = seconds(own) + (Long.parseLong(own[CUTIME])
                + Long.parseLong(own[CSTIME])) / TICKS_PER_SECOND;
        try (DirectoryStream<Path> processes =
                Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] fields = stat(process);
                if (fields != null && Long.parseLong(fields[PPID]) == pid) {
                    total += seconds(fields);
                }
            }
        }
        return total;
    }

    /** The PID in the first line of PostgreSQL's postmaster.pid. */
    static long postmaster(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** The fields after the command name, which may hold spaces; null if the process left. */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }

    private static double seconds(String[] fields) throws IOException {
        if (fields == null) {
            throw new IOException("the process has exited");
        }
        return (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]))
                / TICKS_PER_SECOND;
    }
}
