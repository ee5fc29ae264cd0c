/**
 * Composition: the only package that knows every layer. It declares the JAX-RS application, the
 * data source and the OpenAPI document, produces the CDI beans of plain-Java classes, and runs the
 * start-up work (settings, migrations, bootstrap super admin, session purge).
 */
package io.cleanusers.setup;
