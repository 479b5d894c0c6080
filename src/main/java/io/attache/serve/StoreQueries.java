package io.attache.serve;

import com.fasterxml.jackson.databind.JavaType;
import io.attache.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the key-value stores of every instance of the application: a key is read
 * where it lives (this instance, or its active owner over HTTP using {@code application.server}
 * metadata), a whole store is gathered from every instance. Anything that cannot be answered
 * completely raises {@link NotReadyException}.
 */
public final class StoreQueries {

    /** Path of the instance-local store endpoints that other instances call. */
    static final String INTERNAL = "/internal/stores/";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param self this instance's {@code application.server}, or null when it runs alone
     * @param token bearer token to present to other instances, or blank
     */
    public StoreQueries(KafkaStreams streams, HostInfo self, String token) {
        this.streams = streams;
        this.self = self;
        this.token = token;
    }

    public <V> Optional<V> get(String store, String key, Class<V> type) {
        ensureRunning();
        if (self == null) {
            return Optional.ofNullable(local(store).get(key)).map(v -> convert(v, type));
        }
        KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new NotReadyException("no owner known for " + store + "/" + key);
        }
        if (md.activeHost().equals(self)) {
            // pinned to the key's partition: if it moved away meanwhile, this fails rather than answering "absent"
            try {
                return Optional.ofNullable(local(StoreQueryParameters.fromNameAndType(store,
                        QueryableStoreTypes.<String, Object>keyValueStore()).withPartition(md.partition())).get(key))
                        .map(v -> convert(v, type));
            } catch (InvalidStateStoreException e) {
                throw new NotReadyException("partition " + md.partition() + " of " + store + " is not queryable here", e);
            }
        }
        String body = fetch(md.activeHost(), INTERNAL + store + "/" + pathSegment(key));
        try {
            return body == null ? Optional.empty() : Optional.of(Json.MAPPER.readValue(body, type));
        } catch (IOException e) {
            throw new NotReadyException("unreadable answer from " + md.activeHost(), e);
        }
    }

    /** Every value of the store across all instances, in no particular order. */
    public <V> List<V> all(String store, Class<V> type) {
        ensureRunning();
        List<V> values = new ArrayList<>();
        localAll(store).forEach(v -> values.add(convert(v, type)));
        if (self != null) {
            if (streams.streamsMetadataForStore(store).isEmpty()) {
                throw new NotReadyException("no metadata for " + store + " yet");
            }
            JavaType listType = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
            for (StreamsMetadata m : streams.streamsMetadataForStore(store)) {
                if (!m.hostInfo().equals(self)) {
                    String body = fetch(m.hostInfo(), INTERNAL + store);
                    try {
                        values.addAll(Json.MAPPER.readValue(body, listType));
                    } catch (IOException e) {
                        throw new NotReadyException("unreadable answer from " + m.hostInfo(), e);
                    }
                }
            }
        }
        return values;
    }

    /** This instance's value for a key, for another instance's request. */
    public Object localGet(String store, String key) {
        ensureRunning();
        return local(store).get(key);
    }

    /** This instance's values of a store (active partitions only), for another instance's request. */
    public List<Object> localAll(String store) {
        ensureRunning();
        List<Object> values = new ArrayList<>();
        try (KeyValueIterator<String, Object> it = local(store).all()) {
            while (it.hasNext()) {
                KeyValue<String, Object> kv = it.next();
                if (kv.value != null) {
                    values.add(kv.value);
                }
            }
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("store " + store + " is not queryable: " + e.getMessage(), e);
        }
        return values;
    }

    private void ensureRunning() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotReadyException("instance is " + streams.state());
        }
    }

    private ReadOnlyKeyValueStore<String, Object> local(String store) {
        return local(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Object>keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, Object> local(StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> params) {
        try {
            return streams.store(params);
        } catch (InvalidStateStoreException e) {
            throw new NotReadyException("store " + params.storeName() + " is not queryable: " + e.getMessage(), e);
        }
    }

    private static String pathSegment(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <V> V convert(Object value, Class<V> type) {
        return type.isInstance(value) ? type.cast(value) : Json.MAPPER.convertValue(value, type);
    }

    /** GET from another instance: the body on 200, null on 404, NotReady otherwise. */
    private String fetch(HostInfo host, String path) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(Duration.ofSeconds(5)).GET();
        if (token != null && !token.isBlank()) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return switch (r.statusCode()) {
                case 200 -> r.body();
                case 404 -> null;
                default -> throw new NotReadyException(host + " answered " + r.statusCode() + " for " + path);
            };
        } catch (IOException e) {
            throw new NotReadyException("cannot reach " + host + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted", e);
        }
    }
}
