/**
 * The self-hosted hub: {@link dev.skiff.hub.HubServer} serves the Hugging Face Hub HTTP API so the stock
 * Python client works against it, over git repositories, LFS objects and a SQL metadata store.
 */
package dev.skiff.hub;
