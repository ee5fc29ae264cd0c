/** Queries: the read side, which reads only the columns it returns, never entities. */
package io.cleanusers.application.query;
