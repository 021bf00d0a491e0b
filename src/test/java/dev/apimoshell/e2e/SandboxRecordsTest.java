package dev.apimoshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.ApimoClient;
import dev.apimoshell.DefaultClientReset;
import dev.apimoshell.api.CatalogCache;
import dev.apimoshell.api.Query;
import dev.apimoshell.http.ApimoConfig;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.RecordContractTest;
import dev.apimoshell.sandbox.Sandbox;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every record the sandbox serves parses with nothing left in {@code extra()}, at any depth: the
 * records type what the sandbox (the contract) sends, requests too (the contract documents none of
 * their fields: {@code Request} types the sandbox's shape).
 */
@ExtendWith(DefaultClientReset.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxRecordsTest {
  private Sandbox sandbox;
  private ApimoClient client;

  @BeforeAll
  void start() {
    sandbox = Sandbox.start();
    client =
        ApimoClient.connect(
            ApimoConfig.of(sandbox.baseUrl(), sandbox.provider(), sandbox.token())
                .withRequestsPerSecond(0),
            CatalogCache.none());
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void everyRecordTheSandboxServesParsesWithAnEmptyExtra() throws Exception {
    var agency = client.agency(14);
    List<Query<? extends ApimoRecord>> queries =
        List.of(
            client.agencies(),
            agency.users(),
            agency.user(9).actions(),
            agency.properties(),
            agency.contacts(),
            agency.contracts(),
            agency.requests(),
            agency.leads());
    var untyped = new TreeSet<String>();
    for (Query<? extends ApimoRecord> query : queries) {
      List<? extends ApimoRecord> records = query.limit(300).list();
      assertThat(records).as(query.path()).isNotEmpty();
      for (ApimoRecord record : records) {
        untyped.addAll(RecordContractTest.extras(record, record.getClass().getSimpleName()));
      }
    }

    assertThat(untyped).isEmpty();
  }
}
