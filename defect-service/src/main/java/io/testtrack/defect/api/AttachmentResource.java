package io.testtrack.defect.api;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Attachment;
import io.testtrack.defect.service.AttachmentService;
import io.testtrack.platform.attachment.Downloads;
import io.testtrack.platform.attachment.Uploads;
import io.testtrack.platform.security.Principal;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Attachments of a defect: upload as multipart (the form part {@code file}), list, download as a file. */
@Path("/api/bugs/{id}/attachments")
@Authenticated
public class AttachmentResource {

    private final AttachmentService attachments;
    private final Vertx vertx;
    private final JsonWebToken jwt;

    public AttachmentResource(AttachmentService attachments, Vertx vertx, JsonWebToken jwt) {
        this.attachments = attachments;
        this.vertx = vertx;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file) {
        return Uploads.read(vertx, file, attachments.maxBytes())
                .chain(bytes -> attachments.upload(Principal.of(jwt), id, file.fileName(), file.contentType(), bytes))
                .map(a -> Response.created(URI.create("/api/bugs/" + id + "/attachments/" + a.id())).entity(a).build());
    }

    @GET
    public Uni<List<Attachment>> list(@PathParam("id") UUID id) {
        return attachments.list(Principal.of(jwt), id);
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(Principal.of(jwt), id, attachmentId)
                .map(content -> Downloads.attachment(content.bytes(), content.attachment().contentType(), content.attachment().fileName()));
    }
}
