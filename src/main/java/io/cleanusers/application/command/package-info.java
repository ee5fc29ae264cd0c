/**
 * Commands: one interactor per use case that changes state, each one transaction that locks its
 * target row, writes nothing on a no-op, and records an audit line.
 */
package io.cleanusers.application.command;
