package io.testtrack.execution.api;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.testtrack.execution.domain.JunitParser;
import io.testtrack.execution.service.EnvironmentService;
import io.testtrack.execution.service.JunitImport;
import io.testtrack.platform.correlation.CorrelationId;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.InvalidRequestException;
import io.testtrack.platform.error.PayloadTooLargeException;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * CI result import: one JUnit XML report as the body (optionally gzip-encoded), or several
 * (the shards of one build) as multipart parts; either way one run. An Idempotency-Key (the CI
 * build id, say) makes a repeat answer the same run and change nothing.
 */
@Path("/api/imports")
@Authenticated
public class ImportResource {

    private final JunitImport imports;
    private final ProjectAccess access;
    private final EnvironmentService environments;
    private final Caller caller;
    private final long maxDecompressed;

    public ImportResource(JunitImport imports, ProjectAccess access, EnvironmentService environments, Caller caller,
            @ConfigProperty(name = "execution.import.max-decompressed-bytes", defaultValue = "536870912") long maxDecompressed) {
        this.imports = imports;
        this.access = access;
        this.environments = environments;
        this.caller = caller;
        this.maxDecompressed = maxDecompressed;
    }

    @POST
    @Path("/junit")
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML })
    @Blocking
    public Response junit(@QueryParam("projectId") UUID projectId, @QueryParam("runName") @Size(max = 200) String runName,
            @QueryParam("environment") @Size(max = 100) String environment,
            @QueryParam("buildVersion") @Size(max = 200) String buildVersion, @QueryParam("milestone") @Size(max = 200) String milestone,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @HeaderParam("Content-Encoding") String encoding, InputStream body) {
        boolean gzip = encoding != null && encoding.trim().toLowerCase(Locale.ROOT).equals("gzip");
        if (encoding != null && !gzip && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new InvalidFieldsException("Content-Encoding", "must be gzip or identity");
        }
        return run(projectId, runName, environment, buildVersion, milestone, idempotencyKey, List.of(() -> decoded(body, gzip)));
    }

    @POST
    @Path("/junit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Response junitShards(@QueryParam("projectId") UUID projectId, @QueryParam("runName") @Size(max = 200) String runName,
            @QueryParam("environment") @Size(max = 100) String environment,
            @QueryParam("buildVersion") @Size(max = 200) String buildVersion, @QueryParam("milestone") @Size(max = 200) String milestone,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @RestForm(FileUpload.ALL) List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidFieldsException("files", "send at least one report as a file part");
        }
        List<JunitImport.Report> reports = files.stream().<JunitImport.Report>map(file -> () -> {
            InputStream in = Files.newInputStream(file.uploadedFile());
            boolean gzip = file.fileName() != null && file.fileName().endsWith(".gz");
            return decoded(in, gzip);
        }).toList();
        return run(projectId, runName, environment, buildVersion, milestone, idempotencyKey, reports);
    }

    private Response run(UUID projectId, String runName, String environment, String buildVersion, String milestone,
            String idempotencyKey, List<JunitImport.Report> reports) {
        if (projectId == null) {
            throw new InvalidFieldsException("projectId", "is required");
        }
        Principal principal = caller.principal();
        access.require(principal, projectId, Permission.EXECUTE).await().atMost(Duration.ofSeconds(10));
        environments.check(projectId, blankToNull(environment)).await().atMost(Duration.ofSeconds(10));
        String name = runName != null && !runName.isBlank() ? runName.trim()
                : "CI import" + (buildVersion == null || buildVersion.isBlank() ? " " + LocalDate.now() : " of " + buildVersion.trim());
        UUID by = principal.actorId();
        JunitImport.Summary summary;
        try {
            summary = imports.run(new JunitImport.Request(projectId, name, blankToNull(environment), blankToNull(buildVersion),
                    blankToNull(milestone), blankToNull(idempotencyKey), by, CorrelationId.current()), reports);
        } catch (JunitParser.InvalidReportException e) {
            throw new InvalidRequestException(e.getMessage());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof DecompressedTooLarge) {
                    throw new PayloadTooLargeException("The report is over " + maxDecompressed + " bytes once decompressed.");
                }
                if (cause instanceof java.util.zip.ZipException) {
                    throw new InvalidRequestException("The body is not valid gzip: " + cause.getMessage());
                }
                if (cause instanceof JunitParser.InvalidReportException invalid) {
                    throw new InvalidRequestException(invalid.getMessage());
                }
                cause = cause.getCause();
            }
            throw e;
        }
        return Response.status(summary.repeated() ? Response.Status.OK : Response.Status.CREATED)
                .location(java.net.URI.create("/api/runs/" + summary.runId())).entity(summary).build();
    }

    /** The report as the parser reads it: gunzipped when it was compressed, never beyond the decompressed limit. */
    private InputStream decoded(InputStream in, boolean gzip) throws IOException {
        if (!gzip) {
            return in;
        }
        return BoundedInputStream.builder().setInputStream(new GZIPInputStream(in, 64 * 1024)).setMaxCount(maxDecompressed)
                .setOnMaxCount((max, count) -> {
                    throw new DecompressedTooLarge();
                }).get();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A compressed report that grows past the limit: a gzip bomb, or simply too much. */
    static final class DecompressedTooLarge extends IOException {
        DecompressedTooLarge() {
            super("decompressed size limit reached");
        }
    }
}
