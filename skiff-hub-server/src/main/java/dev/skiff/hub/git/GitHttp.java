package dev.skiff.hub.git;

import dev.skiff.hub.Hub;
import dev.skiff.hub.auth.Principal;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.http.Exchange;
import dev.skiff.hub.http.HubException;
import dev.skiff.hub.http.Router;
import dev.skiff.hub.repo.RepoType;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Git smart HTTP for {@code git clone}: {@code /[datasets/|spaces/]{ns}/{name}[.git]/info/refs},
 * {@code .../git-upload-pack}, served by JGit's {@link GitServlet} in a servlet context behind the hub's handler.
 * Public repositories are readable anonymously; private ones, and every push, ask for HTTP Basic credentials (any
 * user name, a token as the password). Pushes ({@code git-receive-pack}) need write access and go through
 * {@link PushRules}: branches and tags only, {@code main} cannot be deleted, and every LFS pointer pushed must name an
 * object already uploaded to this repository (git-lfs's pre-push hook uploads them through the batch API the hub
 * serves beside it, {@code .../info/lfs/objects/batch}). Ref updates are compare-and-set, like the hub's own commits,
 * and a push that moves {@code main} updates the metadata store ({@link HeadSync}).
 */
public final class GitHttp {
    private static final String HEADS = GitStore.HEADS;
    private static final String MAIN_BRANCH = GitStore.MAIN;
    static final String REPO_ATTRIBUTE = GitHttp.class.getName() + ".repo";
    static final String PRINCIPAL_ATTRIBUTE = GitHttp.class.getName() + ".principal";

    private GitHttp() {
    }

    /** The repo a git request is about and what is asked of it ({@code rest}: {@code info/refs}, {@code git-upload-pack}). */
    record Target(RepoType type, String ns, String name, List<String> rest) {
        boolean push(String query) {
            return rest.getLast().equals("git-receive-pack")
                    || (rest.getLast().equals("refs") && query != null && query.contains("service=git-receive-pack"));
        }
    }

    /** True if these path segments are a git smart HTTP request (the hub's handler hands them over). */
    public static boolean matches(List<String> segments) {
        return target(segments) != null;
    }

    static Target target(List<String> s) {
        if (s.size() >= 4 && (s.getFirst().equals("datasets") || s.getFirst().equals("spaces"))) {
            Target t = target(s, 1, s.getFirst().equals("datasets") ? RepoType.DATASET : RepoType.SPACE);
            if (t != null) {
                return t;
            }
        }
        return target(s, 0, RepoType.MODEL);
    }

    private static Target target(List<String> s, int off, RepoType type) {
        if (s.size() < off + 3) {
            return null;
        }
        List<String> rest = s.subList(off + 2, s.size());
        boolean git = (rest.size() == 2 && rest.get(0).equals("info") && rest.get(1).equals("refs"))
                || (rest.size() == 1 && (rest.get(0).equals("git-upload-pack") || rest.get(0).equals("git-receive-pack")));
        if (!git) {
            return null;
        }
        String name = s.get(off + 1);
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        return new Target(type, s.get(off), name, List.copyOf(rest));
    }

    /** The handler serving git requests for {@code hub}. */
    public static Handler handler(Hub hub) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(new Resolver(hub));
        servlet.setReceivePackFactory((req, db) -> {
            if (!(req.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof Principal who)
                    || !(req.getAttribute(REPO_ATTRIBUTE) instanceof MetaStore.Repo repo)) {
                throw new ServiceNotAuthorizedException();
            }
            ReceivePack rp = new ReceivePack(db);
            rp.setRefLogIdent(new PersonIdent(who.user(), who.user() + "@users.noreply.skiff"));
            rp.setAllowCreates(true);
            rp.setAllowDeletes(true);
            rp.setAllowNonFastForwards(true);
            rp.setCheckReceivedObjects(true);
            rp.setAtomic(true);
            rp.setPreReceiveHook(new PushRules(hub.blobs(), repo.storageId()));
            rp.setPostReceiveHook((pack, commands) -> {
                for (ReceiveCommand c : commands) {
                    if (c.getResult() == ReceiveCommand.Result.OK && c.getRefName().equals(HEADS + MAIN_BRANCH)
                            && c.getType() != ReceiveCommand.Type.DELETE) {
                        HeadSync.mainMoved(hub, repo, c.getNewId());
                    }
                }
            });
            return rp;
        });
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.setContextPath("/");
        ctx.addServlet(new ServletHolder("git", servlet), "/*");
        return new Gate(hub, ctx);
    }

    /** The request attribute where the gate leaves the storage id of the repository it let through. */
    static final String STORAGE_ATTRIBUTE = GitHttp.class.getName() + ".storageId";

    /**
     * Opens the repository the gate checked (its storage id travels as a request attribute, so JGit's own reading of
     * the path can never name another repository than the one access was checked for).
     */
    private record Resolver(Hub hub) implements RepositoryResolver<HttpServletRequest> {
        @Override
        public Repository open(HttpServletRequest req, String name)
                throws org.eclipse.jgit.errors.RepositoryNotFoundException {
            Object id = req.getAttribute(STORAGE_ATTRIBUTE);
            if (!(id instanceof String storageId)) {
                throw new org.eclipse.jgit.errors.RepositoryNotFoundException(name);
            }
            try {
                return hub.git().open(storageId);
            } catch (IOException e) {
                throw new org.eclipse.jgit.errors.RepositoryNotFoundException(name, e);
            }
        }
    }

    /** Checks access the hub's way before JGit sees the request. */
    private static final class Gate extends Handler.Wrapper {
        private final Hub hub;

        Gate(Hub hub, Handler servlets) {
            super(servlets);
            this.hub = hub;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            List<String> segs = Router.segments(request.getHttpURI().getPath());
            Target t = target(segs);
            if (t == null) {
                return false;
            }
            Exchange ex = new Exchange(request, response, segs, hub.baseUrl());
            boolean push = t.push(request.getHttpURI().getQuery());
            try {
                MetaStore.Repo repo = push ? hub.access().writable(ex, t.type().id(), t.ns(), t.name())
                        : hub.access().readable(ex, t.type().id(), t.ns(), t.name());
                request.setAttribute(STORAGE_ATTRIBUTE, repo.storageId());
                request.setAttribute(REPO_ATTRIBUTE, repo);
                if (push) {
                    request.setAttribute(PRINCIPAL_ATTRIBUTE, hub.auth().required(ex));
                }
            } catch (HubException e) {
                if (e.status() == 401) {
                    response.getHeaders().put("WWW-Authenticate", "Basic realm=\"Skiff hub\"");
                }
                text(response, callback, e.status() == 401 || e.status() == 403 ? e.status() : 404, e.getMessage());
                return true;
            }
            return super.handle(request, response, callback);
        }

        private static void text(Response response, Callback callback, int status, String msg) {
            response.setStatus(status);
            response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap((msg + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
