package io.testtrack.testcase.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.security.Caller;
import io.testtrack.testcase.domain.ImportReport;
import io.testtrack.testcase.service.CsvExport;
import io.testtrack.testcase.service.CsvImport;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** CSV import (a multipart upload or a plain text/csv body, with a dry run) and export of any search. */
@Path("/api/tests")
@Authenticated
public class CsvResource {

    public static final String CSV = "text/csv";

    private final CsvImport importer;
    private final CsvExport exporter;
    private final Vertx vertx;
    private final Caller caller;

    public CsvResource(CsvImport importer, CsvExport exporter, Vertx vertx, Caller caller) {
        this.importer = importer;
        this.exporter = exporter;
        this.vertx = vertx;
        this.caller = caller;
    }

    @GET
    @Path("/export")
    @Produces(CSV)
    public RestMulti<String> export(@Context UriInfo uri) {
        CaseQueries.Parsed parsed = CaseQueries.parse(uri.getQueryParameters());
        return RestMulti.fromMultiData(exporter.export(caller.principal(), parsed.query(), parsed.customFields()))
                .header("Content-Disposition", "attachment; filename=\"test-cases.csv\"")
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<ImportReport> importUpload(@QueryParam("projectId") UUID projectId, @QueryParam("dryRun") boolean dryRun,
            @RestForm("file") FileUpload file) {
        if (file == null) {
            throw new InvalidFieldsException("file", "is required: the CSV as the form part named file");
        }
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .chain(buffer -> run(projectId, buffer.getBytes(), dryRun));
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    public Uni<ImportReport> importBody(@QueryParam("projectId") UUID projectId, @QueryParam("dryRun") boolean dryRun, byte[] body) {
        return run(projectId, body == null ? new byte[0] : body, dryRun);
    }

    private Uni<ImportReport> run(UUID projectId, byte[] file, boolean dryRun) {
        if (projectId == null) {
            throw new InvalidFieldsException("projectId", "is required");
        }
        return importer.run(caller.principal(), projectId, file, dryRun);
    }
}
