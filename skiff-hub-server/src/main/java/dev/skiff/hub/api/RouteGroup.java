package dev.skiff.hub.api;

import dev.skiff.hub.Hub;
import dev.skiff.hub.http.Router;

/** A set of related endpoints, registered on the router at start-up. */
public interface RouteGroup {
    void register(Router router, Hub hub);
}
