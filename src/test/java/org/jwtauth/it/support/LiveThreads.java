package org.jwtauth.it.support;

import java.util.List;
import java.util.stream.Collectors;

/** Threads of this JVM, to check that an undeployed web app left none of its own behind. */
public final class LiveThreads {

    private LiveThreads() {
    }

    /** Names of live threads whose name starts with {@code prefix}, e.g. "jwtauth". */
    public static List<String> named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .collect(Collectors.toList());
    }
}
