package io.cleanusers.presentation.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /api/v1/}. */
@Schema(name = "Status")
public record StatusResponse(@Schema(required = true, enumeration = "ok") String status) {}
