/**
 * The git store: bare JGit repositories, one per repository storage id. Reads go straight to the object database
 * (no work tree); commits are built with an {@link org.eclipse.jgit.lib.ObjectInserter} from an in-core
 * {@link org.eclipse.jgit.dircache.DirCache} and published by a compare-and-set {@link org.eclipse.jgit.lib.RefUpdate}
 * expecting the old head, under a per-branch lock. That compare-and-set is both the {@code parentCommit} check and
 * the crash safety: a branch points at its old commit or at the complete new one, never at something half-written.
 * {@link dev.skiff.hub.git.GitStore} is the entry point; {@link dev.skiff.hub.git.GitHttp} serves git smart HTTP
 * (clone, fetch, and pushes checked by {@link dev.skiff.hub.git.PushRules}); {@link dev.skiff.hub.git.HeadSync} keeps
 * the metadata store in step with {@code main}.
 */
package dev.skiff.hub.git;
