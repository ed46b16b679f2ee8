/**
 * Authentication (hashed bearer tokens with read or write roles) and the visibility and write rules for
 * users, organisations and private repositories.
 */
package dev.skiff.hub.auth;
