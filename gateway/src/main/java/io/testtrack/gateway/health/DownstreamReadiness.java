package io.testtrack.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.testtrack.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every service (every replica) behind it is: each one's readiness is asked in parallel. */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final Map<String, List<URI>> services;

    public DownstreamReadiness(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(10));
        this.services = config.services();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        // a service is ready when every replica is: the gateway sends each of them requests
        List<Uni<Map.Entry<String, Boolean>>> checks = services.entrySet().stream()
                .map(e -> Uni.join().all(e.getValue().stream().map(this::ready).toList()).andFailFast()
                        .map(ups -> Map.entry(e.getKey(), ups.stream().allMatch(up -> up))))
                .toList();
        return Uni.join().all(checks).andFailFast().map(results -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("Downstream services");
            boolean all = true;
            for (Map.Entry<String, Boolean> result : results) {
                builder.withData(result.getKey(), result.getValue() ? "UP" : "DOWN");
                all &= result.getValue();
            }
            return builder.status(all).build();
        });
    }

    private Uni<Boolean> ready(URI base) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort()).setURI("/q/health/ready").setTimeout(TIMEOUT.toMillis());
        return client.request(options)
                .chain(request -> request.send())
                .map(response -> response.statusCode() == 200)
                .onFailure().recoverWithItem(false);
    }
}
