/**
 * The HTTP layer under {@link dev.skiff.client.HubClient} (internal): the JDK client pinned to HTTP/1.1, the headers
 * every call carries, retries with exponential backoff, {@code Link} paging and the mapping of hub errors to exceptions.
 */
package dev.skiff.client.http;
