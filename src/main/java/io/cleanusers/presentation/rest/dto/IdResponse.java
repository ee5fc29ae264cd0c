package io.cleanusers.presentation.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a 201: the new user's id. */
@Schema(name = "CreatedId")
public record IdResponse(
    @Schema(required = true, format = "uuid", example = "0190e4a4-1c2b-7cc3-9b1e-5f0e1d2c3b4a")
        String id) {}
