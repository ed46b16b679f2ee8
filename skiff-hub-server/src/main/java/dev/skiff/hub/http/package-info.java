/**
 * The hub's HTTP plumbing on Jetty: raw-URI routing with segment-wise decoding, the request/response
 * exchange, and the one place where errors take the Hugging Face Hub's shape.
 */
package dev.skiff.hub.http;
