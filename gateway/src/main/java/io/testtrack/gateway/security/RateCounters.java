package io.testtrack.gateway.security;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.testtrack.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Fixed-window request counters shared by every gateway through Redis, without a Redis call per
 * request: each request is counted here, and every {@code sync-interval} the counts gathered
 * since the last sync are added to the shared totals in Redis (one script call for all keys),
 * which answers with the totals every gateway has added. A request's count is the last total
 * learnt plus what this gateway counted since. One gateway alone counts exactly; with several,
 * one may admit, beyond a limit, what the others counted within one interval.
 *
 * <p>When Redis does not answer, counts are kept and added on a later sync, and each gateway
 * goes on limiting by what it has seen.
 */
@ApplicationScoped
public class RateCounters {

    private static final String SCRIPT = """
            local out = {}
            for i, key in ipairs(KEYS) do
              local added = tonumber(ARGV[i + 1])
              local total = redis.call('INCRBY', key, added)
              if total == added then redis.call('EXPIRE', key, ARGV[1]) end
              out[i] = total
            end
            return out
            """;
    private static final String SCRIPT_SHA = DigestUtils.sha1Hex(SCRIPT);
    /** Keys per script call, so that one sync never blocks Redis for long. */
    private static final int BATCH = 500;

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.RateLimit limits;
    private final Vertx vertx;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private CompletableFuture<Void> running;
    private long timer = -1;

    public RateCounters(ReactiveRedisDataSource redis, GatewayConfig config, Vertx vertx) {
        this.redis = redis;
        this.limits = config.rateLimit();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(limits.syncInterval().toMillis(), id -> sync());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Counts one request against a key of the current window.
     *
     * @param key        the counter's key in Redis, window included
     * @param windowEnds epoch second at which the window ends (the counter is dropped after it)
     * @return the requests counted against the key so far, this one included
     */
    public long hit(String key, long windowEnds) {
        return counters.computeIfAbsent(key, k -> new Counter(windowEnds)).hit();
    }

    /**
     * Adds what was counted since the last sync to the totals in Redis and learns the totals. While
     * one sync is under way, a call joins it rather than starting another.
     */
    public synchronized Uni<Void> sync() {
        if (running == null || running.isDone()) {
            running = flush().subscribeAsCompletionStage();
        }
        return Uni.createFrom().completionStage(running);
    }

    private Uni<Void> flush() {
        long now = System.currentTimeMillis() / 1000;
        counters.entrySet().removeIf(entry -> entry.getValue().finished(now));
        List<String> keys = new ArrayList<>();
        List<Counter> taken = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        counters.forEach((key, counter) -> {
            long n = counter.take();
            if (n > 0) {
                keys.add(key);
                taken.add(counter);
                added.add(n);
            }
        });
        List<Uni<Void>> batches = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            int to = Math.min(keys.size(), from + BATCH);
            batches.add(send(keys.subList(from, to), taken.subList(from, to), added.subList(from, to)));
        }
        Uni<Void> all = batches.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(batches).andCollectFailures().replaceWithVoid();
        return all.onFailure().invoke(failure -> Log.warnf("rate counters not synced with Redis: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(List<String> keys, List<Counter> taken, List<Long> added) {
        List<String> args = new ArrayList<>(keys.size() * 2 + 4);
        args.add(SCRIPT_SHA);
        args.add(Integer.toString(keys.size()));
        args.addAll(keys);
        args.add(Long.toString(limits.window().toSeconds() + 1));
        added.forEach(n -> args.add(Long.toString(n)));
        return redis.execute("EVALSHA", args.toArray(String[]::new))
                .onFailure(failure -> failure.getMessage() != null && failure.getMessage().contains("NOSCRIPT"))
                .recoverWithUni(() -> {
                    List<String> withScript = new ArrayList<>(args);
                    withScript.set(0, SCRIPT);
                    return redis.execute("EVAL", withScript.toArray(String[]::new));
                })
                .invoke(response -> settle(response, taken, added))
                .onFailure().invoke(failure -> {
                    for (int i = 0; i < taken.size(); i++) {
                        taken.get(i).giveBack(added.get(i));
                    }
                })
                .replaceWithVoid();
    }

    private static void settle(Response totals, List<Counter> taken, List<Long> added) {
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).synced(added.get(i), totals.get(i).toLong());
        }
    }

    /** One key's counts: the total Redis last gave, what is on its way there, and what is not sent yet. */
    private static final class Counter {
        private final long windowEnds;
        private long total;
        private long sending;
        private long pending;

        Counter(long windowEnds) {
            this.windowEnds = windowEnds;
        }

        synchronized long hit() {
            pending++;
            return total + sending + pending;
        }

        synchronized long take() {
            long n = pending;
            pending = 0;
            sending += n;
            return n;
        }

        synchronized void synced(long sent, long newTotal) {
            sending -= sent;
            total = Math.max(total, newTotal);
        }

        synchronized void giveBack(long sent) {
            sending -= sent;
            pending += sent;
        }

        synchronized boolean finished(long nowEpochSecond) {
            return nowEpochSecond >= windowEnds && pending == 0 && sending == 0;
        }
    }
}
