package dev.apimoshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimoshell.api.Query;
import dev.apimoshell.model.ApimoRecord;
import dev.apimoshell.model.RecordContractTest;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every record the sandbox serves parses with nothing left in {@code extra()}, at any depth: the
 * records type what the sandbox (the contract) sends, requests too (the contract documents none of
 * their fields: {@code Request} types the sandbox's shape).
 */
class SandboxRecordsTest extends AgainstTheSandbox {
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
