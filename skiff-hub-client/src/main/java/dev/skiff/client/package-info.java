/**
 * The Java Hub client: {@code HubClient} talks the Hugging Face Hub HTTP API and downloads into the cache layout
 * Python's {@code huggingface_hub} uses, so either client finds what the other fetched.
 */
package dev.skiff.client;
