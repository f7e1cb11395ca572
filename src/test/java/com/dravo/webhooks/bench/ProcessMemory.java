package com.dravo.webhooks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident memory of a process as Linux reports it in /proc/PID/status, in MiB. */
final class ProcessMemory {

    private final long pid;

    ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** VmRSS: resident now. */
    double residentMib() throws IOException {
        return field("VmRSS:");
    }

    /** VmHWM: the highest resident size since start, or since {@link #resetPeak}. */
    double peakMib() throws IOException {
        return field("VmHWM:");
    }

    /**
     * Starts a new peak from the current size (writing 5 to clear_refs), so that the peak of
     * one step is not the peak of an earlier one. Answers false where the kernel refuses.
     */
    boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private double field(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        for (String line : lines) {
            if (line.startsWith(name)) {
                String kib = line.substring(name.length()).replace("kB", "").trim();
                return Long.parseLong(kib) / 1024.0;
            }
        }
        throw new IOException(name + " missing from /proc/" + pid + "/status");
    }
}
