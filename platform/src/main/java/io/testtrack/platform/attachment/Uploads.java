package io.testtrack.platform.attachment;

import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.error.PayloadTooLargeException;
import io.vertx.mutiny.core.Vertx;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** How an attachment arrives: the multipart form part {@code file}, at most {@code maxBytes}, read off the event loop's file system API. */
public final class Uploads {

    private Uploads() {
    }

    public static Uni<byte[]> read(Vertx vertx, FileUpload file, long maxBytes) {
        if (file == null) {
            throw new InvalidFieldsException("file", "is required: the file as the form part named file");
        }
        if (file.size() > maxBytes) {
            throw new PayloadTooLargeException("An attachment is at most " + maxBytes + " bytes.");
        }
        return vertx.fileSystem().readFile(file.uploadedFile().toString()).map(buffer -> buffer.getBytes());
    }
}
