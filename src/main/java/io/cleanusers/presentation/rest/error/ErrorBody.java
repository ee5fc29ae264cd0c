package io.cleanusers.presentation.rest.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error response (docs/contract/errors.md, "Error body"). */
@Schema(name = "Error", description = "Every error answers with this body.")
public record ErrorBody(
    @Schema(required = true, example = "Not authenticated.") String description) {}
