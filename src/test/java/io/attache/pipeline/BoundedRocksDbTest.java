package io.attache.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbTest {

    @Test
    @DisplayName("Every store gets the one shared write buffer manager and caches its index and filter blocks in the shared cache")
    void storesShareOneBound() {
        RocksDB.loadLibrary();
        try (Options a = new Options().setTableFormatConfig(new BlockBasedTableConfig());
                Options b = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            BoundedRocksDb setter = new BoundedRocksDb();
            setter.setConfig("store-a", a, Map.of(BoundedRocksDb.CACHE_MB_CONFIG, "16"));
            setter.setConfig("store-b", b, Map.of(BoundedRocksDb.CACHE_MB_CONFIG, "16"));

            assertThat(a.writeBufferManager()).isNotNull().isSameAs(b.writeBufferManager());
            assertThat(((BlockBasedTableConfig) a.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
            assertThat(((BlockBasedTableConfig) b.tableFormatConfig()).noBlockCache()).isFalse();
        }
    }
}
