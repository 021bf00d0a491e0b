import dev.apimoshell.ApimoClient;
import dev.apimoshell.http.ApimoConfig;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests that cheap calls cost, counted by the client's exchange listener: {@code count()}
 * and {@code first()} one each, a second look-up in a catalog none. Run by bench/requests against
 * the sandbox named by APIMO_BASE_URL, APIMO_PROVIDER and APIMO_TOKEN; prints "count/first/catalog".
 */
public final class RequestCounts {
  public static void main(String[] args) {
    ApimoClient client =
        ApimoClient.connect(
            ApimoConfig.of(
                    System.getenv("APIMO_BASE_URL"),
                    System.getenv("APIMO_PROVIDER"),
                    System.getenv("APIMO_TOKEN"))
                .withRequestsPerSecond(0));
    var requests = new AtomicInteger();
    client.http().addListener(exchange -> requests.incrementAndGet());
    var agency = client.agency(14);

    agency.user(9).actions().count();
    int count = requests.getAndSet(0);
    agency.users().first();
    int first = requests.getAndSet(0);
    client.catalog("property_type").label(1);
    requests.set(0);
    client.catalog("property_type").label(2);
    int secondLookup = requests.get();
    System.out.println(count + "/" + first + "/" + secondLookup);
  }
}
