package dev.ormadvisor.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.lang3.concurrent.BasicThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder, subfolders included, and calls back once the folder has been quiet for a moment.
 *
 * <p>Editors save by writing a temp file and renaming it, and experts save several files at once: waiting for a
 * quiet period turns such a burst into one reload instead of a storm. Every event counts, including those on
 * hidden entries, because a Kubernetes ConfigMap update is only visible as the swap of its {@code ..data} link.
 * Callbacks run one at a time on a single thread of their own.
 */
public final class RulesFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

    private final Path dir;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final WatchService watchService;
    private final ScheduledExecutorService callbacks;
    private final Thread watchThread;
    private ScheduledFuture<?> pending;

    private RulesFolderWatcher(Path dir, Duration quietPeriod, Runnable onChange) throws IOException {
        this.dir = dir;
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.watchService = dir.getFileSystem().newWatchService();
        this.callbacks = Executors.newSingleThreadScheduledExecutor(
                BasicThreadFactory.builder().namingPattern("rules-reload").daemon(true).build());
        registerTree(dir);
        this.watchThread = new Thread(this::watch, "rules-watch");
        this.watchThread.setDaemon(true);
    }

    public static RulesFolderWatcher start(Path dir, Duration quietPeriod, Runnable onChange) {
        try {
            RulesFolderWatcher watcher = new RulesFolderWatcher(dir, quietPeriod, onChange);
            watcher.watchThread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rules folder " + dir.toAbsolutePath(), e);
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name
                            && key.watchable() instanceof Path parent) {
                        Path created = parent.resolve(name);
                        if (Files.isDirectory(created) && !name.toString().startsWith(".")) {
                            registerTree(created);
                        }
                    }
                }
                key.reset();
                scheduleCallback();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void scheduleCallback() {
        if (callbacks.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = callbacks.schedule(this::runCallback, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runCallback() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.error("Reacting to a change in {} failed", dir, e);
        }
    }

    private void registerTree(Path root) {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path folder : dirs.filter(Files::isDirectory)
                    .filter(folder -> folder.equals(root) || !folder.getFileName().toString().startsWith("."))
                    .toList()) {
                folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY, OVERFLOW);
            }
        } catch (IOException e) {
            log.warn("Cannot watch {} for rule changes: {}", root, e.getMessage());
        }
    }

    @Override
    public void close() {
        watchThread.interrupt();
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            // Not shutdownNow(): interrupting a reload mid-compile fails it inside Drools, which then reads as a
            // rejected edit in the log of every instance stopped during a reload.
            callbacks.shutdown();
        }
        try {
            callbacks.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("Closing the rules watch service failed", e);
        }
    }
}
