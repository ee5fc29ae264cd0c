/** What every use case shares: the caller, authorization, ports and exceptions. */
package io.cleanusers.application.common;
