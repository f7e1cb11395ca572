package com.dravo.webhooks.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.dravo.webhooks.event.EventType;
import com.dravo.webhooks.web.InvalidRequestException;
import com.dravo.webhooks.web.Problem.FieldProblem;

/** Validates the {@code events} of an endpoint: known types only, duplicates collapsed. */
final class EventSelection {

    private static final String CODE = "invalid_events";
    private static final String DETAIL = "events must name at least one of: " + EventType.ALLOWED;

    private EventSelection() {
    }

    static String[] parse(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException(CODE, "events", DETAIL);
        }

        Set<String> selected = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String name = events.get(i);
            if (EventType.fromWireName(name).isPresent()) {
                selected.add(name);
            } else {
                problems.add(new FieldProblem("events[" + i + "]",
                        "unknown event type: " + abbreviate(name)));
            }
        }

        if (!problems.isEmpty()) {
            throw new InvalidRequestException(CODE, DETAIL, problems);
        }
        return selected.toArray(String[]::new);
    }

    private static String abbreviate(String name) {
        if (name == null) {
            return "null";
        }
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}
