/**
 * The application layer: one interactor per use case (commands write, queries read), the ports they
 * need, authorization, and the application's exceptions. It depends on the domain and on the
 * standard DI and transaction contracts only.
 */
package io.cleanusers.application;
