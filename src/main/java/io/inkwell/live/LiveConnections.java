package io.inkwell.live;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.inkwell.config.InkwellConfig;
import io.inkwell.config.LiveSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The open connections of this replica, with what each follows, indexed by article and by user for
 * delivery. Enforces the per-user, anonymous and per-connection subscription limits.
 */
@ApplicationScoped
class LiveConnections {

    /** One open connection. {@code token} and {@code userId} are null for an anonymous one. */
    static final class Client {
        final WebSocketConnection connection;
        final Long userId;
        final JsonWebToken token;
        final Instant tokenExpiry;
        final Set<Long> articles = ConcurrentHashMap.newKeySet();
        volatile long lastHeardNanos = System.nanoTime();

        Client(WebSocketConnection connection, JsonWebToken token) {
            this.connection = connection;
            this.token = token;
            this.userId = token == null ? null : Long.valueOf(token.getSubject());
            this.tokenExpiry = token == null ? null : Instant.ofEpochSecond(token.getExpirationTime());
        }

        void heard() {
            lastHeardNanos = System.nanoTime();
        }
    }

    enum Subscribed { YES, ALREADY, TOO_MANY }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<Long, Set<Client>> byArticle = new ConcurrentHashMap<>();
    private final Map<Long, Set<Client>> byUser = new ConcurrentHashMap<>();
    private final LiveSettings settings;
    private int anonymous;

    LiveConnections(InkwellConfig config, MeterRegistry registry) {
        this.settings = config.live();
        Gauge.builder("inkwell.live.connections", clients, Map::size)
                .description("Open WebSocket connections to /api/live on this replica").register(registry);
    }

    /** Registers the connection, or refuses it (empty) when its user, or anonymous users, hold too many. */
    synchronized Optional<Client> open(WebSocketConnection connection, JsonWebToken token) {
        Long userId = token == null ? null : Long.valueOf(token.getSubject());
        if (userId == null ? anonymous >= settings.maxAnonymousConnections()
                : byUser.getOrDefault(userId, Set.of()).size() >= settings.maxConnectionsPerUser()) {
            return Optional.empty();
        }
        Client client = new Client(connection, token);
        clients.put(connection.id(), client);
        if (userId == null) {
            anonymous++;
        } else {
            byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(client);
        }
        return Optional.of(client);
    }

    synchronized void close(String connectionId) {
        Client client = clients.remove(connectionId);
        if (client == null) {
            return;
        }
        if (client.userId == null) {
            anonymous--;
        } else {
            remove(byUser, client.userId, client);
        }
        client.articles.forEach(article -> remove(byArticle, article, client));
    }

    Client get(String connectionId) {
        return clients.get(connectionId);
    }

    synchronized Subscribed subscribe(Client client, long articleId) {
        if (client.articles.contains(articleId)) {
            return Subscribed.ALREADY;
        }
        if (client.articles.size() >= settings.maxSubscriptions()) {
            return Subscribed.TOO_MANY;
        }
        client.articles.add(articleId);
        byArticle.computeIfAbsent(articleId, id -> ConcurrentHashMap.newKeySet()).add(client);
        return Subscribed.YES;
    }

    synchronized void unsubscribe(Client client, long articleId) {
        if (client.articles.remove(articleId)) {
            remove(byArticle, articleId, client);
        }
    }

    Collection<Client> followingArticle(long articleId) {
        return List.copyOf(byArticle.getOrDefault(articleId, Set.of()));
    }

    Collection<Client> ofUser(long userId) {
        return List.copyOf(byUser.getOrDefault(userId, Set.of()));
    }

    Collection<Client> all() {
        return List.copyOf(clients.values());
    }

    private static void remove(Map<Long, Set<Client>> index, long key, Client client) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }
}
