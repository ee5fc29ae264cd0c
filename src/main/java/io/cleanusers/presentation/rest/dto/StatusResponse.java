package io.cleanusers.presentation.rest.dto;

/** Body of {@code GET /api/v1/}. */
public record StatusResponse(String status) {}
