/**
 * The Hugging Face Hub HTTP API: small handlers grouped by topic that parse a request, call the stores
 * and write the Hub-shaped response.
 */
package dev.skiff.hub.api;
