-- wrk prints, through done(), one line the benchmarks quote: p50, p95, p99 and max in ms,
-- requests/s and the count of failed requests (non-2xx/3xx answers and socket errors).
done = function(summary, latency, requests)
  io.write(string.format("p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms rps=%.0f errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
