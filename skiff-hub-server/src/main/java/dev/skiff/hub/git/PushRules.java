package dev.skiff.hub.git;

import dev.skiff.hub.lfs.BlobStore;
import dev.skiff.hub.lfs.LfsPointer;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a git push may do: create, move (also non-fast-forward) or delete branches and tags, but not delete
 * {@code main} or touch other refs ({@code refs/pr/*}, {@code refs/convert/*} belong to the hub); and every LFS
 * pointer among the pushed objects must name an object uploaded to this repository (git-lfs's pre-push hook does
 * that through the batch API). A rejected push changes nothing: the hub's ReceivePack applies commands atomically.
 */
final class PushRules implements PreReceiveHook {
    private static final int MAX_REPORTED = 5;

    private final BlobStore blobs;
    private final String scope;

    PushRules(BlobStore blobs, String scope) {
        this.blobs = blobs;
        this.scope = scope;
    }

    @Override
    public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
        List<ReceiveCommand> updates = new ArrayList<>();
        for (ReceiveCommand c : commands) {
            if (c.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            String name = c.getRefName();
            if (!name.startsWith(GitStore.HEADS) && !name.startsWith(GitStore.TAGS)) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "only branches and tags can be pushed");
            } else if (name.equals(GitStore.HEADS + GitStore.MAIN) && c.getType() == ReceiveCommand.Type.DELETE) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "the default branch main cannot be deleted");
            } else if (c.getType() != ReceiveCommand.Type.DELETE) {
                updates.add(c);
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        List<String> missing;
        try {
            missing = missingLfsObjects(rp.getRepository(), updates);
        } catch (IOException e) {
            for (ReceiveCommand c : updates) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "cannot check the pushed objects: " + e.getMessage());
            }
            return;
        }
        if (!missing.isEmpty()) {
            String msg = "LFS objects missing on the hub (" + String.join(", ", missing)
                    + (missing.size() >= MAX_REPORTED ? ", ..." : "") + "): install git-lfs and push again";
            for (ReceiveCommand c : updates) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, msg);
            }
        }
    }

    /** LFS pointers among the objects the push adds whose objects this repository does not have (path: oid). */
    private List<String> missingLfsObjects(Repository repo, List<ReceiveCommand> updates) throws IOException {
        List<String> missing = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader(); ObjectWalk walk = new ObjectWalk(reader)) {
            for (ReceiveCommand c : updates) {
                walk.markStart(walk.parseAny(c.getNewId()));
            }
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                if (ref.getObjectId() == null) {
                    continue;
                }
                try {
                    walk.markUninteresting(walk.parseAny(ref.getObjectId()));
                } catch (MissingObjectException ignored) {
                    // a broken ref says nothing about what is new
                }
            }
            while (walk.next() != null) {
                // commits first; their trees and blobs below
            }
            RevObject o;
            while ((o = walk.nextObject()) != null && missing.size() < MAX_REPORTED) {
                if (o.getType() != Constants.OBJ_BLOB) {
                    continue;
                }
                long size = reader.getObjectSize(o, Constants.OBJ_BLOB);
                if (size < 100 || size > LfsPointer.MAX_POINTER_SIZE) {
                    continue;
                }
                LfsPointer p = LfsPointer.parse(reader.open(o, Constants.OBJ_BLOB).getCachedBytes());
                if (p != null && !blobs.isLinked(scope, p.oid())) {
                    missing.add(walk.getPathString() + ": " + p.oid());
                }
            }
        }
        return missing;
    }
}
