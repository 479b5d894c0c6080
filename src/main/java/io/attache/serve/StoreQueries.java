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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    private final ToIntFunction<String> partitionCount;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param self this instance's {@code application.server}, or null when it runs alone
     * @param token bearer token to present to other instances, or blank
     * @param partitionCount the number of partitions of a store (of its changelog topic)
     */
    public StoreQueries(KafkaStreams streams, HostInfo self, String token, ToIntFunction<String> partitionCount) {
        this.streams = streams;
        this.partitionCount = partitionCount;
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

    /**
     * Every value of the store across all instances, in no particular order. Complete or not at all:
     * each of the store's partitions is read, pinned, from its active owner, so a partition that is
     * unowned, moving or still restoring makes the whole answer {@link NotReadyException}.
     */
    public <V> List<V> all(String store, Class<V> type) {
        ensureRunning();
        int partitions = partitionCount.applyAsInt(store);
        List<V> values = new ArrayList<>();
        if (self == null) {
            localAll(store, range(partitions)).forEach(v -> values.add(convert(v, type)));
            return values;
        }
        Map<HostInfo, List<Integer>> owners = owners(store, partitions);
        JavaType listType = Json.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
        for (Map.Entry<HostInfo, List<Integer>> owner : owners.entrySet()) {
            if (owner.getKey().equals(self)) {
                localAll(store, owner.getValue()).forEach(v -> values.add(convert(v, type)));
                continue;
            }
            String path = INTERNAL + store + "?partitions="
                    + owner.getValue().stream().map(String::valueOf).collect(Collectors.joining(","));
            String body = fetch(owner.getKey(), path);
            try {
                values.addAll(Json.MAPPER.readValue(body, listType));
            } catch (IOException | IllegalArgumentException e) {
                throw new NotReadyException("unreadable answer from " + owner.getKey(), e);
            }
        }
        return values;
    }

    /** The active owner of each of the store's partitions, grouped by owner; every partition must have one. */
    private Map<HostInfo, List<Integer>> owners(String store, int partitions) {
        Map<Integer, HostInfo> byPartition = new TreeMap<>();
        for (StreamsMetadata m : streams.streamsMetadataForStore(store)) {
            m.topicPartitions().forEach(tp -> byPartition.put(tp.partition(), m.hostInfo()));
        }
        Map<HostInfo, List<Integer>> owners = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            HostInfo owner = byPartition.get(p);
            if (owner == null) {
                throw new NotReadyException("partition " + p + " of " + store + " has no active owner");
            }
            owners.computeIfAbsent(owner, h -> new ArrayList<>()).add(p);
        }
        return owners;
    }

    /** This instance's value for a key, for another instance's request. */
    public Object localGet(String store, String key) {
        ensureRunning();
        return local(store).get(key);
    }

    /**
     * This instance's values of the given partitions of a store, each read pinned to its partition,
     * for its own use or another instance's request.
     */
    public List<Object> localAll(String store, List<Integer> partitions) {
        ensureRunning();
        List<Object> values = new ArrayList<>();
        for (int p : partitions) {
            try (KeyValueIterator<String, Object> it = local(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.<String, Object>keyValueStore()).withPartition(p)).all()) {
                while (it.hasNext()) {
                    KeyValue<String, Object> kv = it.next();
                    if (kv.value != null) {
                        values.add(kv.value);
                    }
                }
            } catch (InvalidStateStoreException e) {
                throw new NotReadyException("partition " + p + " of " + store + " is not queryable here: " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** This instance's partitions of the store (all of them when it runs alone), for readiness checks. */
    public List<Integer> localPartitions(String store) {
        int partitions = partitionCount.applyAsInt(store);
        if (self == null) {
            return range(partitions);
        }
        return owners(store, partitions).getOrDefault(self, List.of());
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
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
