package io.testtrack.gateway.web;

import io.testtrack.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the built web UI when there is one, with the SPA fallback: any other GET of a page
 * answers index.html so that client-side routes survive a reload. Without a build, unknown
 * paths are a 404 problem.
 */
@ApplicationScoped
public class WebUi {

    private final GatewayConfig config;

    public WebUi(GatewayConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        Path root = config.webUiDirectory().map(Path::of).filter(dir -> Files.isRegularFile(dir.resolve("index.html")))
                .orElse(null);
        if (root != null) {
            String dir = root.toAbsolutePath().toString();
            router.route().order(1000).handler(StaticHandler.create(FileSystemAccess.ROOT, dir).setIndexPage("index.html"));
            router.route().order(1001).method(HttpMethod.GET).handler(ctx -> {
                String path = ctx.request().path();
                if (path.startsWith("/q/") || path.contains(".")) {
                    ctx.next();
                    return;
                }
                ctx.response().putHeader("Cache-Control", "no-cache").sendFile(dir + "/index.html");
            });
        }
        router.route().order(2000).handler(ctx -> Problems.send(ctx.request(), 404, "not-found", "Not found",
                "No such route: " + ctx.request().path()));
    }
}
