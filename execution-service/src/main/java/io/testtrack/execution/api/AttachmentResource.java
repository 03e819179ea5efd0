package io.testtrack.execution.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.execution.domain.Attachment;
import io.testtrack.execution.service.AttachmentService;
import io.testtrack.platform.attachment.Downloads;
import io.testtrack.platform.attachment.Uploads;
import io.testtrack.platform.security.Caller;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Attachments of an execution (or one of its steps): upload as multipart, list, download as a file. */
@Path("/api/executions/{id}/attachments")
@Authenticated
public class AttachmentResource {

    private final AttachmentService attachments;
    private final Vertx vertx;
    private final Caller caller;

    public AttachmentResource(AttachmentService attachments, Vertx vertx, Caller caller) {
        this.attachments = attachments;
        this.vertx = vertx;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file, @RestForm("stepIndex") Integer stepIndex) {
        // taken now: the upload goes on after the file is read, not necessarily on this thread
        Principal principal = caller.principal();
        return Uploads.read(vertx, file, attachments.maxBytes())
                .chain(bytes -> attachments.upload(principal, id, stepIndex, file.fileName(), file.contentType(), bytes))
                .map(a -> Response.created(URI.create("/api/executions/" + id + "/attachments/" + a.id())).entity(a).build());
    }

    @GET
    public Uni<List<Attachment>> list(@PathParam("id") UUID id) {
        return attachments.list(caller.principal(), id);
    }

    /** Always a download (never rendered inline), with the stored type and no sniffing. */
    @GET
    @Path("/{attachmentId}")
    @jakarta.ws.rs.Produces(MediaType.WILDCARD)
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(caller.principal(), id, attachmentId).map(content -> Downloads.attachment(content.bytes(),
                content.attachment().contentType(), content.attachment().fileName()));
    }
}
