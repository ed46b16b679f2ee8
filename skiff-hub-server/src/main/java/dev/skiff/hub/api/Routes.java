package dev.skiff.hub.api;

import java.util.List;

/** Every endpoint group of the hub, in registration order (earlier groups win on overlapping patterns). */
public final class Routes {
    private Routes() {
    }

    public static List<RouteGroup> all() {
        return List.of(
                new SystemRoutes(),
                new RepoRoutes(),
                new ListRoutes(),
                new FileRoutes(),
                new TreeRoutes(),
                new CommitRoutes(),
                new LfsRoutes(),
                new RefRoutes());
    }
}
