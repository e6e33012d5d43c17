/** The activity record keeps a client's network, not its host: IPv4 /24, IPv6 /48. */
import assert from "node:assert/strict";
import { truncateAddress } from "../../server/activity/repository.ts";

Deno.test("truncateAddress drops the host part of IPv4 and IPv6 addresses", () => {
  assert.equal(truncateAddress("203.0.113.77"), "203.0.113.0");
  assert.equal(truncateAddress("::ffff:198.51.100.9"), "198.51.100.0");
  assert.equal(truncateAddress("2001:db8:85a3:8d3:1319:8a2e:370:7348"), "2001:db8:85a3::");
  assert.equal(truncateAddress("2001:0DB8:0000::1"), "2001:db8:0::");
  assert.equal(truncateAddress("::1"), "0:0:0::");
  for (const odd of ["", undefined, "unknown", "1.2.3", "2001:db8::zz", "1:2:3:4:5:6:7:8:9"]) {
    assert.equal(truncateAddress(odd), "", String(odd));
  }
});
