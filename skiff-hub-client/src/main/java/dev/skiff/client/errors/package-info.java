/**
 * The client's typed exceptions, mirroring {@code huggingface_hub.errors}: HTTP errors with the hub's status, message and
 * request id ({@link dev.skiff.client.errors.HubHttpException} and its not-found/gated/bad-request kinds) and local ones.
 */
package dev.skiff.client.errors;
