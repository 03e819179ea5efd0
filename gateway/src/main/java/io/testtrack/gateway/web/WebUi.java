package io.testtrack.gateway.web;

import io.quarkus.vertx.http.runtime.HttpCompressionHandler;
import io.testtrack.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Serves the built web UI when there is one, with the SPA fallback: any other GET of a page
 * answers index.html so that client-side routes survive a reload. Without a build, unknown
 * paths are a 404 problem.
 *
 * <p>Text files go out compressed when the browser accepts it: Quarkus' HTTP compression
 * (quarkus.http.enable-compression) marks every response "Content-Encoding: identity" and
 * compresses those that drop the mark; the UI's text types drop it here, while API answers keep
 * it (a JSON body mixing secrets with what a client sent stays uncompressed). The build's
 * assets/ carry a content hash in their names, so a browser may keep them for a year; index.html
 * names the current hashes and is revalidated on every load.
 */
@ApplicationScoped
public class WebUi {

    private static final String REVALIDATE = "no-cache";
    private static final Set<String> COMPRESSED = Set.of("text/html", "text/css", "text/javascript",
            "application/javascript", "image/svg+xml", "application/json", "text/plain", "application/manifest+json");
    private static final int YEAR_SECONDS = 31_536_000;

    private final GatewayConfig config;

    public WebUi(GatewayConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        Path root = config.webUiDirectory().map(Path::of).filter(dir -> Files.isRegularFile(dir.resolve("index.html")))
                .orElse(null);
        if (root != null) {
            String dir = root.toAbsolutePath().toString();
            router.route().order(999).handler(WebUi::compressText);
            // a route ending in * hands the static handler the path below it
            router.route("/assets/*").order(1000).handler(StaticHandler.create(FileSystemAccess.ROOT, dir + "/assets")
                    .setCachingEnabled(true).setMaxAgeSeconds(YEAR_SECONDS));
            router.route().order(1001).handler(ctx -> {
                ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
                ctx.next();
            });
            router.route().order(1002).handler(StaticHandler.create(FileSystemAccess.ROOT, dir)
                    .setCachingEnabled(false).setIndexPage("index.html"));
            router.route().order(1003).method(HttpMethod.GET).handler(ctx -> {
                String path = ctx.request().path();
                if (path.startsWith("/q/") || path.contains(".")) {
                    ctx.next();
                    return;
                }
                ctx.response().sendFile(dir + "/index.html");
            });
        }
        router.route().order(2000).handler(ctx -> Problems.send(ctx.request(), 404, "not-found", "Not found",
                "No such route: " + ctx.request().path()));
    }

    private static void compressText(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> HttpCompressionHandler.compressIfNeeded(ctx, COMPRESSED));
        ctx.next();
    }
}
