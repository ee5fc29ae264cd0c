/**
 * The presentation layer: JAX-RS resources that parse a request, call one interactor or auth
 * handler and map the result; request and response records; error mappers; filters for the HTTP
 * rules of docs/contract/errors.md (request id, headers, transport checks) and for the session
 * cookie. No business rule lives here.
 */
package io.cleanusers.presentation;
