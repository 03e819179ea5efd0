package io.testtrack.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An instance that does not hear the live bus would leave its sockets silent: not ready. */
@Readiness
@ApplicationScoped
public class LiveBusReadiness implements HealthCheck {

    private final LiveBus bus;

    public LiveBusReadiness(LiveBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Live bus (Redis pub/sub)").status(bus.listening()).build();
    }
}
