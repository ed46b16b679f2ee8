/**
 * Repository management: creating, deleting, renaming and configuring repositories, resolving what a revision
 * names, and the {@link dev.skiff.hub.repo.RepoStorage} seam behind which repository contents live
 * ({@link dev.skiff.hub.repo.GitRepoStorage}: bare git repositories by JGit).
 */
package dev.skiff.hub.repo;
