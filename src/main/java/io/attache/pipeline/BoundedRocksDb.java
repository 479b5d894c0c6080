package io.attache.pipeline;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store in this JVM by one shared block cache, which also
 * accounts for memtables (through a write buffer manager) and index/filter blocks. The bound is the
 * {@code rocksdb.cache.mb} setting, handed over as {@value #CACHE_MB_CONFIG} and read when the first
 * store opens.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    /** Streams config key carrying the bound in MiB. */
    public static final String CACHE_MB_CONFIG = "attache.rocksdb.cache.mb";

    private static final double MEMTABLE_SHARE = 0.25;
    private static final double INDEX_FILTER_SHARE = 0.1;
    /**
     * Small memtables: an app has some 70 stores (two column families each), and a memtable
     * reserves an eighth of its size up front. At the default 16 MiB their reservations alone pass
     * the shared bound, and past the bound every write flushes its store's memtable to a tiny file,
     * which keeps the flush and compaction threads busy at a fraction of the throughput.
     */
    private static final long WRITE_BUFFER_BYTES = 2L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setTableFormatConfig(table);
    }

    private static synchronized void shared(Map<String, Object> configs) {
        if (cache == null) {
            Object mb = configs.get(CACHE_MB_CONFIG);
            long bytes = Long.parseLong(mb == null ? "64" : mb.toString()) * 1024 * 1024;
            cache = new LRUCache(bytes, -1, false, INDEX_FILTER_SHARE);
            writeBufferManager = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager outlive single stores; they live as long as the JVM.
    }
}
