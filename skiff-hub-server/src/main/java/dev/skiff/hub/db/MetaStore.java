package dev.skiff.hub.db;

import java.util.List;
import java.util.Optional;

/**
 * Users, organisations, tokens and repository metadata. One implementation over SQL serves SQLite and
 * PostgreSQL; other stores can come behind this interface.
 */
public interface MetaStore {

    record Namespace(String name, String kind, String fullname, String createdAt) {
        public boolean isOrg() {
            return "org".equals(kind);
        }
    }

    record Token(String owner, String role, String displayName) {
        public boolean canWrite() {
            return "write".equals(role);
        }
    }

    /** A repository's metadata; {@code sdk} is a Space's SDK (null for other types). */
    record Repo(String type, String namespace, String name, boolean isPrivate, String gated, String createdAt,
                String lastModified, String sha, String cardData, List<String> tags, String pipelineTag,
                String libraryName, long downloads, long likes, String storageId, String sdk) {
        public String id() {
            return namespace + "/" + name;
        }
    }

    Optional<Namespace> namespace(String name);

    /** Creates the user if absent; returns it. */
    Namespace ensureUser(String name);

    Namespace ensureOrg(String name);

    void addMember(String org, String user, String role);

    /** The member's role in the org, if any. */
    Optional<String> membership(String org, String user);

    List<String> orgsOf(String user);

    /** Stores the token's hash and returns the token text (shown once). */
    String createToken(String owner, String role, String displayName);

    Optional<Token> token(String tokenText);

    /** False if a repo of that type and id exists. */
    boolean createRepo(Repo repo);

    Optional<Repo> repo(String type, String namespace, String name);

    boolean deleteRepo(String type, String namespace, String name);

    boolean moveRepo(String type, String fromNs, String fromName, String toNs, String toName);

    void updateSettings(String type, String namespace, String name, Boolean isPrivate, String gated, boolean setGated);

    /** After a commit to main: head, time and what the README says. */
    void updateHead(String type, String namespace, String name, String sha, String lastModified, String cardData,
                    List<String> tags, String pipelineTag, String libraryName);

    void touch(String type, String namespace, String name, String lastModified);

    void countDownload(String type, String namespace, String name);

    /** All repos of a type, optionally of one namespace; filtering, visibility and paging happen above. */
    List<Repo> repos(String type, String namespace);
}
